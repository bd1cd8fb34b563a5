import { describe, expect, it } from 'vitest';
import { DataFormatError } from '../../../src/data/errors';
import { checkIdxPair, checkLabels, parseIdxImages, parseIdxLabels } from '../../../src/data/idx';
import { gzip, idxBytes } from './fixtures';

const twoImages = idxBytes(2051, [2, 2, 3], [1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
const twoLabels = idxBytes(2049, [2], [7, 3]);

/** The error a parse throws, so its fields can be checked. */
function errorOf(parse: () => unknown): DataFormatError {
  try {
    parse();
  } catch (error) {
    if (error instanceof DataFormatError) return error;
    throw error;
  }
  throw new Error('expected a DataFormatError');
}

describe('IDX parser', () => {
  it('reads images: big-endian count, rows, columns, then the pixels', () => {
    const images = parseIdxImages(twoImages, 'imgs');
    expect(images).toMatchObject({ count: 2, height: 2, width: 3 });
    expect(Array.from(images.pixels)).toEqual([1, 2, 3, 4, 5, 6, 7, 8, 9, 10, 11, 12]);
  });

  it('reads sizes above 255 (big-endian, not little-endian)', () => {
    const images = parseIdxImages(idxBytes(2051, [1, 1, 300], new Uint8Array(300)), 'wide');
    expect(images.width).toBe(300);
  });

  it('reads labels', () => {
    expect(Array.from(parseIdxLabels(twoLabels, 'labels').labels)).toEqual([7, 3]);
  });

  it('names the file and the wrong magic number, and spots swapped files', () => {
    const error = errorOf(() => parseIdxImages(twoLabels, 'train-images-idx3-ubyte'));
    expect(error.file).toBe('train-images-idx3-ubyte');
    expect(error.message).toMatch(
      /^train-images-idx3-ubyte: wrong magic number 2049 \(expected 2051/,
    );
    expect(error.message).toMatch(/swapped/);
    const garbage = idxBytes(0x12345678, [1], [0]);
    expect(errorOf(() => parseIdxLabels(garbage, 'l')).message).toMatch(
      /wrong magic number 305419896 \(expected 2049/,
    );
  });

  it('says a file is truncated when it is shorter than its header announces', () => {
    const short = twoImages.subarray(0, twoImages.length - 1);
    expect(errorOf(() => parseIdxImages(short, 'imgs')).message).toMatch(
      /^imgs: truncated: the header announces 2 images of 2×3 \(28 bytes\) but the file has 27 bytes/,
    );
    expect(errorOf(() => parseIdxImages(twoImages.subarray(0, 10), 'imgs')).message).toMatch(
      /truncated: 10 bytes is shorter than the 16-byte IDX header/,
    );
    expect(errorOf(() => parseIdxLabels(new Uint8Array(0), 'l')).problem).toMatch(/truncated/);
  });

  it('rejects bytes after the announced data', () => {
    const long = new Uint8Array([...twoLabels, 0, 0]);
    expect(errorOf(() => parseIdxLabels(long, 'l')).message).toMatch(/2 unexpected bytes/);
  });

  it('says when the bytes are still gzipped', async () => {
    const zipped = await gzip(twoLabels.slice());
    expect(errorOf(() => parseIdxLabels(zipped, 'x.gz')).message).toMatch(/gzip/);
  });

  it('checks that images and labels agree on the count', () => {
    const images = parseIdxImages(twoImages, 'imgs');
    const threeLabels = parseIdxLabels(idxBytes(2049, [3], [1, 2, 3]), 'lbls');
    expect(() => checkIdxPair(images, parseIdxLabels(twoLabels, 'l'), 'imgs', 'l')).not.toThrow();
    expect(errorOf(() => checkIdxPair(images, threeLabels, 'imgs', 'lbls')).message).toBe(
      'imgs: holds 2 images but lbls holds 3 labels; the two files must come from the same split.',
    );
  });

  it('checks labels against the number of classes', () => {
    expect(() => checkLabels(new Uint8Array([0, 9]), 10, 'l')).not.toThrow();
    expect(errorOf(() => checkLabels(new Uint8Array([0, 9, 12]), 10, 'l')).message).toMatch(
      /record 2 has label 12/,
    );
  });
});
