import { describe, expect, it } from 'vitest';
import {
  NORMALISATION_MODES,
  isNormalisationMode,
  normalisePixels,
  valueRange,
} from '../../../src/data/normalise';
import { computeStats } from '../../../src/data/stats';
import type { ImageSet } from '../../../src/data/types';

/** Two 1×2 RGB images with easy numbers. */
const set: ImageSet = {
  count: 2,
  height: 1,
  width: 2,
  channels: 3,
  classCount: 2,
  labels: new Uint8Array([0, 1]),
  // image 0: (0, 51, 255) (0, 102, 255); image 1: (255, 51, 255) (255, 102, 255)
  images: new Uint8Array([0, 51, 255, 0, 102, 255, 255, 51, 255, 255, 102, 255]),
};
const stats = computeStats(set);
const image1 = set.images.subarray(6, 12);

describe('dataset statistics', () => {
  it('gives per-channel mean and population std in 0..1 units', () => {
    expect(stats.mean[0]).toBeCloseTo(0.5, 10);
    expect(stats.mean[1]).toBeCloseTo(0.3, 10);
    expect(stats.mean[2]).toBeCloseTo(1, 10);
    expect(stats.std[0]).toBeCloseTo(0.5, 10);
    expect(stats.std[1]).toBeCloseTo(0.1, 10);
    expect(stats.std[2]).toBeCloseTo(0, 10);
  });

  it('gives the mean image', () => {
    expect(Array.from(stats.meanImage)).toEqual(
      [0.5, 0.2, 1, 0.5, 0.4, 1].map((v) => Math.fround(v)),
    );
  });
});

describe('normalisePixels', () => {
  const run = (mode: (typeof NORMALISATION_MODES)[number]) =>
    Array.from(normalisePixels(image1, 3, mode, stats));

  it('none keeps the bytes', () => {
    expect(run('none')).toEqual([255, 51, 255, 255, 102, 255]);
  });

  it('scale divides by 255', () => {
    run('scale').forEach((v, i) => expect(v).toBeCloseTo([1, 0.2, 1, 1, 0.4, 1][i] ?? NaN, 6));
  });

  it('mean-image subtracts the mean image pixel by pixel', () => {
    run('mean-image').forEach((v, i) => expect(v).toBeCloseTo([0.5, 0, 0, 0.5, 0, 0][i] ?? NaN, 6));
  });

  it('channel-mean subtracts each channel mean', () => {
    run('channel-mean').forEach((v, i) =>
      expect(v).toBeCloseTo([0.5, -0.1, 0, 0.5, 0.1, 0][i] ?? NaN, 6),
    );
  });

  it('standardise divides by the channel std, leaving a flat channel finite', () => {
    run('standardise').forEach((v, i) => expect(v).toBeCloseTo([1, -1, 0, 1, 1, 0][i] ?? NaN, 5));
    expect(run('standardise').every(Number.isFinite)).toBe(true);
  });

  it('standardised training data has mean 0 and std 1 per channel', () => {
    const out = normalisePixels(set.images, 3, 'standardise', stats);
    for (const c of [0, 1]) {
      const values = Array.from(out).filter((_, i) => i % 3 === c);
      const mean = values.reduce((s, v) => s + v, 0) / values.length;
      const std = Math.sqrt(values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length);
      expect(mean).toBeCloseTo(0, 5);
      expect(std).toBeCloseTo(1, 5);
    }
  });

  it('writes into a given output and checks its length and the statistics', () => {
    const out = new Float32Array(6);
    expect(normalisePixels(image1, 3, 'scale', stats, out)).toBe(out);
    expect(() => normalisePixels(image1, 3, 'scale', stats, new Float32Array(5))).toThrow(
      /holds 5/,
    );
    expect(() => normalisePixels(image1, 1, 'channel-mean', stats)).toThrow(/3 channels/);
    expect(() =>
      normalisePixels(image1, 3, 'mean-image', { mean: stats.mean, std: stats.std }),
    ).toThrow(/mean image/);
  });

  it('knows its modes and reports value ranges', () => {
    expect(NORMALISATION_MODES).toEqual([
      'none',
      'scale',
      'mean-image',
      'channel-mean',
      'standardise',
    ]);
    expect(isNormalisationMode('standardise')).toBe(true);
    expect(isNormalisationMode('toString')).toBe(false);
    expect(valueRange([3, -1, 2])).toEqual({ min: -1, max: 3 });
  });
});
