import { describe, expect, test } from 'vitest';
import { localContrastNormalise } from '../../../src/core/contrastNormalisation';
import {
  edgesCovering,
  histogramOf,
  roundUp,
  summaryOf,
  symmetricEdges,
  unitSpreadOf,
} from '../../../src/core/histogram';

describe('histograms with fixed edges', () => {
  test('counts values by hand-worked bins, the last edge in the last bin, outliers apart', () => {
    const edges = [-1, -0.5, 0, 0.5, 1];
    const h = histogramOf([-1, -0.75, -0.5, 0, 0.1, 0.49, 0.5, 1, 1.5, -2, NaN, Infinity], edges);
    expect(h.counts).toEqual([2, 1, 3, 2]);
    expect(h.below).toBe(1);
    expect(h.above).toBe(1);
    expect(h.nonFinite).toBe(2);
    expect(h.total).toBe(12);
  });

  test('symmetric edges end on a round number at or above the largest |x|', () => {
    expect(roundUp(0.013)).toBeCloseTo(0.02);
    expect(roundUp(3)).toBe(5);
    expect(roundUp(1)).toBe(1);
    expect(roundUp(0.22)).toBeCloseTo(0.25);
    expect(symmetricEdges(0.7, 4)).toEqual([-1, -0.5, 0, 0.5, 1]);
    // All zeros: an axis of ±1 around the single bar.
    expect(symmetricEdges(0, 2)).toEqual([-1, 0, 1]);
    expect(() => symmetricEdges(1, 0)).toThrow(/bins/);
  });

  test('summary: mean and population std of 1, 2, 3, 4 are 2.5 and √1.25', () => {
    const s = summaryOf([1, 2, 3, 4, NaN]);
    expect(s.count).toBe(4);
    expect(s.mean).toBe(2.5);
    expect(s.std).toBeCloseTo(Math.sqrt(1.25), 12);
    expect(s.maxAbs).toBe(4);
    expect([s.min, s.max]).toEqual([1, 4]);
  });

  test('edges cover only the side the values reach: [0, r] for ReLU outputs, ±r for signed ones', () => {
    expect(edgesCovering(summaryOf([0, 0.3, 0.7]), 2)).toEqual([0, 0.5, 1]);
    expect(edgesCovering(summaryOf([-0.3, -0.7]), 2)).toEqual([-1, -0.5, 0]);
    expect(edgesCovering(summaryOf([-0.3, 0.7]), 2)).toEqual([-1, 0, 1]);
    expect(edgesCovering(summaryOf([0, 0]), 2)).toEqual([-1, 0, 1]);
  });
});

describe('the symmetric-unit measure', () => {
  test('is 0 when every unit (last axis) holds the same numbers, the largest row gap otherwise', () => {
    // A 3×2 kernel: three inputs, two units.
    expect(unitSpreadOf([0.5, 0.5, -1, -1, 2, 2], [3, 2])).toBe(0);
    expect(unitSpreadOf([0.5, 0.7, -1, -1, 2, 1], [3, 2])).toBe(1);
    // Three units: the gap is max − min within a row.
    expect(unitSpreadOf([0, 3, -1], [1, 3])).toBe(4);
    expect(unitSpreadOf([1, NaN], [1, 2])).toBeNaN();
  });
});

describe('local contrast normalisation', () => {
  test('a 1×3 image with a window of radius 1, worked by hand', () => {
    // Windows: {0,3} mean 1.5 σ 1.5; {0,3,6} mean 3 σ √6; {3,6} mean 4.5 σ 1.5.
    const { values, floor } = localContrastNormalise([0, 3, 6], 1, 3, 1, 1);
    const c = (1.5 + Math.sqrt(6) + 1.5) / 3;
    expect(floor).toBeCloseTo(c, 6);
    expect(values[0]).toBeCloseTo((0 - 1.5) / Math.max(c, 1.5), 5);
    expect(values[1]).toBeCloseTo(0, 6);
    expect(values[2]).toBeCloseTo((6 - 4.5) / Math.max(c, 1.5), 5);
  });

  test('the same picture at another brightness and contrast gives the same result', () => {
    const image = Array.from({ length: 25 }, (_, i) => (i * 7) % 11);
    const a = localContrastNormalise(image, 5, 5, 1, 1).values;
    const b = localContrastNormalise(
      image.map((v) => 40 + 3 * v),
      5,
      5,
      1,
      1,
    ).values;
    a.forEach((v, i) => expect(b[i]).toBeCloseTo(v, 4));
  });

  test('a flat image becomes 0 rather than NaN, and a wrong size is refused', () => {
    expect([...localContrastNormalise([5, 5, 5, 5], 2, 2, 1, 1).values]).toEqual([0, 0, 0, 0]);
    expect(() => localContrastNormalise([1, 2, 3], 2, 2, 1, 1)).toThrow(/4 values, not 3/);
  });
});
