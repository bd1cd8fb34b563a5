import type { ImageSet } from '../../../src/data/types';

/** Small data files built in memory, so parser tests need no source data. */

/** An IDX file: big-endian magic and sizes, then the bytes. */
export function idxBytes(
  magic: number,
  sizes: readonly number[],
  values: ArrayLike<number>,
): Uint8Array {
  const bytes = new Uint8Array(4 + 4 * sizes.length + values.length);
  const view = new DataView(bytes.buffer);
  view.setUint32(0, magic, false);
  sizes.forEach((size, i) => view.setUint32(4 + 4 * i, size, false));
  bytes.set(Array.from(values), 4 + 4 * sizes.length);
  return bytes;
}

/** A CIFAR-10 record per label; pixel (r, g, b) of image i at position p is (i + p, 100 + p, 200 + i) mod 256. */
export function cifarBytes(labels: readonly number[]): Uint8Array {
  const bytes = new Uint8Array(labels.length * 3073);
  labels.forEach((label, i) => {
    const at = i * 3073;
    bytes[at] = label;
    for (let p = 0; p < 1024; p++) {
      bytes[at + 1 + p] = (i + p) % 256;
      bytes[at + 1 + 1024 + p] = (100 + p) % 256;
      bytes[at + 1 + 2048 + p] = (200 + i) % 256;
    }
  });
  return bytes;
}

/** A set whose image i is filled with the value (i · 7 + pixel) mod 256 and has label i mod classCount. */
export function makeSet(
  count: number,
  height: number,
  width: number,
  channels: number,
  classCount = 10,
): ImageSet {
  const size = height * width * channels;
  const images = new Uint8Array(count * size);
  for (let i = 0; i < count; i++) {
    for (let p = 0; p < size; p++) images[i * size + p] = (i * 7 + p) % 256;
  }
  const labels = Uint8Array.from({ length: count }, (_, i) => i % classCount);
  return { count, height, width, channels, classCount, labels, images };
}

/** Gzip through the platform's CompressionStream (Node 18+ and browsers). */
export async function gzip(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  const stream = new Blob([bytes]).stream().pipeThrough(new CompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}
