import type { Conv2DBackpropInputAttrs, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { conv2dInfoOf, type WasmHeap } from './backendKernels';
import { INPUT_GRAD_WASM } from './kernels/inputGradWasm';
import { tf } from './tf';
import { simdConvGeometry, simdKernel, type SimdConvGeometry } from './wasmSimdModule';
import { simdWinogradConv, winogradChosen, winogradConvInHeap } from './wasmSimdWinograd';

/**
 * Conv2DBackpropInput on the WASM backend in a WebAssembly SIMD function of our own
 * (kernels/inputGrad.wat), the convolution's steps run backwards: each output position's
 * dy times the filter is added into that position's window,
 *   dx[n, y·s + i − pₜ, x·s + j − pₗ, c] += Σ_f dy[n, y, x, f] · W[i, j, c, f].
 * It does the forward convolution's multiply-adds and no more. The composed kernel
 * (convBackpropInput.ts) instead convolves dy, padded by the kernel's size less one, with
 * the filter turned round: for a 'valid' 5×5 convolution of a 14×14 image (LeNet-5's C3)
 * nearly half of its multiply-adds land on that padding. tfjs-wasm's own kernel, which
 * the composed one leaves strides above 1 to, is plain loops.
 *
 * So this kernel takes every stride above 1, and stride 1 where the composed kernel would
 * pad (the input is larger than the output). Measured one call at a time in Node, batch
 * 32: LeNet-5's C3 took 1.1 ms here against 1.6 ms composed, a 3×3 stride-2 convolution
 * of 28×28×8 0.89 ms against 7.6 ms in tfjs-wasm's loops. A 3×3 stride-1 convolution
 * whose gradient has 8 or more channels to go back through (Mini VGG's) goes first to the
 * Winograd kernel (wasmSimdWinograd.ts), as the forward convolution of dy with the filter
 * turned round: 3.1 ms for 32×32×16 to 16, where the composed kernel took 5.4–9.5 ms and
 * this one 6.5–7.0 ms. Other 'same' stride-1 convolutions stay with the composed kernel,
 * which does no more multiply-adds there than this one and runs on XNNPACK.
 *
 * The filter's rows are padded with zeros to whole groups of eight, and those lanes add
 * 0 · dy to the floats just past a window. That is 0 unless dy holds an infinity or a NaN,
 * and such a dy already makes the filter's gradient, and so the step, not finite.
 */

/** Positions summed at once, and floats per group (inputGrad.wat). */
const BLOCK = 6;
const GROUP = 8;
/** Bytes the function may write past the frame's end (zeros added by a group's last lanes). */
const FRAME_SLACK = 32;

/** The compiled function, or null where this WebAssembly cannot run it. */
export const inputGradKernel = () => simdKernel(INPUT_GRAD_WASM, 'inputGrad');

/**
 * dx (N·H·W·C values, channels last) from dy [N, OH, OW, F] and the filter W
 * [kh, kw, C, F]; null when the module is not available or its memory cannot hold the call.
 */
export function simdInputGradient(
  dy: Float32Array,
  w: Float32Array,
  g: SimdConvGeometry,
): Float32Array | null {
  const kernel = inputGradKernel();
  if (!kernel) return null;
  const { batch, height, width, channels: C, kh, kw, filters: F } = g;
  // The frame: every window, whole.
  const hp = (g.outHeight - 1) * g.sh + kh;
  const wp = (g.outWidth - 1) * g.sw + kw;
  const run = Math.ceil((kw * C) / GROUP) * GROUP; // one filter row's (j, c), padded
  const groups = (kh * run) / GROUP;
  const positions = batch * g.outHeight * g.outWidth;
  const blocks = Math.ceil(positions / BLOCK);
  const frameFloats = batch * hp * wp * C;
  const dyAt = frameFloats * 4 + FRAME_SLACK;
  const wtAt = dyAt + blocks * BLOCK * F * 4;
  const basesAt = wtAt + F * groups * GROUP * 4;
  const goffsAt = basesAt + blocks * BLOCK * 4;
  if (!kernel.reserve(goffsAt + groups * 4)) return null;
  const heap = new Float32Array(kernel.memory.buffer);
  heap.fill(0, 0, dyAt / 4);
  heap.set(dy, dyAt / 4);
  heap.fill(0, dyAt / 4 + dy.length, wtAt / 4); // the last block's missing positions
  // The filter as F rows of (i, then its run of (j, c) padded with zeros).
  const wt = heap.subarray(wtAt / 4, basesAt / 4);
  wt.fill(0);
  for (let f = 0; f < F; f++) {
    for (let i = 0; i < kh; i++) {
      const row = f * groups * GROUP + i * run;
      for (let q = 0; q < kw * C; q++) wt[row + q] = w[(i * kw * C + q) * F + f] ?? 0;
    }
  }
  const bases = new Int32Array(kernel.memory.buffer, basesAt, blocks * BLOCK);
  bases.fill(0); // the missing positions add their zeros at the frame's start
  for (let n = 0, k = 0; n < batch; n++) {
    for (let y = 0; y < g.outHeight; y++) {
      for (let x = 0; x < g.outWidth; x++, k++) {
        bases[k] = ((n * hp + y * g.sh) * wp + x * g.sw) * C * 4;
      }
    }
  }
  const goffs = new Int32Array(kernel.memory.buffer, goffsAt, groups);
  for (let i = 0, at = 0; i < kh; i++) {
    for (let q = 0; q < run; q += GROUP) goffs[at++] = (i * wp * C + q) * 4;
  }
  kernel.run(dyAt, wtAt, basesAt, goffsAt, blocks, groups, F, F * 4);
  // dx is the frame's part over the image; rows or columns past the frame get no gradient.
  const frame = new Float32Array(kernel.memory.buffer, 0, frameFloats);
  const dx = new Float32Array(batch * height * width * C);
  const span = Math.max(0, Math.min(width, wp - g.left)) * C;
  for (let n = 0; n < batch; n++) {
    for (let iy = 0; iy < height && iy + g.top < hp; iy++) {
      const from = ((n * hp + iy + g.top) * wp + g.left) * C;
      dx.set(frame.subarray(from, from + span), (n * height + iy) * width * C);
    }
  }
  return dx;
}

/**
 * The kernel function, for the cases it is faster at (see above); the rest, anything not
 * channels last and float32, and a browser without SIMD go to `fallback`.
 */
export function createWasmSimdInputGradient(fallback: KernelFunc): KernelFunc {
  return (args) => {
    const { dy, filter } = args.inputs as { dy: TensorInfo; filter: TensorInfo };
    const { dataFormat, inputShape, ...conv } = args.attrs as unknown as Conv2DBackpropInputAttrs;
    const format = tf.backend_util.convertConv2DDataFormat(dataFormat);
    if (format !== 'channelsLast' || dy.dtype !== 'float32' || filter.dtype !== 'float32') {
      return fallback(args);
    }
    const info = conv2dInfoOf(inputShape, filter.shape, conv, format);
    const g = simdConvGeometry(inputShape, filter.shape, info);
    if (!g) return fallback(args);
    const wasm = args.backend as unknown as WasmHeap;
    const turned = turnedGeometry(g);
    if (turned && winogradChosen(turned)) {
      // In tfjs's memory, on the tensors themselves, where the kernel can run there.
      const inHeap = winogradConvInHeap(
        args.backend,
        [dy, filter, null],
        inputShape,
        turned,
        'turned',
      );
      if (inHeap) return inHeap;
      const dx = simdWinogradConv(
        wasm.typedArrayFromHeap(dy),
        wasm.typedArrayFromHeap(filter),
        null,
        turned,
        'turned',
      );
      if (dx) return output(wasm, inputShape, dx);
    }
    const strided = g.sh > 1 || g.sw > 1;
    const pads = g.height * g.width > g.outHeight * g.outWidth;
    if (!strided && !pads) return fallback(args);
    const dx = simdInputGradient(wasm.typedArrayFromHeap(dy), wasm.typedArrayFromHeap(filter), g);
    return dx ? output(wasm, inputShape, dx) : fallback(args);
  };
}

/** A new tensor of `shape` holding `values`. */
function output(wasm: WasmHeap, shape: readonly number[], values: Float32Array): TensorInfo {
  const out = wasm.makeOutput([...shape], 'float32');
  // The view after makeOutput: allocating may grow (and so move) tfjs's memory.
  wasm.typedArrayFromHeap(out).set(values);
  return out;
}

/**
 * The input gradient of a 3×3 stride-1 convolution as a forward convolution: of dy, with
 * the filter turned round (see convBackpropInput.ts), padded by 2 − pₜ rows and 2 − pₗ
 * columns; null when the forward padding is wider than that.
 */
export function turnedGeometry(g: SimdConvGeometry): SimdConvGeometry | null {
  if (g.top > 2 || g.left > 2) return null;
  const turned: SimdConvGeometry = {
    ...g,
    height: g.outHeight,
    width: g.outWidth,
    channels: g.filters,
    filters: g.channels,
    outHeight: g.height,
    outWidth: g.width,
    top: 2 - g.top,
    left: 2 - g.left,
  };
  return turned;
}
