import { describe, expect, it } from 'vitest';
import { analyzeNetwork, type NetworkReport } from '../../../src/core/analyze';
import { catalogueEntryOf } from '../../../src/core/catalogue';
import { growthLayout, growthSteps, type GrowthStep } from '../../../src/viz/receptive/growth';

function reportOf(id: string): NetworkReport {
  const entry = catalogueEntryOf(id);
  if (!entry) throw new Error(`no catalogue entry ${id}`);
  return analyzeNetwork(entry.network);
}

const table = (steps: readonly GrowthStep[]) =>
  steps.map((s) => [s.name, s.size, s.jump, s.sizeChange, s.jumpChange]);

describe('growth steps', () => {
  it('a stride-1 3×3 stack grows linearly: +2 per layer', () => {
    expect(table(growthSteps(reportOf('conv3-stack')))).toEqual([
      ['input', 1, 1, '', ''],
      ['conv2d_1', 3, 1, '+2', ''],
      ['conv2d_2', 5, 1, '+2', ''],
      ['conv2d_3', 7, 1, '+2', ''],
      ['conv2d_4', 9, 1, '+2', ''],
    ]);
  });

  it('a stride-2 3×3 stack doubles the jump and so each addition', () => {
    expect(table(growthSteps(reportOf('strided-stack')))).toEqual([
      ['input', 1, 1, '', ''],
      ['conv2d_1', 3, 2, '+2', '×2'],
      ['conv2d_2', 7, 4, '+4', '×2'],
      ['conv2d_3', 15, 8, '+8', '×2'],
      ['conv2d_4', 31, 16, '+16', '×2'],
    ]);
  });

  it('the dilated stack grows 3, 7, 15 with jump 1', () => {
    expect(growthSteps(reportOf('dilated-stack')).map((s) => s.size)).toEqual([1, 3, 7, 15]);
  });

  it('LeNet-5: a 2×2 pool after a 5×5 conv gives P + K − 1 = 6', () => {
    const steps = growthSteps(reportOf('lenet5'));
    expect(steps.map((s) => s.size)).toEqual([1, 5, 6, 14, 16]);
    expect(steps.map((s) => s.jump)).toEqual([1, 1, 2, 2, 4]);
  });

  it('a shortcut path shows as a smaller field (a negative change)', () => {
    const down = growthSteps(reportOf('resnet-mini')).find((s) => s.name === 's2b1_down');
    expect(down?.size).toBe(7);
    expect(down?.sizeChange).toBe('−6');
  });

  it('is empty for a network without an image input', () => {
    expect(
      growthSteps(analyzeNetwork({ input: [10], layers: [{ type: 'dense', units: 2 }] })),
    ).toEqual([]);
  });
});

describe('growth layout', () => {
  const steps = growthSteps(reportOf('strided-stack'));
  const base = { width: 760, height: 330, imageSize: 28, selected: 2 };

  it('spaces the steps evenly inside the plot, left to right', () => {
    const layout = growthLayout(steps, { ...base, scale: 'linear' });
    const xs = layout.points.map((p) => p.x);
    const gaps = xs.slice(1).map((x, i) => x - (xs[i] ?? 0));
    for (const g of gaps) expect(g).toBeCloseTo(layout.spacing);
    expect(xs[0]).toBeGreaterThan(layout.plot.left);
    expect(xs.at(-1)).toBeLessThan(layout.plot.right);
  });

  it('puts larger fields higher, and the image line at the image size', () => {
    const layout = growthLayout(steps, { ...base, scale: 'linear' });
    const ys = layout.points.map((p) => p.sizeY);
    for (let i = 1; i < ys.length; i++) expect(ys[i]).toBeLessThan(ys[i - 1] ?? Infinity);
    const tick0 = layout.yTicks.find((t) => t.value === 0);
    expect(tick0?.y).toBeCloseTo(layout.plot.bottom);
    // Linear scale: y is affine in the value.
    const [a, b] = [layout.points[1], layout.points[4]];
    if (!a || !b || !tick0 || !layout.imageLine) throw new Error('missing points');
    const perPixel = (tick0.y - a.sizeY) / a.size;
    expect(tick0.y - b.sizeY).toBeCloseTo(perPixel * b.size);
    expect(tick0.y - layout.imageLine.y).toBeCloseTo(perPixel * 28);
    expect(layout.sizePath.startsWith('M')).toBe(true);
    expect(layout.jumpPath.startsWith('M')).toBe(true);
  });

  it('on the log scale, doubling the field is a constant step up', () => {
    const layout = growthLayout(steps, { ...base, scale: 'log' });
    const jumps = layout.points.map((p) => p.jumpY); // 1, 2, 4, 8, 16
    const steps2 = jumps.slice(1).map((y, i) => (jumps[i] ?? 0) - y);
    for (const s of steps2) expect(s).toBeCloseTo(steps2[0] ?? 0);
    expect(layout.yTicks.every((t) => Number.isInteger(Math.log2(t.value)))).toBe(true);
  });

  it('thins crowded names but keeps the first, the last and the selected layer', () => {
    const many = growthSteps(reportOf('resnet18'));
    const selected = many[31]?.index ?? 0;
    const layout = growthLayout(many, { ...base, imageSize: 224, selected, scale: 'linear' });
    const labelled = layout.points.filter((p) => p.labelled);
    expect(labelled.length).toBeLessThan(many.length);
    expect(layout.points[0]?.labelled).toBe(true);
    expect(layout.points.at(-1)?.labelled).toBe(true);
    expect(layout.points.find((p) => p.index === selected)?.labelled).toBe(true);
    // Labelled neighbours (apart from the forced ones) are at least 24 px apart.
    const regular = labelled.filter((p) => p.index !== selected && p !== layout.points.at(-1));
    for (let i = 1; i < regular.length; i++) {
      expect((regular[i]?.x ?? 0) - (regular[i - 1]?.x ?? 0)).toBeGreaterThanOrEqual(24 - 1e-9);
    }
  });
});
