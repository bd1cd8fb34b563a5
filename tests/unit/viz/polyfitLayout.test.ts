import { describe, expect, test } from 'vitest';
import { polyData, polyFit } from '../../../src/core/polyfit';
import {
  ERROR_FLOOR,
  errorChartLayout,
  fitLayout,
  FIT_Y_RANGE,
} from '../../../src/viz/overfitting/polyfitLayout';

const size = { width: 500, height: 300 };

describe('overfitting layouts', () => {
  test('the error chart is a log scale: ten times the error is one fixed step up', () => {
    const errors = [
      { degree: 0, train: 1, test: 1 },
      { degree: 1, train: 0.1, test: 10 },
      { degree: 2, train: 0.01, test: 100 },
    ];
    const layout = errorChartLayout(errors, 1, size);
    const [a, b, c] = layout.points;
    expect(a!.trainY - b!.trainY).toBeCloseTo(b!.testY - a!.testY, 6);
    expect(b!.trainY - c!.trainY).toBeCloseTo(a!.trainY - b!.trainY, 6);
    expect(a!.trainY).toBeLessThan(b!.trainY); // smaller errors lower down (larger y)
    expect(layout.markerX).toBeCloseTo(b!.x, 6);
    expect(layout.yTicks.map((t) => t.value)).toContain(1);
  });

  test('an exact interpolation (error 0) sits on the floor, not at −∞', () => {
    const layout = errorChartLayout(
      [
        { degree: 0, train: 0.5, test: 0.6 },
        { degree: 1, train: 0, test: 3 },
      ],
      0,
      size,
    );
    expect(Number.isFinite(layout.points[1]!.trainY)).toBe(true);
    expect(layout.points[1]!.trainY).toBeCloseTo(layout.plot.bottom, 6);
    expect(layout.yTicks[0]!.value).toBeLessThanOrEqual(ERROR_FLOOR);
  });

  test('the fit picture places every point and bounds a wild curve near the plot', () => {
    const data = polyData({ seed: 2, count: 8, testCount: 20, noise: 0.3 });
    const c = polyFit(data.train, 15);
    const layout = fitLayout(c, data.train, data.test, size);
    expect(layout.train).toHaveLength(8);
    expect(layout.test).toHaveLength(20);
    const ys = [...layout.fitPath.matchAll(/[ML][\d.-]+,([\d.-]+)/g)].map((m) => Number(m[1]));
    expect(ys.length).toBeGreaterThan(100);
    const height = layout.plot.bottom - layout.plot.top;
    // This fit leaves the plot (it is clipped when drawn) but never by more than 4 heights.
    expect(ys.some((y) => y < layout.plot.top || y > layout.plot.bottom)).toBe(true);
    for (const y of ys) {
      expect(y).toBeGreaterThanOrEqual(layout.plot.top - 4 * height - 1e-6);
      expect(y).toBeLessThanOrEqual(layout.plot.bottom + 4 * height + 1e-6);
    }
    for (const p of [...layout.train, ...layout.test]) {
      expect(p.y).toBeGreaterThanOrEqual(layout.plot.top - 1e-6);
      expect(p.y).toBeLessThanOrEqual(layout.plot.bottom + 1e-6);
    }
    expect(FIT_Y_RANGE[0]).toBeLessThan(-1);
  });
});
