import { DataFormatError, formatCount } from './errors';

/**
 * The IDX format of MNIST and Fashion-MNIST (http://yann.lecun.com/exdb/mnist/):
 * a big-endian header (magic number, then one 32-bit size per dimension) followed by
 * the values. The magic number's third byte is the value type (0x08 = unsigned byte)
 * and its fourth the number of dimensions, so images are 2051 and labels 2049.
 * The official files are gzipped; the caller gunzips them (node:zlib in the build step).
 */

export const IDX_IMAGES_MAGIC = 2051;
export const IDX_LABELS_MAGIC = 2049;

export interface IdxImages {
  readonly count: number;
  readonly height: number;
  readonly width: number;
  /** count × height × width bytes, row-major. */
  readonly pixels: Uint8Array;
}

export interface IdxLabels {
  readonly count: number;
  readonly labels: Uint8Array;
}

const GZIP_SIGNATURE = [0x1f, 0x8b] as const;

/** True when the bytes start with the gzip signature 1f 8b. */
export function isGzip(bytes: Uint8Array): boolean {
  return bytes[0] === GZIP_SIGNATURE[0] && bytes[1] === GZIP_SIGNATURE[1];
}

/** Reads the header and returns the dimension sizes and the offset of the first value. */
function readIdxHeader(bytes: Uint8Array, file: string, expectedMagic: number) {
  if (isGzip(bytes)) {
    throw new DataFormatError(file, 'is still gzip-compressed; gunzip it before parsing.');
  }
  // The magic number comes first, so a swapped or foreign file is named as such even when short.
  if (bytes.length < 4) {
    throw new DataFormatError(
      file,
      `truncated: ${formatCount(bytes.length)} bytes is too short to hold an IDX magic number.`,
    );
  }
  const view = new DataView(bytes.buffer, bytes.byteOffset, bytes.byteLength);
  const magic = view.getUint32(0, false);
  if (magic !== expectedMagic) {
    const what = expectedMagic === IDX_IMAGES_MAGIC ? 'an images file' : 'a labels file';
    const hint =
      magic === IDX_LABELS_MAGIC || magic === IDX_IMAGES_MAGIC
        ? ` (${magic} is the ${magic === IDX_LABELS_MAGIC ? 'labels' : 'images'} magic: are the images and labels files swapped?)`
        : '';
    throw new DataFormatError(
      file,
      `wrong magic number ${magic} (expected ${expectedMagic} for ${what})${hint}.`,
    );
  }
  const dimensions = expectedMagic & 0xff;
  const headerBytes = 4 + 4 * dimensions;
  if (bytes.length < headerBytes) {
    throw new DataFormatError(
      file,
      `truncated: ${formatCount(bytes.length)} bytes is shorter than the ${headerBytes}-byte IDX header.`,
    );
  }
  const sizes: number[] = [];
  for (let d = 0; d < dimensions; d++) sizes.push(view.getUint32(4 + 4 * d, false));
  return { sizes, headerBytes };
}

/** Checks that the file holds exactly the values its header announces. */
function checkLength(
  bytes: Uint8Array,
  file: string,
  headerBytes: number,
  values: number,
  what: string,
) {
  const expected = headerBytes + values;
  if (bytes.length < expected) {
    throw new DataFormatError(
      file,
      `truncated: the header announces ${what} (${formatCount(expected)} bytes) but the file has ${formatCount(bytes.length)} bytes.`,
    );
  }
  if (bytes.length > expected) {
    throw new DataFormatError(
      file,
      `${formatCount(bytes.length - expected)} unexpected bytes after the ${what} the header announces; the file is not a valid IDX file.`,
    );
  }
}

/** Parses an uncompressed IDX images file (magic 2051): count × rows × columns bytes. */
export function parseIdxImages(bytes: Uint8Array, file: string): IdxImages {
  const { sizes, headerBytes } = readIdxHeader(bytes, file, IDX_IMAGES_MAGIC);
  const [count = 0, height = 0, width = 0] = sizes;
  if (height === 0 || width === 0) {
    throw new DataFormatError(file, `images of ${height}×${width} pixels make no sense.`);
  }
  checkLength(
    bytes,
    file,
    headerBytes,
    count * height * width,
    `${formatCount(count)} images of ${height}×${width}`,
  );
  return { count, height, width, pixels: bytes.slice(headerBytes) };
}

/** Parses an uncompressed IDX labels file (magic 2049): one byte per label. */
export function parseIdxLabels(bytes: Uint8Array, file: string): IdxLabels {
  const { sizes, headerBytes } = readIdxHeader(bytes, file, IDX_LABELS_MAGIC);
  const count = sizes[0] ?? 0;
  checkLength(bytes, file, headerBytes, count, `${formatCount(count)} labels`);
  return { count, labels: bytes.slice(headerBytes) };
}

/** Throws unless every label is below classCount; names the first bad one. */
export function checkLabels(labels: Uint8Array, classCount: number, file: string): void {
  const bad = labels.findIndex((label) => label >= classCount);
  if (bad >= 0) {
    throw new DataFormatError(
      file,
      `record ${formatCount(bad)} has label ${labels[bad]}, but there are only ${classCount} classes (0 to ${classCount - 1}).`,
    );
  }
}

/** Throws when an images file and its labels file disagree on the number of records. */
export function checkIdxPair(
  images: IdxImages,
  labels: IdxLabels,
  imagesFile: string,
  labelsFile: string,
): void {
  if (images.count !== labels.count) {
    throw new DataFormatError(
      imagesFile,
      `holds ${formatCount(images.count)} images but ${labelsFile} holds ${formatCount(labels.count)} labels; the two files must come from the same split.`,
    );
  }
}
