import { describe, expect, it } from 'vitest';
import { mergeRunCurves, thinPoints } from '../../../src/core/runCurves';
import { overlayLayout } from '../../../src/viz/training/runOverlay';

const point = (step: number, loss: number, accuracy = 0.5) => ({ step, epoch: 0, loss, accuracy });

describe('mergeRunCurves', () => {
  const a = { id: 'a', train: [point(1, 2), point(2, 1.5)], validation: [point(2, 1.6, 0.4)] };
  const b = {
    id: 'b',
    train: [point(1, 2.4), point(2, NaN), point(4, 1)],
    validation: [point(4, 1.2, 0.7)],
  };

  it('shares the step axis (the longest run) and the loss axis (the largest finite loss)', () => {
    const merged = mergeRunCurves([a, b], 'loss');
    expect(merged.steps).toEqual([0, 4]);
    expect(merged.values).toEqual([0, 2.4]);
  });

  it('gives each run a training and a validation series, without the NaN', () => {
    const merged = mergeRunCurves([a, b], 'loss');
    expect(merged.series.map((s) => `${s.id}/${s.split}`)).toEqual([
      'a/train',
      'a/validation',
      'b/train',
      'b/validation',
    ]);
    expect(merged.series[2]!.points).toEqual([
      [1, 2.4],
      [4, 1],
    ]);
  });

  it('puts accuracy on 0..1 whatever the values', () => {
    expect(mergeRunCurves([a], 'accuracy').values).toEqual([0, 1]);
  });
});

describe('thinPoints', () => {
  it('keeps every k-th point and the last, at most max + 1 of them', () => {
    const points = Array.from({ length: 1001 }, (_, i) => i);
    const thin = thinPoints(points, 100);
    // k = ⌈1001 / 100⌉ = 11: 0, 11, …, 990 (91 points), then 1000.
    expect(thin).toHaveLength(92);
    expect(thin[1]).toBe(11);
    expect(thin.at(-1)).toBe(1000);
    expect(thinPoints([1, 2, 3], 100)).toEqual([1, 2, 3]);
  });
});

describe('overlayLayout', () => {
  it('draws one training and one validation path per run, each run in its own colour', () => {
    const runs = [
      { id: 'a', train: [point(1, 2), point(10, 1)], validation: [point(10, 1.2)] },
      { id: 'b', train: [point(1, 2), point(10, 0.5)], validation: [point(10, 0.8)] },
    ];
    const layout = overlayLayout(runs, 'loss', { width: 400, height: 200 });
    expect(layout.paths).toHaveLength(4);
    const colours = new Set(layout.paths.map((p) => p.colour));
    expect(colours.size).toBe(2);
    expect(layout.paths.every((p) => p.d.startsWith('M'))).toBe(true);
    // Identical runs give identical paths; different ones do not.
    const twin = overlayLayout([runs[0]!, { ...runs[0]!, id: 'c' }], 'loss', {
      width: 400,
      height: 200,
    });
    expect(twin.paths[0]!.d).toBe(twin.paths[2]!.d);
    expect(layout.paths[0]!.d).not.toBe(layout.paths[2]!.d);
    expect(layout.xTicks.every((t) => /^[\d,]+$/.test(t.label))).toBe(true);
  });
});
