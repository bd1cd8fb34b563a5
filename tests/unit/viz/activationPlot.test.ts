import { describe, expect, test } from 'vitest';
import { ACTIVATIONS, activationCurveOf } from '../../../src/core/activations';
import { activationPlotLayout, PLOT_Z_RANGE } from '../../../src/viz/activationPlot';

describe('the activation plot', () => {
  test.each(ACTIVATIONS)(
    '%s: both curves fit the y range and start where f(−4) and f′(−4) are',
    (fn) => {
      const p = activationPlotLayout(fn, 260, 170);
      const { value, derivative } = activationCurveOf(fn);
      const [lo, hi] = p.yDomain;
      const y = (v: number) =>
        p.area.bottom - ((v - lo) / (hi - lo)) * (p.area.bottom - p.area.top);
      for (const [path, f] of [
        [p.valuePath, value],
        [p.derivativePath, derivative],
      ] as const) {
        const points = [...path.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => Number(m[2]));
        expect(points.length).toBeGreaterThan(100);
        for (const py of points) {
          expect(py).toBeGreaterThanOrEqual(p.area.top - 1e-6);
          expect(py).toBeLessThanOrEqual(p.area.bottom + 1e-6);
        }
        expect(points[0]).toBeCloseTo(y(f(PLOT_Z_RANGE[0])), 1);
      }
      expect(Math.abs(p.valueLabelY - p.derivativeLabelY)).toBeGreaterThanOrEqual(11.9);
      expect(p.xTicks.map((t) => t.value)).toContain(0);
      expect(p.zeroX).toBeCloseTo((p.area.left + p.area.right) / 2, 6);
    },
  );

  test('ReLU’s derivative is a step: 0 left of the origin, 1 right of it', () => {
    const p = activationPlotLayout('relu');
    const [lo, hi] = p.yDomain;
    expect(lo).toBeLessThan(0);
    expect(hi).toBeGreaterThan(4);
    const ys = [...p.derivativePath.matchAll(/(-?[\d.]+),(-?[\d.]+)/g)].map((m) => Number(m[2]));
    expect(new Set(ys.map((v) => v.toFixed(3))).size).toBe(2);
  });
});
