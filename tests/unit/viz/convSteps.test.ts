import fc from 'fast-check';
import { describe, expect, test } from 'vitest';
import { analyzeNetwork } from '../../../src/core/analyze';
import { conv2dReference } from '../../../src/core/reference';
import {
  convCostsOf,
  convGeometryOf,
  convStepAt,
  convStepIndex,
  readRowsOf,
  stepDetailOf,
  tapsOf,
  type ConvHyper,
} from '../../../src/viz/convolution/convSteps';
import { explainerInputOf, explainerKernelOf } from '../../../src/viz/convolution/explainerData';

const base: ConvHyper = {
  inputSize: 7,
  kernelSize: 3,
  stride: 1,
  padding: 0,
  dilation: 1,
  channels: 1,
  filters: 1,
};

const hyper = fc.record({
  inputSize: fc.integer({ min: 3, max: 9 }),
  kernelSize: fc.integer({ min: 1, max: 7 }),
  stride: fc.integer({ min: 1, max: 4 }),
  padding: fc.integer({ min: 0, max: 3 }),
  dilation: fc.integer({ min: 1, max: 3 }),
  channels: fc.integer({ min: 1, max: 3 }),
  filters: fc.integer({ min: 1, max: 4 }),
});

describe('every number of every step equals the core reference convolution', () => {
  test('for random inputs across all hyper-parameters', () => {
    fc.assert(
      fc.property(hyper, fc.integer({ min: 0, max: 1000 }), (h, seed) => {
        const geometry = convGeometryOf(h);
        if (!geometry.ok) return;
        const input = explainerInputOf(seed, h.inputSize, h.channels);
        const { kernel, bias } = explainerKernelOf(seed, h.kernelSize, h.channels, h.filters);
        const reference = conv2dReference(input, kernel, bias, {
          stride: [h.stride, h.stride],
          padding: [h.padding, h.padding],
          dilation: [h.dilation, h.dilation],
        });
        expect(reference.shape).toEqual([geometry.out, geometry.out, h.filters]);
        for (let index = 0; index < geometry.steps; index++) {
          const step = convStepAt(geometry.out, index);
          const detail = stepDetailOf(h, input, kernel, bias, step);
          const expected =
            reference.data[(step.oy * geometry.out + step.ox) * h.filters + step.filter];
          expect(detail.total).toBe(expected);
          const recomputed = detail.products.flat().reduce((s, v) => s + v, 0) + detail.bias;
          expect(recomputed).toBe(expected);
        }
      }),
      { numRuns: 150 },
    );
  });

  test('padding taps read zero and are marked as padding', () => {
    const h = { ...base, inputSize: 5, stride: 2, padding: 1 };
    const taps = tapsOf(h, 0, 0);
    expect(taps.filter((t) => t.isPadding).map((t) => [t.iy, t.ix])).toEqual([
      [-1, -1],
      [-1, 0],
      [-1, 1],
      [0, -1],
      [1, -1],
    ]);
    const input = explainerInputOf(1, 5, 1);
    const { kernel, bias } = explainerKernelOf(1, 3, 1, 1);
    const detail = stepDetailOf(h, input, kernel, bias, convStepAt(3, 0));
    taps.forEach((t, k) => {
      if (t.isPadding) expect(detail.products[0]?.[k]).toBe(0);
    });
  });

  test('a dilated kernel reads every d-th cell', () => {
    const taps = tapsOf({ ...base, dilation: 2 }, 0, 1);
    expect(taps.map((t) => t.px)).toEqual([1, 3, 5, 1, 3, 5, 1, 3, 5]);
    expect(taps.map((t) => t.py)).toEqual([0, 0, 0, 2, 2, 2, 4, 4, 4]);
  });

  test('steps go filter by filter, row by row, and their indices round-trip', () => {
    expect(convStepAt(3, 0)).toEqual({ index: 0, filter: 0, oy: 0, ox: 0 });
    expect(convStepAt(3, 5)).toEqual({ index: 5, filter: 0, oy: 1, ox: 2 });
    expect(convStepAt(3, 9)).toEqual({ index: 9, filter: 1, oy: 0, ox: 0 });
    for (let i = 0; i < 27; i++) {
      const s = convStepAt(3, i);
      expect(convStepIndex(3, s.filter, s.oy, s.ox)).toBe(i);
    }
  });
});

describe('the output-size formula (W − F + 2P)/S + 1', () => {
  const sizeOf = (change: Partial<ConvHyper>) => {
    const g = convGeometryOf({ ...base, ...change });
    if (!g.ok) throw new Error(g.message);
    return g;
  };

  test('reproduces the decks: (7 − 3)/1 + 1 = 5, (7 − 3)/2 + 1 = 3, 7×7 with pad 1 stays 7×7', () => {
    expect(sizeOf({ stride: 1 }).out).toBe(5);
    expect(sizeOf({ stride: 2 }).out).toBe(3);
    expect(sizeOf({ padding: 1 }).out).toBe(7);
  });

  test('stride 3 does not tile 7: 2.33 is rounded down to 2 and the last row is never read', () => {
    const g = sizeOf({ stride: 3 });
    expect(g.axis.formulaValue).toBeCloseTo(2.333, 3);
    expect(g.out).toBe(2);
    expect(g.axis.leftover).toBe(1);
    expect(readRowsOf({ ...base, stride: 3 }, g.out)).toEqual([
      true,
      true,
      true,
      true,
      true,
      true,
      false,
    ]);
  });

  test('when the leftover is only padding, every image row is still read', () => {
    const h = { ...base, inputSize: 6, padding: 1, stride: 2 };
    const g = sizeOf(h);
    expect(g.axis.formulaValue).toBe(3.5);
    expect(g.out).toBe(3);
    expect(readRowsOf(h, g.out).every(Boolean)).toBe(true);
  });

  test('the decks’ 5×5 input, 3×3 kernel, stride 2, padding 1 gives 3×3', () => {
    expect(sizeOf({ inputSize: 5, stride: 2, padding: 1 }).out).toBe(3);
  });

  test('dilation widens the kernel to d·(F − 1) + 1 and can leave gaps that are never read', () => {
    const g = sizeOf({ dilation: 2 });
    expect(g.axis.effectiveKernel).toBe(5);
    expect(g.out).toBe(3);
    const h = { ...base, inputSize: 9, dilation: 2, stride: 2 };
    expect(readRowsOf(h, sizeOf(h).out)).toEqual([
      true,
      false,
      true,
      false,
      true,
      false,
      true,
      false,
      true,
    ]);
  });

  test('a kernel larger than the padded input is a readable error, not a crash', () => {
    const g = convGeometryOf({ ...base, inputSize: 3, kernelSize: 5 });
    expect(g.ok).toBe(false);
    if (!g.ok)
      expect(g.message).toMatch(/5 cells wide, but the padded input is only 3 \(3 \+ 2·0\)/);
    const dilated = convGeometryOf({ ...base, inputSize: 4, dilation: 3 });
    expect(dilated.ok).toBe(false);
    if (!dilated.ok) expect(dilated.message).toContain('with dilation 3 spans 7 cells');
  });
});

describe('cost', () => {
  test('F·F·C·K + K parameters and out²·F·F·C·K multiply-adds, as the architecture explorer counts them', () => {
    const h = {
      ...base,
      inputSize: 9,
      kernelSize: 3,
      stride: 2,
      padding: 1,
      channels: 3,
      filters: 4,
    };
    const g = convGeometryOf(h);
    if (!g.ok) throw new Error('fits');
    const costs = convCostsOf(h, g.out);
    expect(costs).toEqual({ weights: 108, biases: 4, params: 112, macs: 25 * 108 });
    const report = analyzeNetwork({
      name: 'explainer',
      input: [9, 9, 3],
      layers: [{ type: 'conv2d', filters: 4, kernel: 3, stride: 2, padding: 1 }],
    });
    expect(report.layers[0]?.paramCount).toBe(costs.params);
    expect(report.layers[0]?.outputShape).toEqual([5, 5, 4]);
  });
});
