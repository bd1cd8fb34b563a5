import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, test } from 'vitest';
import { catalogueEntryOf } from '../../../src/core/catalogue';
import { createRandom } from '../../../src/core/random';
import { computeStats } from '../../../src/data/stats';
import { chooseBackend } from '../../../src/engine/backend';
import {
  nativeConv2DBackpropFilter,
  registerConv2DBackpropFilter,
} from '../../../src/engine/convBackpropFilter';
import { nativeWasmMaxPoolGrad } from '../../../src/engine/maxPoolGrad';
import { createSession } from '../../../src/engine/session';
import type { KernelConfig, TensorInfo } from '@tensorflow/tfjs-core';
import { tf, type Tensor } from '../../../src/engine/tf';
import { CONV_CASES as CASES, syntheticDigits, type ConvCase as Case } from './fixtures';
import { randomValues, relativeError, useCpu } from './helpers';

/**
 * The WASM backend, loaded in Node from the package's own .wasm files, against the CPU
 * backend: the composed Conv2DBackpropFilter (transpose, conv2d with dilation = stride,
 * slice), the JavaScript MaxPoolGrad, the other gradient kernels, and a few LeNet-5 steps.
 * Tolerance 1e-5 normwise relative error for kernels (the same float32 sums, added in
 * another order), 1e-4 for losses after several steps.
 */
const TOLERANCE = 1e-5;

/** dW by the kernel registered for the current backend, via tf.grad of Σ conv2d ⊙ r. */
async function filterGradient(c: Case, seed: string): Promise<Float32Array> {
  const random = createRandom(seed);
  const size = (s: number[]) => s.reduce((p, n) => p * n, 1);
  const x = tf.tensor(randomValues(size(c.x), random), c.x) as tf.Tensor4D;
  const w = tf.tensor(randomValues(size(c.kernel), random), c.kernel) as tf.Tensor4D;
  const y = tf.conv2d(x, w, c.stride, c.pad);
  const r = tf.tensor(randomValues(y.size, random), y.shape);
  const g = tf.grad((k: Tensor) =>
    tf.sum(tf.mul(tf.conv2d(x, k as tf.Tensor4D, c.stride, c.pad), r)),
  )(w);
  const values = Float32Array.from(await g.data());
  tf.dispose([x, w, y, r, g]);
  return values;
}

let native: Map<string, Float32Array>;

beforeAll(async () => {
  await useCpu();
  native = new Map();
  for (const c of CASES) native.set(c.name, await filterGradient(c, c.name));
});

describe('the WASM backend', () => {
  test('lacks Conv2DBackpropFilter; choosing it adds the composed kernel, a MaxPoolGrad, a transposing BatchMatMul, leading-axis Sum and Mean, Winograd Conv2D and FusedConv2D and a faster Conv2DBackpropInput', async () => {
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeUndefined();
    const choice = await chooseBackend({ preferred: 'wasm' });
    expect(choice.name).toBe('wasm');
    expect(choice.simd).toBe(true);
    expect(choice.addedKernels).toEqual([
      'Conv2DBackpropFilter',
      'MaxPoolGrad',
      'BatchMatMul',
      'Sum',
      'Mean',
      'Identity',
      'Cast',
      'Slice',
      'SplitV',
      'Conv2D',
      'FusedConv2D',
      'Conv2DBackpropInput',
    ]);
    expect(tf.getKernel('Conv2DBackpropFilter', 'wasm')).toBeDefined();
    expect(nativeWasmMaxPoolGrad()).toBeDefined();
  });

  test.each(CASES.map((c) => [c.name, c] as const))(
    'matches the CPU kernel: %s',
    async (name, c) => {
      await tf.setBackend('wasm');
      const composed = await filterGradient(c, name);
      expect(relativeError(composed, native.get(name) ?? new Float32Array())).toBeLessThan(
        TOLERANCE,
      );
    },
  );

  const POOLS: [string, (t: tf.Tensor4D) => Tensor][] = [
    ['max 2×2', (t) => tf.maxPool(t, 2, 2, 'valid')],
    ['max 3×3 stride 2 same', (t) => tf.maxPool(t, 3, 2, 'same')],
    ['max 3×3 stride 1 padding 1', (t) => tf.maxPool(t, 3, 1, 1)],
    ['max 2×3 stride [1, 2]', (t) => tf.maxPool(t, [2, 3], [1, 2], 'valid')],
    ['avg 2×2', (t) => tf.avgPool(t, 2, 2, 'valid')],
    ['avg 3×3 stride 1', (t) => tf.avgPool(t, 3, 1, 'valid')],
    [
      'conv 3×3 stride 2 same (Conv2DBackpropInput)',
      (t) =>
        tf.conv2d(
          t,
          tf.tensor(randomValues(54, createRandom('w')), [3, 3, 3, 2]) as tf.Tensor4D,
          2,
          'same',
        ),
    ],
  ];

  /** ∂/∂x of Σ f(x)² on the current backend, for a 2×7×7×3 input. */
  async function inputGradient(f: (t: tf.Tensor4D) => Tensor): Promise<Float32Array> {
    const x = tf.tensor(randomValues(2 * 7 * 7 * 3, createRandom('pool-grads')), [2, 7, 7, 3]);
    const g = tf.grad((t: Tensor) => tf.sum(tf.square(f(t as tf.Tensor4D))))(x);
    const values = Float32Array.from(await g.data());
    tf.dispose([x, g]);
    return values;
  }

  test.each(POOLS)('input gradient of %s matches the CPU', async (_, f) => {
    await tf.setBackend('cpu');
    const onCpu = await inputGradient(f);
    await tf.setBackend('wasm');
    expect(relativeError(await inputGradient(f), onCpu)).toBeLessThan(TOLERANCE);
  });

  test('2×2 max-pool gradient with ties (ReLU zeros, repeated values) matches the CPU', async () => {
    // Each tie goes to the window's first largest cell, in row order, on both backends.
    const values = Array.from(randomValues(4 * 8 * 6 * 5, createRandom('ties')), (v) =>
      v < 0 ? 0 : Math.round(v * 2) / 2,
    );
    const gradient = async () => {
      const x = tf.tensor(values, [4, 8, 6, 5]);
      const r = tf.tensor(randomValues(4 * 4 * 3 * 5, createRandom('ties-r')), [4, 4, 3, 5]);
      const g = tf.grad((t: Tensor) =>
        tf.sum(tf.mul(tf.maxPool(t as tf.Tensor4D, 2, 2, 'valid'), r)),
      )(x);
      const out = Array.from(await g.data());
      tf.dispose([x, r, g]);
      return out;
    };
    await tf.setBackend('cpu');
    const onCpu = await gradient();
    await tf.setBackend('wasm');
    expect(await gradient()).toEqual(onCpu);
  });

  test("tfjs-backend-wasm's own MaxPoolGrad is wrong with several channels (why it is replaced)", async () => {
    await tf.setBackend('wasm');
    const native = nativeWasmMaxPoolGrad();
    // Replaced before the backend started, so its set-up (binding the WASM function) never ran.
    native?.setupFunc?.(tf.backend());
    const x = tf.tensor(
      randomValues(2 * 7 * 7 * 3, createRandom('native')),
      [2, 7, 7, 3],
    ) as tf.Tensor4D;
    const y = tf.maxPool(x, 2, 2, 'valid');
    const dy = tf.onesLike(y);
    const attrs = { filterSize: [2, 2], strides: [2, 2], pad: 'valid', dimRoundingMode: undefined };
    const run = (kernel: KernelConfig | undefined) => {
      const info = kernel?.kernelFunc({
        inputs: { dy, input: x, output: y },
        backend: tf.backend(),
        attrs,
      } as never) as TensorInfo;
      return tf.engine().makeTensorFromTensorInfo(info);
    };
    const ours = run(tf.getKernel('MaxPoolGrad', 'wasm'));
    const theirs = run(native);
    // Each 2×2 window sends its gradient of 1 to exactly one input: 2·3·3·3 = 54 ones.
    expect(Array.from(await ours.data()).filter((v) => v === 1)).toHaveLength(54);
    expect(relativeError(await theirs.data(), await ours.data())).toBeGreaterThan(0.01);
    tf.dispose([x, y, dy, ours, theirs]);
  });
});

describe('the CPU backend', () => {
  test('uses the composed kernel in place of its own, which gives the same gradients', async () => {
    await tf.setBackend('cpu');
    expect(registerConv2DBackpropFilter('cpu', { replace: true })).toBe(true);
    expect(nativeConv2DBackpropFilter('cpu')).toBeDefined();
    expect(tf.getKernel('Conv2DBackpropFilter', 'cpu')).not.toBe(nativeConv2DBackpropFilter('cpu'));
    for (const c of CASES) {
      const composed = await filterGradient(c, c.name);
      expect(
        relativeError(composed, native.get(c.name) ?? new Float32Array()),
        c.name,
      ).toBeLessThan(TOLERANCE);
    }
  });
});

describe('training on WASM', () => {
  test('LeNet-5 trains on WASM: five steps give the losses the CPU gives', async () => {
    const train = syntheticDigits(64, 'wasm');
    const options = {
      network: catalogueEntryOf('lenet5')?.network,
      seed: 7,
      init: 'he' as const,
      train,
      normalisation: 'scale' as const,
      stats: computeStats(train),
      config: { batchSize: 16, optimizer: { name: 'sgd' as const, learningRate: 0.05 } },
    };
    const losses = async (backend: string) => {
      await tf.setBackend(backend);
      const session = createSession(options);
      const result: number[] = [];
      for (let i = 0; i < 5; i++) result.push((await session.trainStep()).loss);
      session.dispose();
      return result;
    };
    const onCpu = await losses('cpu');
    const onWasm = await losses('wasm');
    expect(relativeError(onWasm, onCpu)).toBeLessThan(1e-4);
    expect(onWasm[4]).toBeLessThan(onWasm[0] ?? 0);
  });
});
