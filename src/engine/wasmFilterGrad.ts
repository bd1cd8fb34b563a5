import type { Conv2DBackpropFilterAttrs, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { backendCalls, conv2dInfoOf, kernelOf, type WasmHeap } from './backendKernels';
import { tf } from './tf';

/**
 * Conv2DBackpropFilter on the WASM backend as one matrix product, dW = Pᵀ · dy, with the
 * patch matrix Pᵀ (im2col) copied in long runs inside the WASM heap:
 *   dW[(i, j, c), f] = Σ_{y, x, n} xᵀ[c, y·s + i − pₜ, x·s + j − pₗ, n] · dyᵀ[y, x, n, f],
 * where xᵀ = transpose(x, [3, 1, 2, 0]) (C×H×W×N) and dyᵀ = transpose(dy, [1, 2, 0, 3])
 * (OH×OW×N×F). Ordering Pᵀ's columns (y, x, n) makes each of its rows, for one output row
 * y, a single run of OW·N values of xᵀ (stride 1), so it is built with a few thousand
 * `copyWithin` calls; the product then runs in XNNPACK's matrix multiply. The composed
 * kernel (a convolution with dy as its filter) runs the same sums as a convolution with a
 * filter as large as the image, which XNNPACK does at about half its speed: for Mini VGG's
 * 32×32×16 layer at batch 32, about 12 ms against 9 here.
 *
 * Pᵀ is built in slices of output rows, at most LIMIT values at a time, and the products
 * added, so a large batch needs no more memory.
 *
 * Only kernels of at most 3×3 go this way. Measured inside training steps (tf.profile, batch
 * 32, Node), im2col took Mini VGG's five filter gradients from 16.8, 13.0, 7.9, 7.4 and 6.6 ms
 * to 14.6, 11.7, 6.4, 5.2 and 5.3 ms, but LeNet-5's two 5×5 ones from 1.4 and 1.0 ms up to
 * 1.9–3.0 and 1.4–2.3 ms: a 5×5 kernel copies each input value 25 times into Pᵀ. Larger
 * kernels, channels first and anything not float32 go to `fallback`.
 */
const MAX_KERNEL_AREA = 9;
const LIMIT = 1 << 22;

interface Geometry {
  readonly kh: number;
  readonly kw: number;
  readonly channels: number;
  readonly height: number;
  readonly width: number;
  readonly batch: number;
  readonly outWidth: number;
  readonly sh: number;
  readonly sw: number;
  readonly top: number;
  readonly left: number;
}

/**
 * Fills `out` (rows (i, j, c), columns (y, x, n) for y in [y0, y1)) from xᵀ, zero where the
 * window reaches into the padding. Both are views on the same heap.
 */
export function fillPatchRows(
  xT: Float32Array,
  out: Float32Array,
  g: Geometry,
  y0: number,
  y1: number,
) {
  const heap = new Float32Array(xT.buffer);
  const xBase = xT.byteOffset / 4;
  const n = g.batch;
  const run = g.outWidth * n;
  const columns = (y1 - y0) * run;
  let row = out.byteOffset / 4;
  for (let i = 0; i < g.kh; i++) {
    for (let j = 0; j < g.kw; j++) {
      // Output columns x with an input column inside the image: from ≤ x < to.
      const x0 = j - g.left;
      const from = Math.min(g.outWidth, Math.max(0, Math.ceil(-x0 / g.sw)));
      const to = Math.max(from, Math.min(g.outWidth, Math.ceil((g.width - x0) / g.sw)));
      for (let c = 0; c < g.channels; c++, row += columns) {
        const plane = xBase + c * g.height * g.width * n;
        for (let y = y0, o = row; y < y1; y++, o += run) {
          const iy = y * g.sh + i - g.top;
          if (iy < 0 || iy >= g.height) {
            heap.fill(0, o, o + run);
            continue;
          }
          heap.fill(0, o, o + from * n);
          const line = plane + iy * g.width * n;
          if (g.sw === 1) {
            const at = line + (x0 + from) * n;
            heap.copyWithin(o + from * n, at, at + (to - from) * n);
          } else {
            for (let x = from; x < to; x++) {
              const at = line + (x * g.sw + x0) * n;
              heap.copyWithin(o + x * n, at, at + n);
            }
          }
          heap.fill(0, o + to * n, o + run);
        }
      }
    }
  }
}

/**
 * The im2col kernel, handing the cases it does not cover to `fallback`; `limit` is the
 * most values of Pᵀ built at a time (a test sets it low to check the slicing).
 */
export function createWasmIm2colFilterGradient(fallback: KernelFunc, limit = LIMIT): KernelFunc {
  return (args) => {
    // Looked up per call: Slice and the others may be replaced after this is registered.
    const [transpose, reshape, slice, matMul, add] = [
      'Transpose',
      'Reshape',
      'Slice',
      'BatchMatMul',
      'Add',
    ].map((name) => kernelOf(name, 'wasm')) as [
      KernelFunc,
      KernelFunc,
      KernelFunc,
      KernelFunc,
      KernelFunc,
    ];
    const { x, dy } = args.inputs as { x: TensorInfo; dy: TensorInfo };
    const { dataFormat, filterShape, ...conv } = args.attrs as unknown as Conv2DBackpropFilterAttrs;
    const format = tf.backend_util.convertConv2DDataFormat(dataFormat);
    const area = (filterShape[0] ?? 0) * (filterShape[1] ?? 0);
    if (
      format !== 'channelsLast' ||
      x.dtype !== 'float32' ||
      dy.dtype !== 'float32' ||
      area > MAX_KERNEL_AREA
    ) {
      return fallback(args);
    }
    const info = conv2dInfoOf(x.shape, filterShape, conv, format);
    const [kh, kw, channels, filters] = filterShape;
    const [batch, height, width] = x.shape as [number, number, number];
    const { outHeight, outWidth, strideHeight: sh, strideWidth: sw } = info;
    const g: Geometry = {
      kh,
      kw,
      channels,
      height,
      width,
      batch,
      outWidth,
      sh,
      sw,
      ...info.padInfo,
    };
    const rows = kh * kw * channels;
    const run = outWidth * batch;
    if (rows * run === 0 || outHeight === 0) return fallback(args);
    const step = Math.max(1, Math.floor(limit / (rows * run)));
    const wasm = args.backend as unknown as WasmHeap;
    const { run: call, dispose } = backendCalls(args.backend);
    const xT = call(transpose, { x }, { perm: [3, 1, 2, 0] });
    const dyT = call(transpose, { x: dy }, { perm: [1, 2, 0, 3] });
    let total: TensorInfo | null = null;
    for (let y0 = 0; y0 < outHeight; y0 += step) {
      const y1 = Math.min(outHeight, y0 + step);
      const columns = (y1 - y0) * run;
      const patches = wasm.makeOutput([1, rows, columns], 'float32');
      // Views after makeOutput: allocating may grow (and so move) the WASM memory.
      fillPatchRows(wasm.typedArrayFromHeap(xT), wasm.typedArrayFromHeap(patches), g, y0, y1);
      const part = call(
        slice,
        { x: dyT },
        { begin: [y0, 0, 0, 0], size: [y1 - y0, outWidth, batch, filters] },
      );
      const right = call(reshape, { x: part }, { shape: [1, columns, filters] });
      const product = call(
        matMul,
        { a: patches, b: right },
        { transposeA: false, transposeB: false },
      );
      dispose([patches, part, right]);
      if (total) {
        const sum = call(add, { a: total, b: product }, {});
        dispose([total, product]);
        total = sum;
      } else total = product;
    }
    const dW = call(reshape, { x: total as TensorInfo }, { shape: [kh, kw, channels, filters] });
    dispose([xT, dyT, total as TensorInfo]);
    return dW;
  };
}
