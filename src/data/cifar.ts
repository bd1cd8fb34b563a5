import { DataFormatError, formatCount } from './errors';
import type { ImageSet } from './types';

/**
 * The CIFAR-10 binary version (https://www.cs.toronto.edu/~kriz/cifar.html): records of
 * one label byte then 1,024 red, 1,024 green and 1,024 blue bytes, each plane 32×32
 * row-major. The lab keeps images channel-last (HWC), as TensorFlow.js and canvases do.
 */

export const CIFAR_SIDE = 32;
export const CIFAR_CHANNELS = 3;
const PLANE = CIFAR_SIDE * CIFAR_SIDE;
/** Bytes of one CIFAR-10 record: 1 label byte + 3 × 1,024 pixel bytes. */
export const CIFAR_RECORD_BYTES = 1 + CIFAR_CHANNELS * PLANE;
const CIFAR100_RECORD_BYTES = CIFAR_RECORD_BYTES + 1;

/** Parses a CIFAR-10 binary batch into HWC images and labels (10 classes). */
export function parseCifarBatch(bytes: Uint8Array, file: string): ImageSet {
  if (bytes.length === 0) throw new DataFormatError(file, 'is empty.');
  if (bytes.length % CIFAR_RECORD_BYTES !== 0) {
    const whole = Math.floor(bytes.length / CIFAR_RECORD_BYTES);
    const hint =
      bytes.length % CIFAR100_RECORD_BYTES === 0
        ? ' It divides into 3,074-byte records, which is the CIFAR-100 layout (two label bytes); the lab reads CIFAR-10.'
        : ' The file is truncated or is not a CIFAR-10 binary batch.';
    throw new DataFormatError(
      file,
      `wrong record size: ${formatCount(bytes.length)} bytes is not a whole number of ${formatCount(CIFAR_RECORD_BYTES)}-byte records (${formatCount(whole)} records and ${formatCount(bytes.length - whole * CIFAR_RECORD_BYTES)} bytes left over).${hint}`,
    );
  }
  const count = bytes.length / CIFAR_RECORD_BYTES;
  const labels = new Uint8Array(count);
  const images = new Uint8Array(count * PLANE * CIFAR_CHANNELS);
  for (let r = 0; r < count; r++) {
    const record = r * CIFAR_RECORD_BYTES;
    const label = bytes[record] ?? 0;
    if (label >= 10) {
      throw new DataFormatError(
        file,
        `record ${formatCount(r)} (byte ${formatCount(record)}) has label ${label}; CIFAR-10 labels are 0 to 9, so the file is corrupt or not CIFAR-10.`,
      );
    }
    labels[r] = label;
    const out = r * PLANE * CIFAR_CHANNELS;
    for (let c = 0; c < CIFAR_CHANNELS; c++) {
      const plane = record + 1 + c * PLANE;
      for (let p = 0; p < PLANE; p++) images[out + p * CIFAR_CHANNELS + c] = bytes[plane + p] ?? 0;
    }
  }
  return {
    count,
    height: CIFAR_SIDE,
    width: CIFAR_SIDE,
    channels: CIFAR_CHANNELS,
    classCount: 10,
    labels,
    images,
  };
}

/** Parses `batches.meta.txt`: one class name a line, blank lines ignored; expects 10 names. */
export function parseCifarMeta(text: string, file: string, classCount = 10): string[] {
  const names = text
    .split(/\r?\n/)
    .map((line) => line.trim())
    .filter((line) => line.length > 0);
  if (names.length !== classCount) {
    throw new DataFormatError(
      file,
      `lists ${names.length} class names; CIFAR-10 has ${classCount}, one a line.`,
    );
  }
  return names;
}
