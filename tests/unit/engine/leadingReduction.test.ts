import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, test } from 'vitest';
import { createRandom } from '../../../src/core/random';
import {
  nativeWasmReduction,
  registerWasmLeadingReductions,
} from '../../../src/engine/leadingReduction';
import { tf, type Tensor } from '../../../src/engine/tf';
import { randomValues, relativeError, useCpu } from './helpers';

/**
 * Sum and Mean over the leading axes on WASM (one average pooling over the tensor read as M×1×C)
 * against the CPU backend's own reductions: a conv bias gradient's shape, batch norm's
 * statistics, a dense bias gradient, keepDims, and reductions the kernel leaves to the
 * backend (trailing axes, all axes, int32). Same float32 sums in another order: 1e-5
 * normwise relative error. Also a conv layer's bias gradient through tf.grad.
 */
const TOLERANCE = 1e-5;

interface Case {
  readonly name: string;
  readonly shape: number[];
  readonly axis: number[] | undefined;
  readonly keepDims: boolean;
  readonly mean: boolean;
}

const CASES: Case[] = [
  {
    name: 'conv bias gradient',
    shape: [8, 28, 28, 6],
    axis: [0, 1, 2],
    keepDims: false,
    mean: false,
  },
  { name: 'batch norm mean', shape: [4, 16, 16, 16], axis: [0, 1, 2], keepDims: false, mean: true },
  { name: 'dense bias gradient', shape: [32, 120], axis: [0], keepDims: false, mean: false },
  {
    name: 'axes out of order, keepDims',
    shape: [3, 5, 7, 4],
    axis: [2, 0, 1],
    keepDims: true,
    mean: false,
  },
  { name: 'negative axes, mean', shape: [6, 9, 3], axis: [-3, -2], keepDims: false, mean: true },
  { name: 'trailing axes (native)', shape: [4, 6, 5], axis: [1, 2], keepDims: false, mean: false },
  { name: 'every axis (native)', shape: [4, 6, 5], axis: undefined, keepDims: false, mean: true },
];

function reduce(c: Case): Tensor {
  const x = tf.tensor(
    randomValues(
      c.shape.reduce((a, b) => a * b, 1),
      createRandom(c.name),
    ),
    c.shape,
  );
  const out = c.mean ? tf.mean(x, c.axis, c.keepDims) : tf.sum(x, c.axis, c.keepDims);
  x.dispose();
  return out;
}

/** ∂/∂b Σ (conv2d(x, w) + b) ⊙ r, the bias gradient a training step takes. */
function biasGradient(): Tensor {
  const random = createRandom('bias');
  const x = tf.tensor4d(randomValues(4 * 12 * 12 * 3, random), [4, 12, 12, 3]);
  const w = tf.tensor4d(randomValues(3 * 3 * 3 * 5, random), [3, 3, 3, 5]);
  const r = tf.tensor4d(randomValues(4 * 10 * 10 * 5, random), [4, 10, 10, 5]);
  const b = tf.tensor1d(randomValues(5, random));
  const grad = tf.grad((bias: Tensor) =>
    tf.sum(tf.mul(tf.add(tf.conv2d(x, w, 1, 'valid'), bias), r)),
  );
  return grad(b);
}

const onCpu = new Map<string, { shape: number[]; values: Float32Array }>();

beforeAll(async () => {
  await useCpu();
  for (const c of [
    ...CASES.map((c) => [c.name, () => reduce(c)] as const),
    ['bias', biasGradient] as const,
  ]) {
    const [name, f] = c;
    const t = f();
    onCpu.set(name, { shape: t.shape, values: (await t.data()) as Float32Array });
    t.dispose();
  }
  await tf.setBackend('wasm');
  await tf.ready();
  expect(registerWasmLeadingReductions()).toBe(true);
});

describe('Sum and Mean over the leading axes on WASM', () => {
  test('replace the backend’s own kernels', () => {
    expect(nativeWasmReduction('Sum')).toBeDefined();
    expect(nativeWasmReduction('Mean')).toBeDefined();
    expect(tf.getKernel('Sum', 'wasm')?.kernelFunc).not.toBe(
      nativeWasmReduction('Sum')?.kernelFunc,
    );
  });

  test.each(CASES.map((c) => [c.name, c] as const))(
    'match the CPU backend: %s',
    async (name, c) => {
      const before = tf.memory().numTensors;
      const t = reduce(c);
      const cpu = onCpu.get(name);
      expect(t.shape).toEqual(cpu?.shape);
      expect(
        relativeError((await t.data()) as Float32Array, cpu?.values ?? new Float32Array()),
      ).toBeLessThan(TOLERANCE);
      t.dispose();
      expect(tf.memory().numTensors).toBe(before);
    },
  );

  test('a conv layer’s bias gradient matches the CPU backend', async () => {
    const t = biasGradient();
    expect(
      relativeError(
        (await t.data()) as Float32Array,
        onCpu.get('bias')?.values ?? new Float32Array(),
      ),
    ).toBeLessThan(TOLERANCE);
    t.dispose();
  });
});
