import '@tensorflow/tfjs-backend-wasm';
import type { KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { beforeAll, expect, test } from 'vitest';
import { createRandom } from '../../../src/core/random';
import { chooseBackend } from '../../../src/engine/backend';
import { tf } from '../../../src/engine/tf';
import { turnedGeometry } from '../../../src/engine/wasmSimdInputGrad';
import type { SimdConvGeometry } from '../../../src/engine/wasmSimdModule';
import {
  copyPadded,
  simdWinogradConv,
  winogradConvIn,
  winogradConvScratch,
  winogradKernel,
  winogradOver,
} from '../../../src/engine/wasmSimdWinograd';
import {
  simdWinogradFilterGradient,
  winogradFilterGradIn,
  winogradFilterGradKernel,
  winogradFilterGradOver,
  winogradFilterGradScratch,
} from '../../../src/engine/wasmSimdWinogradFilterGrad';
import { createWasmWinogradConv } from '../../../src/engine/wasmWinogradConv';
import { geometryOf, type ConvCase } from './fixtures';
import { randomValues, relativeError } from './helpers';
import { WINOGRAD_WASM } from '../../../src/engine/kernels/winogradWasm';
import { eachKernelVariant } from './kernelVariants';

/**
 * Our Winograd F(4×4, 3×3) convolution and filter gradient (kernels/winograd.wat)
 * against the definitions summed in plain loops, in float64:
 *   y[n, y, x, f] = b[f] + Σ_{i, j, c} x[n, y + i − pₜ, x + j − pₗ, c] · W[i, j, c, f],
 * the input gradient (the same sum run backwards) and the filter gradient.
 * Winograd's transforms round differently from a direct sum; 1e-5 normwise still fails
 * for any index or coefficient out of place (one of G's 1/6 made 1/5 gives 0.2). The
 * cases leave tiles, 6-tile blocks, 4-channel and 8-filter groups part-used, and pad
 * unevenly.
 */
const CASES: ConvCase[] = [
  {
    name: 'Mini VGG 2: 16→16, 32×32',
    x: [2, 32, 32, 16],
    kernel: [3, 3, 16, 16],
    stride: [1, 1],
    pad: 'same',
  },
  {
    name: 'Mini VGG 5: 32→64, 8×8',
    x: [3, 8, 8, 32],
    kernel: [3, 3, 32, 64],
    stride: [1, 1],
    pad: 'same',
  },
  {
    name: '5→11, 7×9 (tiles cut)',
    x: [2, 7, 9, 5],
    kernel: [3, 3, 5, 11],
    stride: [1, 1],
    pad: 'same',
  },
  { name: '3→1, valid, 9×6', x: [1, 9, 6, 3], kernel: [3, 3, 3, 1], stride: [1, 1], pad: 'valid' },
  {
    name: '8→9, explicit uneven padding',
    x: [1, 6, 10, 8],
    kernel: [3, 3, 8, 9],
    stride: [1, 1],
    pad: [
      [0, 0],
      [0, 2],
      [2, 1],
      [0, 0],
    ],
  },
];

/**
 * Every term of the convolution's sum, x[xAt] · W[wAt] into y[yAt]: each output position,
 * each of the 3×3 offsets whose input is inside the image (the rest is padding), each
 * input channel and filter. The three definitions below sum these terms.
 */
function forEachTerm(g: SimdConvGeometry, term: (xAt: number, wAt: number, yAt: number) => void) {
  const { height: H, width: W, channels: C, filters: F, outHeight: OH, outWidth: OW } = g;
  for (let n = 0; n < g.batch; n++)
    for (let oy = 0; oy < OH; oy++)
      for (let ox = 0; ox < OW; ox++)
        for (let i = 0; i < 3; i++)
          for (let j = 0; j < 3; j++) {
            const h = oy + i - g.top;
            const v = ox + j - g.left;
            if (h < 0 || h >= H || v < 0 || v >= W) continue;
            for (let c = 0; c < C; c++)
              for (let f = 0; f < F; f++)
                term(
                  ((n * H + h) * W + v) * C + c,
                  ((i * 3 + j) * C + c) * F + f,
                  ((n * OH + oy) * OW + ox) * F + f,
                );
          }
}

/** y = b + Σ x · W, summed in float64. */
function convolution(
  g: SimdConvGeometry,
  x: Float32Array,
  w: Float32Array,
  bias: Float32Array | null,
): Float32Array {
  const y = new Float64Array(g.batch * g.outHeight * g.outWidth * g.filters);
  for (let at = 0; at < y.length; at++) y[at] = bias?.[at % g.filters] ?? 0;
  forEachTerm(g, (xAt, wAt, yAt) => (y[yAt] = y[yAt]! + x[xAt]! * w[wAt]!));
  return Float32Array.from(y);
}

/** The input gradient: dx[xAt] = Σ dy[yAt] · W[wAt] over the terms x[xAt] is in. */
function inputGradient(g: SimdConvGeometry, dy: Float32Array, w: Float32Array): Float32Array {
  const dx = new Float64Array(g.batch * g.height * g.width * g.channels);
  forEachTerm(g, (xAt, wAt, yAt) => (dx[xAt] = dx[xAt]! + dy[yAt]! * w[wAt]!));
  return Float32Array.from(dx);
}

/** The filter gradient: dW[wAt] = Σ x[xAt] · dy[yAt] over the terms W[wAt] is in. */
function filterGradient(g: SimdConvGeometry, x: Float32Array, dy: Float32Array): Float32Array {
  const dW = new Float64Array(9 * g.channels * g.filters);
  forEachTerm(g, (xAt, wAt, yAt) => (dW[wAt] = dW[wAt]! + x[xAt]! * dy[yAt]!));
  return Float32Array.from(dW);
}

function caseData(c: ConvCase) {
  const g = geometryOf(c);
  const random = createRandom(c.name);
  return {
    g,
    x: randomValues(
      c.x.reduce((p, q) => p * q, 1),
      random,
    ),
    w: randomValues(9 * g.channels * g.filters, random),
    bias: randomValues(g.filters, random),
    dy: randomValues(g.batch * g.outHeight * g.outWidth * g.filters, random),
  };
}

beforeAll(async () => {
  expect((await chooseBackend({ preferred: 'wasm' })).name).toBe('wasm');
});

eachKernelVariant(
  'the Winograd F(4×4, 3×3) convolution and its filter gradient in our SIMD functions',
  WINOGRAD_WASM,
  () => {
    test('compiles here (Node 20 and Chromium have WebAssembly SIMD)', () => {
      expect(winogradKernel()).not.toBeNull();
      expect(winogradFilterGradKernel()).not.toBeNull();
      // One module, two functions, each in an instance with its own memory.
      expect(winogradFilterGradKernel()?.memory).not.toBe(winogradKernel()?.memory);
    });

    test.each([
      // [batch, height, width, C], [top, left, hp, wp, cp]
      [
        [2, 5, 4, 4],
        [1, 1, 7, 6, 4],
      ], // channels whole, padding all round
      [
        [1, 6, 7, 3],
        [2, 0, 10, 10, 4],
      ], // a padding channel, tiles past the end
      [
        [2, 7, 9, 8],
        [0, 2, 6, 10, 8],
      ], // rows and columns cut by the tiles
    ] as const)('lays out x padded, zeros wherever x is not, over NaN: %j', (shape, place) => {
      const [batch, height, width, channels] = shape;
      const [top, left, hp, wp, cp] = place;
      const x = randomValues(batch * height * width * channels, createRandom('pad'));
      const at = 5;
      const heap = new Float32Array(at + batch * hp * wp * cp + 3).fill(Number.NaN);
      copyPadded(heap, at, x, { batch, height, width, channels }, place);
      const expected: number[] = [];
      for (let n = 0; n < batch; n++)
        for (let y = 0; y < hp; y++)
          for (let v = 0; v < wp; v++)
            for (let c = 0; c < cp; c++) {
              const [iy, ix] = [y - top, v - left];
              const inside = iy >= 0 && iy < height && ix >= 0 && ix < width && c < channels;
              expected.push(inside ? x[((n * height + iy) * width + ix) * channels + c]! : 0);
            }
      expect(Array.from(heap.subarray(at, at + expected.length))).toEqual(expected);
      // Nothing written outside it.
      expect(
        [...heap.subarray(0, at), ...heap.subarray(at + expected.length)].every(Number.isNaN),
      ).toBe(true);
    });

    test.each(CASES.map((c) => [c.name, c] as const))('matches the definition: %s', (_, c) => {
      const { g, x, w, bias } = caseData(c);
      const y = simdWinogradConv(x, w, bias, g);
      expect(y).not.toBeNull();
      expect(relativeError(y as Float32Array, convolution(g, x, w, bias))).toBeLessThan(1e-5);
      // And with no bias.
      const plain = Float32Array.from(simdWinogradConv(x, w, null, g) as Float32Array);
      expect(relativeError(plain, convolution(g, x, w, null))).toBeLessThan(1e-5);
      // And with its ReLU: max(sum, 0), each output as it is written.
      const sums = convolution(g, x, w, bias);
      const relu = simdWinogradConv(x, w, bias, g, 'forward', 'relu') as Float32Array;
      expect(
        relativeError(
          relu,
          sums.map((v) => Math.max(v, 0)),
        ),
      ).toBeLessThan(1e-5);
      // Exactly 0 below, positive above (where the sum is clear of rounding's reach).
      const clear = (i: number) => Math.abs(sums[i]!) > 1e-4;
      expect(relu.every((v, i) => !clear(i) || (sums[i]! < 0 ? v === 0 : v > 0))).toBe(true);
      expect(relu.some((v, i) => clear(i) && v === 0)).toBe(true);
    });

    test.each(CASES.map((c) => [c.name, c] as const))(
      'turned round, gives the input gradient: %s',
      (_, c) => {
        const { g, w, dy } = caseData(c);
        const turned = turnedGeometry(g);
        expect(turned).toBeTruthy();
        const dx = simdWinogradConv(dy, w, null, turned as SimdConvGeometry, 'turned');
        expect(relativeError(dx as Float32Array, inputGradient(g, dy, w))).toBeLessThan(1e-5);
      },
    );

    test.each(CASES.map((c) => [c.name, c] as const))(
      'summed the other way, gives the filter gradient: %s',
      (_, c) => {
        const { g, x, dy } = caseData(c);
        const dW = simdWinogradFilterGradient(x, dy, g);
        expect(dW).not.toBeNull();
        // Sums over every position of the batch: 2e-5 (9e-6 measured for Mini VGG's 16→16).
        expect(relativeError(dW as Float32Array, filterGradient(g, x, dy))).toBeLessThan(2e-5);
      },
    );

    test.each(CASES.map((c) => [c.name, c] as const))(
      "in a memory shared with its operands (as tfjs's heap is), over NaN, the same bits: %s",
      (_, c) => {
        const { g, x, w, bias, dy } = caseData(c);
        const turned = turnedGeometry(g) as SimdConvGeometry;
        const floats = [x, w, bias, dy].reduce((n, a) => n + a.length, 0);
        const scratch = Math.max(
          winogradConvScratch(g),
          winogradConvScratch(turned),
          winogradFilterGradScratch(g),
        );
        const outs = g.batch * g.outHeight * g.outWidth * g.filters + x.length + w.length;
        const pages = Math.ceil(((floats + scratch + outs) * 4 + 64) / 65536);
        const memory = new WebAssembly.Memory({ initial: pages });
        new Float32Array(memory.buffer).fill(Number.NaN);
        let next = 3; // floats, off any round address
        const place = (values: Float32Array | number) => {
          const n = typeof values === 'number' ? values : values.length;
          const view = new Float32Array(memory.buffer, next * 4, n);
          if (typeof values !== 'number') view.set(values);
          next += n + 1;
          return view;
        };
        const [xm, wm, bm, dym] = [x, w, bias, dy].map(place) as Float32Array[];
        const [y, dx, dW] = [dy.length, x.length, w.length].map(place) as Float32Array[];
        const room = (run: (...a: number[]) => void) => ({ memory, at: next, run });
        const conv = winogradOver(memory)!;
        winogradConvIn(room(conv), xm!, wm!, bm!, g, 'forward', y!);
        expect(Array.from(y!)).toEqual(Array.from(simdWinogradConv(x, w, bias, g)!));
        winogradConvIn(room(conv), dym!, wm!, null, turned, 'turned', dx!);
        expect(Array.from(dx!)).toEqual(
          Array.from(simdWinogradConv(dy, w, null, turned, 'turned')!),
        );
        winogradFilterGradIn(room(winogradFilterGradOver(memory)!), xm!, dym!, g, dW!);
        expect(Array.from(dW!)).toEqual(Array.from(simdWinogradFilterGradient(x, dy, g)!));
        // The operands are as they were.
        expect([xm, wm, bm, dym].map((a) => Array.from(a!))).toEqual(
          [x, w, bias, dy].map((a) => Array.from(a)),
        );
      },
    );

    test('is what Conv2D, FusedConv2D and both their gradients run on WASM: the same bits', async () => {
      const c = CASES[0] as ConvCase;
      const { g, x, w, bias, dy } = caseData(c);
      const xt = tf.tensor4d(x, c.x);
      const wt = tf.tensor4d(w, c.kernel);
      const bt = tf.tensor1d(bias);
      const r = tf.tensor(dy, [g.batch, g.outHeight, g.outWidth, g.filters]);
      // The kernels' own memory, poisoned: still all NaN after, so tfjs's ops ran in tfjs's
      // memory, on the tensors where they are (backendKernels.ts, heapMemory).
      const own = [winogradKernel(), winogradFilterGradKernel()].map((k) =>
        new Float32Array(k!.memory.buffer).fill(Number.NaN),
      );
      const plain = tf.conv2d(xt, wt, 1, 'same');
      const fused = tf.fused.conv2d({ x: xt, filter: wt, bias: bt, strides: 1, pad: 'same' });
      // The gradients of Σ conv(x, W) · r are the convolution's, for an upstream gradient r.
      const loss = (a: tf.Tensor, b: tf.Tensor) =>
        tf.sum(tf.mul(tf.conv2d(a as tf.Tensor4D, b as tf.Tensor4D, 1, 'same'), r));
      const [dx, dW] = tf.grads(loss)([xt, wt]) as [tf.Tensor, tf.Tensor];
      const bits = async (t: tf.Tensor) => Array.from(await t.data());
      expect(own.map((m) => m.every(Number.isNaN))).toEqual([true, true]);
      expect(await bits(plain)).toEqual(
        Array.from(simdWinogradConv(x, w, null, g) as Float32Array),
      );
      expect(await bits(fused)).toEqual(
        Array.from(simdWinogradConv(x, w, bias, g) as Float32Array),
      );
      const turned = turnedGeometry(g) as SimdConvGeometry;
      const direct = simdWinogradConv(dy, w, null, turned, 'turned') as Float32Array;
      expect(await bits(dx)).toEqual(Array.from(direct));
      expect(await bits(dW)).toEqual(
        Array.from(simdWinogradFilterGradient(x, dy, g) as Float32Array),
      );
      tf.dispose([xt, wt, bt, r, plain, fused, dx, dW]);
    });

    test('hands on what it does not do: few channels, other sizes and strides, activations but ReLU', () => {
      const handedOn: string[] = [];
      const fallback: KernelFunc = ({ attrs }) => {
        handedOn.push(JSON.stringify(attrs));
        return { dataId: {}, shape: [], dtype: 'float32' } as TensorInfo;
      };
      const kernel = createWasmWinogradConv(fallback);
      const call = (x: number[], filter: number[], attrs: object) => {
        const xt = tf.zeros(x);
        const ft = tf.zeros(filter);
        const out = kernel({
          inputs: { x: xt, filter: ft },
          backend: tf.backend(),
          attrs: { strides: [1, 1], pad: 'same', dataFormat: 'NHWC', dilations: [1, 1], ...attrs },
        } as never) as TensorInfo;
        tf.dispose([xt, ft]);
        if (out.shape.length) tf.engine().makeTensorFromTensorInfo(out).dispose();
      };
      call([1, 8, 8, 8], [3, 3, 8, 8], {}); // taken
      expect(handedOn).toEqual([]);
      call([1, 8, 8, 3], [3, 3, 3, 8], {}); // 3 channels
      call([1, 8, 8, 8], [5, 5, 8, 8], {}); // 5×5
      call([1, 8, 8, 8], [3, 3, 8, 8], { strides: [2, 2] });
      call([1, 8, 8, 8], [3, 3, 8, 8], { dilations: [2, 2] });
      call([1, 8, 8, 8], [3, 3, 8, 8], { activation: 'elu' });
      expect(handedOn).toHaveLength(5);
      call([1, 8, 8, 8], [3, 3, 8, 8], { activation: 'relu' }); // taken: applied inside
      expect(handedOn).toHaveLength(5);
    });
  },
);
