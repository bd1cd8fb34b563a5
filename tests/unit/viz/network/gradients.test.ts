import { describe, expect, it } from 'vitest';
import {
  maxDifference,
  maxPoolRouting,
  normOf,
  preActivationGradient,
  softmaxGradientRows,
  unitRowsOf,
  unitRowsSize,
} from '../../../../src/viz/network/gradients';
import { pool2dBackwardReference } from '../../../../src/core/reference/poolingBackward';
import { elementwiseOf } from '../../../../src/core/activations';

describe('ReLU gating', () => {
  it('zeroes the gradient where the unit was off (hand-worked)', () => {
    // a = relu(z) for z = [-1, 2, 0, 3]; ∂L/∂a = [0.5, -0.25, 0.75, 1].
    const out = preActivationGradient('relu', [0, 2, 0, 3], [0.5, -0.25, 0.75, 1]);
    expect(Array.from(out?.gradient ?? [])).toEqual([0, -0.25, 0, 1]);
    expect(Array.from(out?.gate ?? [])).toEqual([0, 1, 0, 1]);
    expect(out?.off).toBe(2);
  });
  it('agrees with the reference derivatives for ReLU, sigmoid and tanh', () => {
    const zs = [-2.5, -0.3, 0.2, 1.7, 4];
    const g = [0.3, -1.2, 0.8, 0.05, -0.6];
    for (const fn of ['relu', 'sigmoid', 'tanh'] as const) {
      const f = elementwiseOf(fn);
      const a = zs.map((z) => f.value(z));
      const out = preActivationGradient(fn, a, g);
      zs.forEach((z, i) => expect(out?.gradient[i]).toBeCloseTo((g[i] ?? 0) * f.derivative(z), 6));
    }
  });
  it('declines activations it cannot undo from the output alone', () => {
    expect(preActivationGradient('softmax', [0.5, 0.5], [1, 1])).toBeNull();
  });
});

describe('max-pool routing', () => {
  it('sends each window’s gradient to its largest input only (hand-worked)', () => {
    // 4×4×1 input, 2×2 windows, stride 2.
    const input = [1, 3, 0, 2, 4, 2, 1, 1, 0, 0, 5, 6, 1, 2, 7, 3];
    const grad = [10, 20, 30, 40];
    const { winner, gradient } = maxPoolRouting(input, [4, 4, 1], grad, { size: [2, 2] });
    expect(Array.from(winner)).toEqual([0, 0, 0, 1, 1, 0, 0, 0, 0, 0, 0, 0, 0, 1, 1, 0]);
    expect(Array.from(gradient)).toEqual([0, 0, 0, 20, 10, 0, 0, 0, 0, 0, 0, 0, 0, 30, 40, 0]);
  });
  it('matches the reference backward pass, with channels and overlapping windows', () => {
    const shape = [5, 5, 2] as const;
    const input = new Float32Array(50).map((_, i) => Math.sin(i * 1.7) * 3);
    for (const options of [
      { size: [2, 2] as const, stride: [2, 2] as const },
      { size: [3, 3] as const, stride: [1, 1] as const },
      { size: [2, 2] as const, stride: [1, 1] as const, padding: [1, 1] as const },
    ]) {
      const reference = pool2dBackwardReference(
        'max',
        { shape, data: input },
        {
          shape: poolOutShape(shape, options),
          data: new Float32Array(size(poolOutShape(shape, options))).map((_, i) => i - 3.5),
        },
        options,
      );
      const outGrad = new Float32Array(size(poolOutShape(shape, options))).map((_, i) => i - 3.5);
      const { gradient } = maxPoolRouting(input, shape, outGrad, options);
      Array.from(reference.data).forEach((v, i) => expect(gradient[i]).toBeCloseTo(v, 5));
    }
  });
  it('norm is the square root of the sum of squares', () => {
    expect(normOf([3, 4])).toBe(5);
  });
});

const size = (shape: readonly number[]) => shape.reduce((p, n) => p * n, 1);
function poolOutShape(
  shape: readonly [number, number, number],
  o: {
    size: readonly [number, number];
    stride: readonly [number, number];
    padding?: readonly [number, number];
  },
): [number, number, number] {
  const p = o.padding ?? [0, 0];
  return [
    Math.floor((shape[0] + 2 * p[0] - o.size[0]) / o.stride[0]) + 1,
    Math.floor((shape[1] + 2 * p[1] - o.size[1]) / o.stride[1]) + 1,
    shape[2],
  ];
}

describe('backward-detail helpers', () => {
  it('maxDifference is the largest |a − b| over the common length', () => {
    const a = [0.5, -2, 3, 9];
    const b = [0.25, 1, 3];
    expect(maxDifference(a, b)).toBe(Math.max(...b.map((v, i) => Math.abs((a[i] ?? 0) - v))));
    expect(maxDifference([], [1])).toBe(0);
  });
  it('softmax rows hold p, the one-hot y and p − y', () => {
    const p = Float32Array.from([0.1, 0.7, 0.2]);
    const rows = softmaxGradientRows(p, 1);
    expect(rows.map((r) => r.target)).toEqual([0, 1, 0]);
    rows.forEach((r, k) => {
      expect(r.probability).toBe(p[k]);
      expect(r.gradient).toBeCloseTo((p[k] ?? 0) - (k === 1 ? 1 : 0), 7);
    });
  });
  it('unit rows are the transpose of the [inputs, units] kernel gradient', () => {
    const inputs = 3;
    const units = 2;
    const g = Float32Array.from({ length: inputs * units }, (_, i) => i + 1);
    const rows = unitRowsOf(g, inputs, units);
    for (let u = 0; u < units; u++)
      for (let i = 0; i < inputs; i++) expect(rows[u * inputs + i]).toBe(g[i * units + u]);
  });
  it('unit rows fit 336 px across and 40 to 200 px down', () => {
    expect(unitRowsSize(10, 5)).toEqual({ width: 40, height: 40 });
    expect(unitRowsSize(784, 100)).toEqual({ width: 336, height: 200 });
    expect(unitRowsSize(100, 20)).toEqual({ width: 300, height: 80 });
  });
});
