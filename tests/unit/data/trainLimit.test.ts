import { describe, expect, it } from 'vitest';
import { limitTraining, splitValidation, trainingImagesUsed } from '../../../src/data/runSets';
import { countByClass, type ImageSet } from '../../../src/data/types';
import type { LoadedDataset } from '../../../src/data/loader';
import { prepareRunData } from '../../../src/worker/runData';

/** 1,000 one-pixel images: image i has pixel value i % 256 and class i % 10. */
function numbered(count: number): ImageSet {
  return {
    count,
    height: 1,
    width: 1,
    channels: 1,
    classCount: 10,
    labels: Uint8Array.from({ length: count }, (_, i) => i % 10),
    images: Uint8Array.from({ length: count }, (_, i) => i % 256),
  };
}

const dataset = { train: numbered(1000), test: numbered(50) } as unknown as LoadedDataset;

describe('a run cut to N training images', () => {
  it('trains on exactly N images, ten of each class at 100, and keeps every validation image', () => {
    const full = prepareRunData(dataset, 0.1, 7);
    const small = prepareRunData(dataset, 0.1, 7, 100);
    expect(full.train.count).toBe(900);
    expect(small.train.count).toBe(100);
    expect(small.train.labels).toHaveLength(100);
    expect(small.train.images).toHaveLength(100);
    expect(countByClass(small.train.labels, 10)).toEqual(new Array(10).fill(10));
    expect(small.validation.count).toBe(100);
    expect(Array.from(small.validation.images)).toEqual(Array.from(full.validation.images));
    expect(small.test).toBe(dataset.test);
  });

  it('takes the same images each time for a seed, and others for another seed', () => {
    const a = prepareRunData(dataset, 0.1, 7, 100);
    const b = prepareRunData(dataset, 0.1, 7, 100);
    const c = prepareRunData(dataset, 0.1, 8, 100);
    expect(Array.from(a.train.images)).toEqual(Array.from(b.train.images));
    expect(Array.from(a.train.images)).not.toEqual(Array.from(c.train.images));
  });

  it('draws the images from the training part only, never a validation image', () => {
    const split = splitValidation(dataset.train, 0.1, 7);
    const small = limitTraining(split, 100, 7);
    // Pixel value and class identify an image here up to i % 256, so compare (value, class) pairs.
    const pair = (set: ImageSet, i: number) => `${set.images[i]}-${set.labels[i]}`;
    const training = new Set(
      Array.from({ length: split.train.count }, (_, i) => pair(split.train, i)),
    );
    for (let i = 0; i < small.train.count; i++)
      expect(training.has(pair(small.train, i))).toBe(true);
  });

  it('computes the normalisation statistics from the images kept', () => {
    const small = prepareRunData(dataset, 0.1, 7, 100);
    const values = Array.from(small.train.images, (v) => v / 255);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    expect(small.stats.mean[0]).toBeCloseTo(mean, 6);
  });

  it('uses all the images at 0, or when the limit is more than the split holds', () => {
    expect(prepareRunData(dataset, 0.1, 7, 0).train.count).toBe(900);
    expect(prepareRunData(dataset, 0.1, 7, 5000).train.count).toBe(900);
    expect(trainingImagesUsed(900, 0)).toBe(900);
    expect(trainingImagesUsed(900, 100)).toBe(100);
    expect(trainingImagesUsed(900, 5000)).toBe(900);
  });
});
