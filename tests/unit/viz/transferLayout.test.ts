import { describe, expect, it } from 'vitest';
import { curvesLayout } from '../../../src/viz/transfer/transferLayout';

describe('the transfer chart layout', () => {
  it('puts step 0 at the left, the last step at the right, 100 % at the top, chance at 10 %', () => {
    const layout = curvesLayout(
      [
        {
          id: 'a',
          points: [
            { step: 0, accuracy: 0 },
            { step: 200, accuracy: 1 },
          ],
        },
      ],
      200,
      { width: 520, height: 260 },
    );
    const { plot } = layout;
    const [first, last] = layout.curves[0]?.points ?? [];
    expect([first?.x, first?.y]).toEqual([plot.left, plot.bottom]);
    expect([last?.x, last?.y]).toEqual([plot.right, plot.top]);
    expect(layout.chanceY).toBeCloseTo(plot.bottom - 0.1 * (plot.bottom - plot.top), 9);
    expect(layout.yTicks.map((t) => t.value)).toEqual([0, 20, 40, 60, 80, 100]);
    expect(layout.curves[0]?.path).toBe(`M${plot.left},${plot.bottom}L${plot.right},${plot.top}`);
  });
});
