import '@tensorflow/tfjs-backend-wasm';
import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { beforeAll, expect, test } from 'vitest';
import { createRandom } from '../../../src/core/random';
import { chooseBackend } from '../../../src/engine/backend';
import { tf } from '../../../src/engine/tf';
import {
  createWasmSimdInputGradient,
  inputGradKernel,
  simdInputGradient,
} from '../../../src/engine/wasmSimdInputGrad';
import type { SimdConvGeometry } from '../../../src/engine/wasmSimdModule';
import { CONV_CASES, geometryOf, type ConvCase } from './fixtures';
import { randomValues, relativeError } from './helpers';
import { INPUT_GRAD_WASM } from '../../../src/engine/kernels/inputGradWasm';
import { eachKernelVariant } from './kernelVariants';

/**
 * Our WebAssembly SIMD Conv2DBackpropInput against the definition summed in plain loops:
 *   dx[n, h, w, c] = Σ over (y, x, i, j) with h = y·s + i − pₜ, w = x·s + j − pₗ of
 *                    Σ_f dy[n, y, x, f] · W[i, j, c, f].
 * Float32 sums in another order: 1e-5 normwise. The extra cases leave part of the
 * function's 8-float groups and 6-position blocks unused, and one has a group exactly full.
 */
const CASES: ConvCase[] = [
  {
    name: '3×3 stride 2 same, 28×28×8',
    x: [2, 28, 28, 8],
    kernel: [3, 3, 8, 16],
    stride: [2, 2],
    pad: 'same',
  },
  {
    name: 'one filter, 5 positions',
    x: [1, 3, 7, 3],
    kernel: [3, 3, 3, 1],
    stride: [1, 2],
    pad: 'valid',
  },
  {
    name: '1×2 kernel, 4 channels (a full group)',
    x: [3, 5, 6, 4],
    kernel: [1, 2, 4, 7],
    stride: [1, 1],
    pad: 'valid',
  },
  ...CONV_CASES,
];

/** The definition, in loops over plain arrays. */
function reference(g: SimdConvGeometry, dy: Float32Array, w: Float32Array): Float32Array {
  const { height: H, width: W, channels: C, kh, kw, filters: F } = g;
  const dx = new Float64Array(g.batch * H * W * C);
  for (let n = 0; n < g.batch; n++)
    for (let y = 0; y < g.outHeight; y++)
      for (let x = 0; x < g.outWidth; x++)
        for (let i = 0; i < kh; i++)
          for (let j = 0; j < kw; j++) {
            const h = y * g.sh + i - g.top;
            const v = x * g.sw + j - g.left;
            if (h < 0 || h >= H || v < 0 || v >= W) continue;
            for (let c = 0; c < C; c++) {
              let sum = 0;
              for (let f = 0; f < F; f++) {
                sum +=
                  (dy[((n * g.outHeight + y) * g.outWidth + x) * F + f] ?? 0) *
                  (w[((i * kw + j) * C + c) * F + f] ?? 0);
              }
              const at = ((n * H + h) * W + v) * C + c;
              dx[at] = (dx[at] ?? 0) + sum;
            }
          }
  return Float32Array.from(dx);
}

function caseData(c: ConvCase) {
  const g = geometryOf(c);
  const random = createRandom(c.name);
  const dy = randomValues(g.batch * g.outHeight * g.outWidth * g.filters, random);
  const w = randomValues(
    c.kernel.reduce((p, q) => p * q, 1),
    random,
  );
  return { g, dy, w };
}

const handedOn: string[] = [];
const fallback: KernelFunc = ({ attrs }) => {
  handedOn.push(String((attrs as { inputShape: number[] }).inputShape));
  throw new Error('handed to the fallback');
};

/** dx by the kernel function, called as tfjs calls it. */
async function viaKernel(c: ConvCase, dyValues: Float32Array, wValues: Float32Array) {
  const g = geometryOf(c);
  const dy = tf.tensor(dyValues, [g.batch, g.outHeight, g.outWidth, g.filters]);
  const filter = tf.tensor(wValues, c.kernel);
  try {
    const out = createWasmSimdInputGradient(fallback)({
      inputs: { dy, filter },
      backend: tf.backend(),
      attrs: { strides: c.stride, pad: c.pad, dataFormat: 'NHWC', inputShape: c.x },
    } as never) as TensorInfo;
    const dx = tf.engine().makeTensorFromTensorInfo(out);
    expect(dx.shape).toEqual(c.x);
    const values = (await dx.data()) as Float32Array;
    dx.dispose();
    return values;
  } finally {
    tf.dispose([dy, filter]);
  }
}

beforeAll(async () => {
  expect((await chooseBackend({ preferred: 'wasm' })).name).toBe('wasm');
});

eachKernelVariant('the WASM input gradient in our SIMD function', INPUT_GRAD_WASM, () => {
  test('compiles here (Node 20 and Chromium have WebAssembly SIMD)', () => {
    expect(inputGradKernel()).not.toBeNull();
  });

  test.each(CASES.map((c) => [c.name, c] as const))('matches the definition: %s', (_, c) => {
    const { g, dy, w } = caseData(c);
    const dx = simdInputGradient(dy, w, g);
    expect(dx).not.toBeNull();
    expect(relativeError(dx as Float32Array, reference(g, dy, w))).toBeLessThan(1e-5);
  });

  test('takes strides and padded convolutions, and hands the unpadded ones on', async () => {
    const byName = (name: string) => CASES.find((c) => c.name === name) as ConvCase;
    for (const name of ['LeNet-5 C3: 5×5 valid', '3×3 stride 2 same, 28×28×8', '1×1 stride 2']) {
      const c = byName(name);
      const { g, dy, w } = caseData(c);
      const before = tf.memory().numTensors;
      expect(relativeError(await viaKernel(c, dy, w), reference(g, dy, w)), name).toBeLessThan(
        1e-5,
      );
      expect(tf.memory().numTensors).toBe(before);
    }
    expect(handedOn).toEqual([]);
    const same = byName('LeNet-5 C1: 5×5, pad 2');
    const { dy, w } = caseData(same);
    await expect(viaKernel(same, dy, w)).rejects.toThrow('handed to the fallback');
    expect(handedOn.splice(0)).toEqual([String(same.x)]);
  });

  test('is the kernel tf.grad runs on WASM: the same bits', async () => {
    const c = CASES.find((k) => k.name === 'LeNet-5 C3: 5×5 valid') as ConvCase;
    const { g, dy, w } = caseData(c);
    const direct = simdInputGradient(dy, w, g) as Float32Array;
    const filter = tf.tensor(w, c.kernel) as tf.Tensor4D;
    const r = tf.tensor(dy, [g.batch, g.outHeight, g.outWidth, g.filters]);
    const dx = tf.grad((x: tf.Tensor) =>
      tf.sum(tf.mul(tf.conv2d(x as tf.Tensor4D, filter, c.stride, c.pad), r)),
    )(tf.zeros(c.x));
    expect(Array.from(await dx.data())).toEqual(Array.from(direct));
    tf.dispose([filter, r, dx]);
  });
});
