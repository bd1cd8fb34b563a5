import { describe, expect, it } from 'vitest';
import { confusionMatrix, singleImageSet, splitValidation } from '../../../src/data/runSets';
import type { ImageSet } from '../../../src/data/types';

/** Unequal classes, shuffled in by a fixed pattern so class order and index order differ. */
const classSizes = [41, 17, 60, 3, 29];
const labelList = classSizes.flatMap((n, k) => new Array<number>(n).fill(k));
// A fixed permutation (multiplying by a number coprime with the count) mixes the classes.
const count = labelList.length; // 150
const order = Array.from({ length: count }, (_, i) => (i * 7) % count);

/** Image i stores its own index in its first two bytes, so any copy can be traced to its source. */
function tracedSet(): ImageSet {
  const size = 2 * 2 * 1;
  const images = new Uint8Array(count * size);
  const labels = new Uint8Array(count);
  for (let i = 0; i < count; i++) {
    labels[i] = labelList[order[i] ?? 0] ?? 0;
    images[i * size] = i >> 8;
    images[i * size + 1] = i & 255;
    images[i * size + 2] = (i * 13) % 256;
    images[i * size + 3] = 255 - (i % 256);
  }
  return { count, height: 2, width: 2, channels: 1, classCount: classSizes.length, labels, images };
}

const sourceOf = (set: ImageSet, j: number) =>
  ((set.images[j * 4] ?? 0) << 8) | (set.images[j * 4 + 1] ?? 0);
const sourcesOf = (set: ImageSet) => Array.from({ length: set.count }, (_, j) => sourceOf(set, j));

describe('splitValidation', () => {
  const source = tracedSet();
  const share = 0.2;
  const split = splitValidation(source, share, 1234);

  it('holds back round(count · share) images, each class in proportion to its size', () => {
    expect(split.validation.count).toBe(Math.round(count * share));
    for (let k = 0; k < classSizes.length; k++) {
      const held = Array.from(split.validation.labels).filter((label) => label === k).length;
      // Largest-remainder rounding: never more than one image away from the exact share.
      expect(Math.abs(held - share * (classSizes[k] ?? 0))).toBeLessThan(1);
    }
  });

  it('keeps training and validation disjoint, together the whole source, labels intact', () => {
    const trained = sourcesOf(split.train);
    const held = sourcesOf(split.validation);
    expect(trained.length + held.length).toBe(count);
    expect(new Set([...trained, ...held]).size).toBe(count);
    expect(trained.filter((i) => held.includes(i))).toEqual([]);
    trained.forEach((i, j) => expect(split.train.labels[j]).toBe(source.labels[i]));
    held.forEach((i, j) => expect(split.validation.labels[j]).toBe(source.labels[i]));
    // The training images keep the source's order.
    expect(trained).toEqual([...trained].sort((a, b) => a - b));
  });

  it('draws the same images for the same seed and others for another seed', () => {
    const again = splitValidation(source, share, 1234);
    expect(sourcesOf(again.validation)).toEqual(sourcesOf(split.validation));
    expect(again.train.images).toEqual(split.train.images);
    const other = splitValidation(source, share, 99);
    expect(sourcesOf(other.validation)).not.toEqual(sourcesOf(split.validation));
  });

  it('computes the statistics from the training images only', () => {
    let sum = 0;
    split.train.images.forEach((v) => (sum += v));
    expect(split.stats.mean[0]).toBeCloseTo(sum / split.train.images.length / 255, 10);
  });
});

describe('confusionMatrix', () => {
  it('counts each (true, predicted) pair once and ignores predictions outside the classes', () => {
    const labels = [0, 0, 1, 2, 2, 2];
    const predictions = [0, 1, 1, 2, 0, 7];
    expect(confusionMatrix(labels, predictions, 3)).toEqual([
      [1, 1, 0],
      [0, 1, 0],
      [1, 0, 1],
    ]);
  });
});

describe('singleImageSet', () => {
  it('wraps a copy of the pixels as a set of one', () => {
    const pixels = Uint8Array.of(1, 2, 3, 4);
    const set = singleImageSet(pixels, 2, 2, 1, 10);
    pixels[0] = 99;
    expect(set).toMatchObject({ count: 1, height: 2, width: 2, channels: 1, classCount: 10 });
    expect(Array.from(set.images)).toEqual([1, 2, 3, 4]);
    expect(Array.from(set.labels)).toEqual([0]);
  });
});
