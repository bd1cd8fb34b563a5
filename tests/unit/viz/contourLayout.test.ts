import { describe, expect, test } from 'vitest';
import { bowlFunction } from '../../../src/core/descent/functions';
import {
  contourLayout,
  contourLevels,
  gridOfLandscape,
  sampleSurface,
  trajectoryPath,
} from '../../../src/viz/surface/contourLayout';

describe('the contour layout', () => {
  test('samples at cell centres, top row first', () => {
    const grid = sampleSurface(([x, y]) => 10 * x + y, { x: [0, 4], y: [0, 2] }, 4, 2);
    // Cell (0, 0) is x = 0.5, y = 1.5 (top row); cell (3, 1) is x = 3.5, y = 0.5.
    expect(grid.values[0]).toBe(6.5);
    expect(grid.values[7]).toBe(35.5);
  });

  test('the network grid flips to top row first and its domain puts each value at a cell centre', () => {
    // Losses bottom row (β = −1) first: value = 10·row + column.
    const losses = Float32Array.from({ length: 9 }, (_, k) => 10 * Math.floor(k / 3) + (k % 3));
    const grid = gridOfLandscape(losses, [-1, 0, 1], [-1, 0, 1]);
    expect(Array.from(grid.values.slice(0, 3))).toEqual([20, 21, 22]);
    expect(grid.domain).toEqual({ x: [-1.5, 1.5], y: [-1.5, 1.5] });
    const centre = sampleSurface(() => 0, grid.domain, 3, 3);
    expect(centre.values.length).toBe(9);
  });

  test('levels crowd towards the low values, each once, and skip what is not finite', () => {
    const values = [...Array.from({ length: 100 }, (_, i) => i), Infinity, NaN];
    const levels = contourLevels(values, 9);
    expect(levels).toEqual([1, 4, 9, 16, 25, 36, 49, 64, 81]);
    expect(contourLevels([2, 2, 2], 5)).toEqual([2]);
  });

  test('maps the plane to the picture and back; a click lands where it was', () => {
    const bowl = bowlFunction(4);
    const layout = contourLayout(sampleSurface(bowl.value, bowl.domain, 40, 40), {
      width: 400,
      height: 340,
    });
    const [px, py] = layout.toPixel([1, -2]);
    const [x, y] = layout.fromPixel(px, py);
    expect(x).toBeCloseTo(1, 12);
    expect(y).toBeCloseTo(-2, 12);
    // y up: the top of the plot is the domain's largest y.
    expect(layout.fromPixel(layout.plot.left, layout.plot.top)).toEqual([-3, 3]);
    expect(layout.bands.length).toBeGreaterThan(5);
    expect(layout.range[0]).toBeGreaterThanOrEqual(0);
  });

  test('a diverging path is bounded in the picture and stops at the first non-finite point', () => {
    const bowl = bowlFunction(1);
    const layout = contourLayout(sampleSurface(bowl.value, bowl.domain, 10, 10), {
      width: 200,
      height: 200,
    });
    const d = trajectoryPath(Float64Array.of(0, 0, 1e300, -1e300, NaN, 0), layout);
    const numbers = (d.match(/-?[\d.]+/g) ?? []).map(Number);
    expect(numbers).toHaveLength(4);
    for (const n of numbers) expect(Math.abs(n)).toBeLessThan(2000);
  });
});
