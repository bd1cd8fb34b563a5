import { describe, expect, test } from 'vitest';
import { histogramOf } from '../../../src/core/histogram';
import {
  curvesLayout,
  histogramLayout,
  tickText,
} from '../../../src/viz/initialisation/histogramLayout';

describe('the initialisation charts’ layouts', () => {
  test('bars span their bins and stand in proportion to their share of the values', () => {
    const h = histogramOf([0.1, 0.2, 0.6, 5], [0, 0.5, 1]);
    const layout = histogramLayout(h, { width: 134, height: 100 });
    const [a, b] = layout.bars;
    // Plot from 34 to 126: each bin is 46 px wide (less half a pixel of gap).
    expect(a?.x).toBe(34);
    expect(b?.x).toBe(80);
    expect(a?.width).toBeCloseTo(45.5);
    // Two of four values in the first bin, one in the second (the outlier counts in the total).
    expect(a?.share).toBe(0.5);
    expect(b?.share).toBe(0.25);
    expect(a?.height).toBeCloseTo(2 * (b?.height ?? 0));
    expect(layout.xTicks.map((t) => t.text)).toEqual(['0', '0.5', '1']);
  });

  test('loss curves share one y axis from 0 and skip non-finite losses', () => {
    const layout = curvesLayout(
      [
        [2, 1, 0.5],
        [2.3, NaN, 0.2],
      ],
      { width: 300, height: 200 },
    );
    expect(layout.paths).toHaveLength(2);
    expect(layout.paths[1]).toMatch(/^M.*M/);
    expect(layout.yTicks[0]?.value).toBe(0);
    expect(tickText(0.000012)).toBe('1e-5');
    expect(tickText(0.0123456)).toBe('0.0123');
  });
});
