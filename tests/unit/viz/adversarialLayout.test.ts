import { describe, expect, test } from 'vitest';
import { perturbationMap, sweepChartLayout } from '../../../src/viz/adversarial/adversarialLayout';

describe('adversarial layouts', () => {
  test('the perturbation is x′ − x per pixel, the channels averaged for colour', () => {
    const grey = perturbationMap([0.5, 0.2], [0.4, 0.3], 1);
    expect(grey[0]).toBeCloseTo(0.1, 6);
    expect(grey[1]).toBeCloseTo(-0.1, 6);
    const colour = perturbationMap([1, 1, 1, 0, 0, 0], [0.7, 0.7, 1, 0, 0.3, 0], 3);
    expect(colour[0]).toBeCloseTo(0.2, 6);
    expect(colour[1]).toBeCloseTo(-0.1, 6);
  });

  test('the sweep chart: more flips stand higher, all of them at the top, the current ε marked', () => {
    const layout = sweepChartLayout(
      { epsilons: [0, 0.1, 0.2], flipped: [0, 50, 200], wrong: [5, 60, 200], count: 200 },
      0.1,
      { width: 400, height: 200 },
    );
    const [a, b, c] = layout.points;
    expect(a!.flippedY).toBeCloseTo(layout.plot.bottom, 6);
    expect(c!.flippedY).toBeCloseTo(layout.plot.top, 6);
    expect(b!.flippedY).toBeLessThan(a!.flippedY);
    expect(layout.markerX).toBeCloseTo(b!.x, 6);
    expect(
      sweepChartLayout({ epsilons: [0, 0.1], flipped: [0, 1], wrong: [0, 1], count: 2 }, 0.5, {
        width: 400,
        height: 200,
      }).markerX,
    ).toBeNull();
  });
});
