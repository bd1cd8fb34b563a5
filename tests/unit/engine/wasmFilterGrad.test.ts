import '@tensorflow/tfjs-backend-wasm';
import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { beforeAll, describe, expect, test } from 'vitest';
import { createRandom } from '../../../src/core/random';
import { chooseBackend } from '../../../src/engine/backend';
import { createWasmIm2colFilterGradient } from '../../../src/engine/wasmFilterGrad';
import {
  createWasmSimdFilterGradient,
  filterGradKernel,
} from '../../../src/engine/wasmSimdFilterGrad';
import { tf } from '../../../src/engine/tf';
import { randomValues, relativeError } from './helpers';
import { FILTER_GRAD_WASM } from '../../../src/engine/kernels/filterGradWasm';
import { eachKernelVariant } from './kernelVariants';

/**
 * The two WASM filter gradients, our WebAssembly SIMD function (wasmSimdFilterGrad.ts) and
 * one matrix product over the patches (im2col, where SIMD cannot run), against the
 * definition summed in plain loops:
 *   dW[i, j, c, f] = Σ_{n, y, x} x[n, y·s + i − pₜ, x·s + j − pₗ, c] · dy[n, y, x, f].
 * Float32 sums in another order: 1e-5 normwise. Each im2col case runs with Pᵀ built whole
 * and built one output row at a time (the slicing a large batch takes).
 */
interface Case {
  readonly name: string;
  readonly x: [number, number, number, number];
  readonly kernel: [number, number, number, number];
  readonly stride: [number, number];
  /** 'same', 'valid' or explicit [top, bottom, left, right]. */
  readonly pad: 'same' | 'valid' | [number, number, number, number];
}

const CASES: Case[] = [
  {
    name: 'Mini VGG: 3×3 same',
    x: [4, 8, 8, 3],
    kernel: [3, 3, 3, 5],
    stride: [1, 1],
    pad: 'same',
  },
  {
    name: '3×3 padded 2 on one channel',
    x: [3, 12, 12, 1],
    kernel: [3, 3, 1, 6],
    stride: [1, 1],
    pad: [2, 2, 2, 2],
  },
  { name: '3×3 valid', x: [2, 9, 9, 4], kernel: [3, 3, 4, 3], stride: [1, 1], pad: 'valid' },
  { name: '3×3 stride 2 same', x: [3, 9, 9, 4], kernel: [3, 3, 4, 5], stride: [2, 2], pad: 'same' },
  {
    name: '3×2 stride [2, 1], asymmetric',
    x: [2, 10, 7, 3],
    kernel: [3, 2, 3, 2],
    stride: [2, 1],
    pad: [1, 2, 2, 0],
  },
  {
    name: '3×3 stride 3 (does not tile)',
    x: [2, 11, 11, 2],
    kernel: [3, 3, 2, 3],
    stride: [3, 3],
    pad: 'valid',
  },
  { name: '1×1 stride 2', x: [4, 8, 8, 6], kernel: [1, 1, 6, 4], stride: [2, 2], pad: 'valid' },
  {
    name: 'wider than the image, padded',
    x: [2, 2, 2, 2],
    kernel: [3, 3, 2, 2],
    stride: [1, 1],
    pad: [2, 2, 2, 2],
  },
];

function padOf(c: Case, outHeight: number, outWidth: number): [number, number] {
  if (c.pad === 'valid') return [0, 0];
  if (c.pad !== 'same') return [c.pad[0], c.pad[2]];
  const total = (o: number, s: number, k: number, n: number) => Math.max(0, (o - 1) * s + k - n);
  return [
    Math.floor(total(outHeight, c.stride[0], c.kernel[0], c.x[1]) / 2),
    Math.floor(total(outWidth, c.stride[1], c.kernel[1], c.x[2]) / 2),
  ];
}

/** The definition, in loops over plain arrays. */
function reference(c: Case, x: Float32Array, dy: Float32Array, dyShape: number[]): Float32Array {
  const [n, h, w, ch] = c.x;
  const [kh, kw, , f] = c.kernel;
  const [, oh, ow] = dyShape as [number, number, number];
  const [top, left] = padOf(c, oh, ow);
  const dW = new Float32Array(kh * kw * ch * f);
  for (let i = 0; i < kh; i++)
    for (let j = 0; j < kw; j++)
      for (let k = 0; k < ch; k++)
        for (let o = 0; o < f; o++) {
          let sum = 0;
          for (let b = 0; b < n; b++)
            for (let y = 0; y < oh; y++)
              for (let xx = 0; xx < ow; xx++) {
                const iy = y * c.stride[0] + i - top;
                const ix = xx * c.stride[1] + j - left;
                if (iy < 0 || iy >= h || ix < 0 || ix >= w) continue;
                sum +=
                  (x[((b * h + iy) * w + ix) * ch + k] ?? 0) *
                  (dy[((b * oh + y) * ow + xx) * f + o] ?? 0);
              }
          dW[((i * kw + j) * ch + k) * f + o] = sum;
        }
  return dW;
}

const tfPad = (c: Case) =>
  typeof c.pad === 'string'
    ? c.pad
    : ([
        [0, 0],
        [c.pad[0], c.pad[1]],
        [c.pad[2], c.pad[3]],
        [0, 0],
      ] as [[number, number], [number, number], [number, number], [number, number]]);

const fallbackCalls: string[] = [];
const fallback: KernelFunc = ({ attrs }) => {
  fallbackCalls.push(String((attrs as { filterShape: number[] }).filterShape));
  throw new Error('handed to the fallback');
};

beforeAll(async () => {
  const choice = await chooseBackend({ preferred: 'wasm' });
  expect(choice.name).toBe('wasm');
});

/** Random x and dy for a case, and dW by the definition. */
async function caseData(c: Case) {
  const random = createRandom(c.name);
  const size = (s: number[]) => s.reduce((p, q) => p * q, 1);
  const x = tf.tensor(randomValues(size(c.x), random), c.x) as tf.Tensor4D;
  const y = tf.conv2d(x, tf.zeros(c.kernel) as tf.Tensor4D, c.stride, tfPad(c));
  const dy = tf.tensor(randomValues(y.size, random), y.shape);
  const expected = reference(
    c,
    (await x.data()) as Float32Array,
    (await dy.data()) as Float32Array,
    dy.shape,
  );
  y.dispose();
  return { x, dy, expected };
}

/** dW by a kernel function, called as tfjs calls it; checks the shape and frees the output. */
async function run(kernel: KernelFunc, c: Case, x: tf.Tensor, dy: tf.Tensor) {
  const out = kernel({
    inputs: { x, dy },
    backend: tf.backend(),
    attrs: {
      strides: c.stride,
      pad: tfPad(c),
      dataFormat: 'NHWC',
      dimRoundingMode: undefined,
      filterShape: c.kernel,
    },
  } as never) as TensorInfo;
  const dW = tf.engine().makeTensorFromTensorInfo(out);
  expect(dW.shape).toEqual(c.kernel);
  const values = (await dW.data()) as Float32Array;
  dW.dispose();
  return values;
}

/**
 * For the SIMD function, also LeNet-5's two layers, and filter and row counts that leave
 * part of its 8-column groups and 6-row blocks unused (the larger cases first, so the
 * smaller ones run in memory that held other values).
 */
const SIMD_CASES: Case[] = [
  {
    name: 'LeNet-5 C1: 5×5, pad 2',
    x: [4, 28, 28, 1],
    kernel: [5, 5, 1, 6],
    stride: [1, 1],
    pad: 'same',
  },
  {
    name: 'LeNet-5 C3: 5×5 valid',
    x: [4, 14, 14, 6],
    kernel: [5, 5, 6, 16],
    stride: [1, 1],
    pad: 'valid',
  },
  {
    name: '17 filters, 7 rows',
    x: [3, 6, 5, 7],
    kernel: [1, 1, 7, 17],
    stride: [1, 1],
    pad: 'valid',
  },
  {
    name: 'one filter, 4 rows',
    x: [2, 5, 5, 1],
    kernel: [2, 2, 1, 1],
    stride: [1, 1],
    pad: 'same',
  },
  {
    name: '9 filters, 5×1 stride [1, 2]',
    x: [2, 9, 8, 2],
    kernel: [5, 1, 2, 9],
    stride: [1, 2],
    pad: [1, 3, 0, 0],
  },
  ...CASES,
];

eachKernelVariant('the WASM filter gradient in our SIMD function', FILTER_GRAD_WASM, () => {
  test('compiles here (Node 20 and Chromium have WebAssembly SIMD)', () => {
    expect(filterGradKernel()).not.toBeNull();
  });

  test.each(SIMD_CASES.map((c) => [c.name, c] as const))(
    'matches the definition: %s',
    async (_, c) => {
      const { x, dy, expected } = await caseData(c);
      const before = tf.memory().numTensors;
      const dW = await run(createWasmSimdFilterGradient(fallback), c, x, dy);
      expect(relativeError(dW, expected)).toBeLessThan(1e-5);
      expect(tf.memory().numTensors).toBe(before);
      expect(fallbackCalls).toEqual([]);
      tf.dispose([x, dy]);
    },
  );

  test('is the kernel tf.grad runs on WASM: the same bits', async () => {
    const c = SIMD_CASES[1] as Case;
    const { x, dy } = await caseData(c);
    const direct = await run(createWasmSimdFilterGradient(fallback), c, x, dy);
    const w = tf.zeros(c.kernel) as tf.Tensor4D;
    const g = tf.grad((k: tf.Tensor) =>
      tf.sum(tf.mul(tf.conv2d(x as tf.Tensor4D, k as tf.Tensor4D, c.stride, tfPad(c)), dy)),
    )(w);
    expect(Array.from(await g.data())).toEqual(Array.from(direct));
    tf.dispose([x, dy, w, g]);
  });
});

describe('the WASM filter gradient as one matrix product (im2col)', () => {
  test.each(CASES.map((c) => [c.name, c] as const))('matches the definition: %s', async (_, c) => {
    const { x, dy, expected } = await caseData(c);
    const before = tf.memory().numTensors;
    for (const limit of [1 << 22, 1]) {
      const dW = await run(createWasmIm2colFilterGradient(fallback, limit), c, x, dy);
      expect(relativeError(dW, expected), `limit ${limit}`).toBeLessThan(1e-5);
    }
    expect(tf.memory().numTensors).toBe(before);
    expect(fallbackCalls).toEqual([]);
    tf.dispose([x, dy]);
  });

  test('hands a 5×5 kernel to the composed kernel (faster there), which tf.grad uses', async () => {
    const x = tf.zeros([2, 9, 9, 1]);
    const dy = tf.zeros([2, 5, 5, 4]);
    const kernel = createWasmIm2colFilterGradient(fallback);
    const attrs = { strides: [1, 1], pad: 'valid', dataFormat: 'NHWC', filterShape: [5, 5, 1, 4] };
    expect(() => kernel({ inputs: { x, dy }, backend: tf.backend(), attrs } as never)).toThrow(
      'handed to the fallback',
    );
    expect(fallbackCalls.splice(0)).toEqual(['5,5,1,4']);
    tf.dispose([x, dy]);
  });

  test('through tf.grad on WASM, the filter gradient matches the definition', async () => {
    const c = CASES[0] as Case;
    const random = createRandom('through-grad');
    const x = tf.tensor(randomValues(4 * 8 * 8 * 3, random), c.x) as tf.Tensor4D;
    const w = tf.tensor(randomValues(3 * 3 * 3 * 5, random), c.kernel) as tf.Tensor4D;
    const r = tf.tensor(randomValues(4 * 8 * 8 * 5, random), [4, 8, 8, 5]);
    const g = tf.grad((k: tf.Tensor) =>
      tf.sum(tf.mul(tf.conv2d(x, k as tf.Tensor4D, 1, 'same'), r)),
    )(w);
    const expected = reference(
      c,
      (await x.data()) as Float32Array,
      (await r.data()) as Float32Array,
      r.shape,
    );
    expect(relativeError((await g.data()) as Float32Array, expected)).toBeLessThan(1e-5);
    tf.dispose([x, w, r, g]);
  });
});
