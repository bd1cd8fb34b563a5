import { describe, expect, it } from 'vitest';
import {
  shiftRange,
  shiftRequestProblem,
  type ShiftRequest,
} from '../../../src/core/shiftInvariance';
import { shiftChartLayout } from '../../../src/viz/shift/shiftLayout';

const request: ShiftRequest = {
  seed: 3,
  steps: 300,
  testCount: 1000,
  direction: 'right',
  maxShift: 8,
};

describe('the shift experiment request', () => {
  it('accepts the page default', () => {
    expect(shiftRequestProblem(request)).toBeNull();
  });

  it('names what is wrong with a request it refuses', () => {
    expect(shiftRequestProblem({ ...request, steps: 5 })).toMatch(/training steps .* 10 to 2000/);
    expect(shiftRequestProblem({ ...request, steps: 100.5 })).toMatch(/training steps/);
    expect(shiftRequestProblem({ ...request, testCount: 20_000 })).toMatch(/test images/);
    expect(shiftRequestProblem({ ...request, maxShift: 9 })).toMatch(/0 to 8 pixels/);
    expect(
      shiftRequestProblem({ ...request, direction: 'up' as ShiftRequest['direction'] }),
    ).toMatch(/no direction "up"/);
  });

  it('tests every whole shift from 0 to the largest', () => {
    expect(shiftRange(8)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8]);
    expect(shiftRange(0)).toEqual([0]);
    expect(() => shiftRange(12)).toThrow(/0 to 8/);
  });
});

describe('the shift chart layout', () => {
  const layout = shiftChartLayout(
    [0, 1, 2],
    [
      { network: 'mlp', accuracy: [1, 0.5, 0] },
      { network: 'lenet5', accuracy: [1, 0.9, 0.8] },
    ],
    1,
    { width: 260, height: 150 },
  );

  it('puts 100% at the top of the plot and 0% at its bottom', () => {
    const [mlp] = layout.curves;
    expect(mlp?.points[0]?.y).toBeCloseTo(layout.plot.top);
    expect(mlp?.points[2]?.y).toBeCloseTo(layout.plot.bottom);
    expect(mlp?.points[1]?.y).toBeCloseTo((layout.plot.top + layout.plot.bottom) / 2);
  });

  it('spaces the shifts evenly across, marks the selected one and chance at 10%', () => {
    const xs = layout.curves[1]?.points.map((p) => p.x) ?? [];
    expect(xs[0]).toBeCloseTo(layout.plot.left);
    expect(xs[2]).toBeCloseTo(layout.plot.right);
    expect(layout.markerX).toBeCloseTo(xs[1] ?? NaN);
    const { top, bottom } = layout.plot;
    expect(layout.chanceY).toBeCloseTo(bottom - 0.1 * (bottom - top));
    expect(layout.xTicks.map((t) => t.value)).toEqual([0, 1, 2]);
  });
});
