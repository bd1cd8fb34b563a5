import type { Conv2DBackpropFilterAttrs, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { conv2dInfoOf, type WasmHeap } from './backendKernels';
import { FILTER_GRAD_WASM } from './kernels/filterGradWasm';
import { tf } from './tf';
import { simdConvGeometry, simdKernel, type SimdConvGeometry } from './wasmSimdModule';
import { winogradChosen } from './wasmSimdWinograd';
import { simdWinogradFilterGradient, winogradFilterGradInHeap } from './wasmSimdWinogradFilterGrad';

/**
 * Conv2DBackpropFilter on the WASM backend in a WebAssembly SIMD function of our own
 * (kernels/filterGrad.wat), for every channels-last float32 convolution the Winograd kernel
 * (wasmSimdWinogradFilterGrad.ts: 3×3, stride 1, 8 or more channels) does not take:
 *   dW[i, j, c, f] = Σ_{n, y, x} x[n, y·s + i − pₜ, x·s + j − pₗ, c] · dy[n, y, x, f].
 * tfjs-wasm 4.22 has no such kernel; built from XNNPACK's convolution or matrix product
 * (convBackpropFilter.ts, wasmFilterGrad.ts) it spends much of its time packing operands
 * that are new every step. Measured one kernel call at a time in Node (batch 32), this
 * function took LeNet-5's two filter gradients from 1.36 and 0.90 ms to 0.49 and 0.59 ms,
 * and Mini VGG 32's five from 5.7, 16, 5.1, 9.0 and 4.2 ms to 1.3, 5.8, 3.3, 7.0 and 3.3 ms.
 *
 * The function has its own memory. Each call copies x into it with the padding written
 * as zeros (so the sums need no bounds checks), copies dy after it, writes the byte
 * offset of each of the filter's rows (i, j, c) within a window, and reads dW back out.
 * Where the module cannot be compiled (a browser without WebAssembly SIMD) or the memory
 * cannot grow, the call goes to `fallback`.
 */

/** Rows of dW the function sums at once, and columns per group (filterGrad.wat). */
const ROW_BLOCK = 6;
const GROUP = 8;
/** Bytes the function may read past the end of dy (its last group's unused lanes). */
const DY_SLACK = 32;

/** The compiled function, or null where this WebAssembly cannot run it. */
export const filterGradKernel = () => simdKernel(FILTER_GRAD_WASM, 'filterGrad');

/**
 * dW (kh·kw·channels·filters values, in the filter's [kh, kw, C, F] order) from x
 * [N, H, W, C] and dy [N, OH, OW, F], both channels last; null when the module is not
 * available or its memory cannot hold the call.
 */
export function simdFilterGradient(
  x: Float32Array,
  dy: Float32Array,
  g: SimdConvGeometry,
): Float32Array | null {
  const kernel = filterGradKernel();
  if (!kernel) return null;
  const { batch, height, width, channels: C, kh, kw, filters: F } = g;
  // The padded input: just large enough for every window.
  const hp = (g.outHeight - 1) * g.sh + kh;
  const wp = (g.outWidth - 1) * g.sw + kw;
  const rows = kh * kw * C;
  const blocks = Math.ceil(rows / ROW_BLOCK) * ROW_BLOCK;
  const groups = Math.ceil(F / GROUP);
  const xBytes = batch * hp * wp * C * 4;
  const dyAt = xBytes;
  const offsAt = dyAt + dy.length * 4 + DY_SLACK;
  const outAt = offsAt + blocks * 4;
  const total = outAt + blocks * groups * GROUP * 4;
  if (!kernel.reserve(total)) return null;
  const heap = new Float32Array(kernel.memory.buffer);
  heap.fill(0, 0, xBytes / 4);
  const run = Math.min(width, wp - g.left) * C;
  for (let n = 0; n < batch; n++) {
    for (let iy = 0; iy < height && iy + g.top < hp; iy++) {
      const from = (n * height + iy) * width * C;
      if (run > 0)
        heap.set(x.subarray(from, from + run), ((n * hp + iy + g.top) * wp + g.left) * C);
    }
  }
  heap.set(dy, dyAt / 4);
  const offsets = new Int32Array(kernel.memory.buffer, offsAt, blocks);
  offsets.fill(0);
  for (let i = 0, r = 0; i < kh; i++) {
    for (let j = 0; j < kw; j++)
      for (let c = 0; c < C; c++) offsets[r++] = ((i * wp + j) * C + c) * 4;
  }
  kernel.run(
    0,
    dyAt,
    offsAt,
    outAt,
    blocks,
    groups,
    F * 4,
    batch,
    g.outHeight,
    g.outWidth,
    hp * wp * C * 4,
    g.sh * wp * C * 4,
    g.sw * C * 4,
  );
  const sums = new Float32Array(kernel.memory.buffer, outAt, blocks * groups * GROUP);
  const dW = new Float32Array(rows * F);
  for (let r = 0; r < rows; r++)
    dW.set(sums.subarray(r * groups * GROUP, r * groups * GROUP + F), r * F);
  return dW;
}

/** The kernel function, handing what it does not cover to `fallback`. */
export function createWasmSimdFilterGradient(fallback: KernelFunc): KernelFunc {
  return (args) => {
    const { x, dy } = args.inputs as { x: TensorInfo; dy: TensorInfo };
    const { dataFormat, filterShape, ...conv } = args.attrs as unknown as Conv2DBackpropFilterAttrs;
    const format = tf.backend_util.convertConv2DDataFormat(dataFormat);
    if (format !== 'channelsLast' || x.dtype !== 'float32' || dy.dtype !== 'float32') {
      return fallback(args);
    }
    const info = conv2dInfoOf(x.shape, filterShape, conv, format);
    const geometry = simdConvGeometry(x.shape, filterShape, info);
    if (!geometry) return fallback(args);
    const wasm = args.backend as unknown as WasmHeap;
    // In tfjs's memory, on x and dy where they are, where the kernel can run there.
    const inHeap = winogradChosen(geometry)
      ? winogradFilterGradInHeap(args.backend, [x, dy], filterShape, geometry)
      : null;
    if (inHeap) return inHeap;
    const [xs, dys] = [wasm.typedArrayFromHeap(x), wasm.typedArrayFromHeap(dy)];
    const dW =
      (winogradChosen(geometry) ? simdWinogradFilterGradient(xs, dys, geometry) : null) ??
      simdFilterGradient(xs, dys, geometry);
    if (!dW) return fallback(args);
    const out = wasm.makeOutput([...filterShape], 'float32');
    // The view after makeOutput: allocating may grow (and so move) tfjs's memory.
    wasm.typedArrayFromHeap(out).set(dW);
    return out;
  };
}
