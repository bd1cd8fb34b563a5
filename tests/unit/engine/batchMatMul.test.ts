import '@tensorflow/tfjs-backend-wasm';
import type { KernelConfig } from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { createRandom } from '../../../src/core/random';
import { lastTwoSwapped, registerWasmBatchMatMul } from '../../../src/engine/batchMatMul';
import { tf } from '../../../src/engine/tf';
import { randomValues, relativeError, useCpu } from './helpers';

/**
 * The transposing BatchMatMul on WASM against the CPU backend's BatchMatMul, for every
 * combination of transposes, with the shapes a dense layer's backward pass uses and a
 * batched one. Same float32 sums in another order: 1e-5 normwise relative error.
 */
const TOLERANCE = 1e-5;

interface Case {
  readonly name: string;
  readonly a: number[];
  readonly b: number[];
  readonly transposeA: boolean;
  readonly transposeB: boolean;
}

const CASES: Case[] = [
  {
    name: 'dx = dy·Wᵀ (MLP 128→64)',
    a: [32, 64],
    b: [128, 64],
    transposeA: false,
    transposeB: true,
  },
  {
    name: 'dW = xᵀ·dy (MLP 784→128)',
    a: [32, 784],
    b: [32, 128],
    transposeA: true,
    transposeB: false,
  },
  { name: 'both transposed', a: [7, 5], b: [3, 7], transposeA: true, transposeB: true },
  { name: 'none (passed through)', a: [6, 9], b: [9, 4], transposeA: false, transposeB: false },
  {
    name: 'batched, b transposed',
    a: [3, 4, 6],
    b: [3, 5, 6],
    transposeA: false,
    transposeB: true,
  },
];

const size = (shape: number[]) => shape.reduce((p, d) => p * d, 1);

async function product(c: Case, seed: string): Promise<Float32Array> {
  const random = createRandom(seed);
  const a = tf.tensor(randomValues(size(c.a), random), c.a);
  const b = tf.tensor(randomValues(size(c.b), random), c.b);
  const out = tf.matMul(a, b, c.transposeA, c.transposeB);
  const values = (await out.data()) as Float32Array;
  tf.dispose([a, b, out]);
  return values;
}

const onCpu = new Map<string, Float32Array>();
let native: KernelConfig | undefined;

beforeAll(async () => {
  await useCpu();
  for (const c of CASES) onCpu.set(c.name, await product(c, c.name));
  await tf.setBackend('wasm');
  await tf.ready();
  native = tf.getKernel('BatchMatMul', 'wasm');
  expect(registerWasmBatchMatMul()).toBe(true);
});

describe('the transposing BatchMatMul on WASM', () => {
  test('swaps the last two axes only', () => {
    expect(lastTwoSwapped(2)).toEqual([1, 0]);
    expect(lastTwoSwapped(4)).toEqual([0, 1, 3, 2]);
  });

  test('replaces the backend’s own kernel', () => {
    expect(native).toBeDefined();
    expect(tf.getKernel('BatchMatMul', 'wasm')?.kernelFunc).not.toBe(native?.kernelFunc);
    // Its setup (binding the WASM function when the backend starts) is kept: without it a
    // backend started after the replacement has a BatchMatMul that fails.
    expect(native?.setupFunc).toBeDefined();
    expect(tf.getKernel('BatchMatMul', 'wasm')?.setupFunc).toBe(native?.setupFunc);
  });

  test.each(CASES)('gives the CPU backend’s product: $name', async (c) => {
    const before = tf.memory().numTensors;
    const got = await product(c, c.name);
    const want = onCpu.get(c.name) ?? new Float32Array();
    expect(got.length).toBe(want.length);
    expect(relativeError(got, want)).toBeLessThan(TOLERANCE);
    // The transposed copies are freed.
    expect(tf.memory().numTensors).toBe(before);
  });

  test('gives the CPU backend’s gradients through a dense layer', async () => {
    // d/dx and d/dW of sum((x·W)²): both backward products have a transposed operand.
    const denseGrads = async () => {
      const random = createRandom('dense');
      const x = tf.tensor(randomValues(16 * 20, random), [16, 20]);
      const w = tf.tensor(randomValues(20 * 8, random), [20, 8]);
      const g = tf.grads((xx, ww) => tf.sum(tf.square(tf.matMul(xx, ww))))([x, w]);
      const values = await Promise.all(g.map((t) => t.data() as Promise<Float32Array>));
      tf.dispose([x, w, ...g]);
      return values;
    };
    const onWasm = await denseGrads();
    await tf.setBackend('cpu');
    const cpu = await denseGrads();
    await tf.setBackend('wasm');
    expect(onWasm).toHaveLength(2);
    onWasm.forEach((g, i) =>
      expect(relativeError(g, cpu[i] ?? new Float32Array())).toBeLessThan(TOLERANCE),
    );
  });
});
