import { DataFormatError, formatCount } from './errors';
import { pixelsPerImage, type ImageSet } from './types';

/**
 * The lab's packed format: one file per dataset split, read with a single DataView.
 *
 * | offset | bytes | field                                   |
 * |-------:|------:|-----------------------------------------|
 * |      0 |     4 | magic `CNNL` (43 4E 4E 4C)              |
 * |      4 |     4 | format version, uint32 little-endian (1) |
 * |      8 |     4 | image count N                           |
 * |     12 |     4 | height H                                |
 * |     16 |     4 | width W                                 |
 * |     20 |     4 | channels C                              |
 * |     24 |     4 | class count K                           |
 * |     28 |     4 | reserved, 0                             |
 * |     32 |     N | labels, one uint8 each, 0 to K − 1      |
 * | 32 + N | N·H·W·C | pixels, uint8, image after image, HWC row-major |
 *
 * The build step stores a file gzip-compressed when that makes it at least 10% smaller;
 * the loader recognises the gzip signature (1f 8b) and decompresses.
 */

export const PACKED_MAGIC = 'CNNL';
export const PACKED_VERSION = 1;
export const PACKED_HEADER_BYTES = 32;
const MAGIC_BYTES = [...PACKED_MAGIC].map((ch) => ch.charCodeAt(0));

/** Size of a packed file in bytes: 32 + N + N·H·W·C. */
export function packedSize(set: ImageSet): number {
  return PACKED_HEADER_BYTES + set.count + set.count * pixelsPerImage(set);
}

/** Writes an image set in the packed format. */
export function encodePacked(set: ImageSet): Uint8Array<ArrayBuffer> {
  if (set.labels.length !== set.count || set.images.length !== set.count * pixelsPerImage(set)) {
    throw new RangeError(
      `The set says ${set.count} images of ${set.height}×${set.width}×${set.channels} but holds ${set.labels.length} labels and ${set.images.length} pixel bytes.`,
    );
  }
  const bytes = new Uint8Array(packedSize(set));
  bytes.set(MAGIC_BYTES, 0);
  const view = new DataView(bytes.buffer);
  const fields = [
    PACKED_VERSION,
    set.count,
    set.height,
    set.width,
    set.channels,
    set.classCount,
    0,
  ];
  fields.forEach((value, i) => view.setUint32(4 + 4 * i, value, true));
  bytes.set(set.labels, PACKED_HEADER_BYTES);
  bytes.set(set.images, PACKED_HEADER_BYTES + set.count);
  return bytes;
}

/** Reads a packed file; the arrays are views on `bytes`, not copies. */
export function decodePacked(bytes: Uint8Array, file: string): ImageSet {
  if (bytes.length < PACKED_HEADER_BYTES) {
    throw new DataFormatError(
      file,
      `truncated: ${formatCount(bytes.length)} bytes is shorter than the ${PACKED_HEADER_BYTES}-byte header.`,
    );
  }
  if (MAGIC_BYTES.some((b, i) => bytes[i] !== b)) {
    throw new DataFormatError(
      file,
      `wrong magic number: this is not a CNN Lab data file (it should start with "${PACKED_MAGIC}").`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const field = (i: number) => view.getUint32(4 + 4 * i, true);
  const version = field(0);
  if (version !== PACKED_VERSION) {
    throw new DataFormatError(
      file,
      `format version ${version}, but this lab reads version ${PACKED_VERSION}; run \`npm run datasets\` to rebuild the data.`,
    );
  }
  const [count, height, width, channels, classCount] = [1, 2, 3, 4, 5].map(field) as [
    number,
    number,
    number,
    number,
    number,
  ];
  if (height === 0 || width === 0 || channels === 0 || classCount === 0 || classCount > 256) {
    throw new DataFormatError(
      file,
      `the header describes ${height}×${width}×${channels} images in ${classCount} classes, which cannot be right.`,
    );
  }
  const set = { count, height, width, channels, classCount };
  const expected = packedSize({ ...set, labels: new Uint8Array(0), images: new Uint8Array(0) });
  if (bytes.length !== expected) {
    throw new DataFormatError(
      file,
      `${bytes.length < expected ? 'truncated' : 'too long'}: the header announces ${formatCount(count)} images of ${height}×${width}×${channels} (${formatCount(expected)} bytes) but the file has ${formatCount(bytes.length)} bytes.`,
    );
  }
  const labels = bytes.subarray(PACKED_HEADER_BYTES, PACKED_HEADER_BYTES + count);
  const bad = labels.findIndex((label) => label >= classCount);
  if (bad >= 0) {
    throw new DataFormatError(
      file,
      `image ${formatCount(bad)} has label ${labels[bad]}, but the file has ${classCount} classes.`,
    );
  }
  return { ...set, labels, images: bytes.subarray(PACKED_HEADER_BYTES + count) };
}
