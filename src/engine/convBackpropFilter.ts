import type {
  Conv2DBackpropFilterAttrs,
  KernelConfig,
  KernelFunc,
  TensorInfo,
} from '@tensorflow/tfjs-core';
import { backendCalls, conv2dInfoOf, kernelOf, replaceKernel } from './backendKernels';
import { tf } from './tf';
import { createWasmIm2colFilterGradient } from './wasmFilterGrad';
import { createWasmSimdFilterGradient } from './wasmSimdFilterGrad';

/**
 * Conv2DBackpropFilter (the gradient of a convolution with respect to its kernel) built from
 * kernels every backend has: Transpose, Conv2D and Slice. The stock WASM backend of tfjs
 * 4.22 lacks it, so without this no convolutional network can train there.
 *
 * For a forward conv with stride s and padding (pₜ, pₗ):
 *   dW[i, j, c, f] = Σ_{n, y, x} x[n, y·s + i − pₜ, x·s + j − pₗ, c] · dy[n, y, x, f].
 * Read with c as the batch, n as the channels and dy as the filter, that is a convolution of
 * xᵀ = transpose(x, [3, 1, 2, 0]) (C×H×W×N) with dyᵀ = transpose(dy, [1, 2, 0, 3])
 * (OH×OW×N×F), stride 1, dilation s, the same leading padding, giving C×KH'×KW'×F with
 * KH' ≥ KH; the first KH×KW positions, transposed back to KH×KW×C×F, are dW.
 */
export const CONV2D_BACKPROP_FILTER = 'Conv2DBackpropFilter';

/** The kernel function for one backend, calling that backend's own kernels. */
export function createConv2DBackpropFilter(backendName: string): KernelFunc {
  const transpose = kernelOf('Transpose', backendName);
  const conv2d = kernelOf('Conv2D', backendName);
  const slice = kernelOf('Slice', backendName);
  const composed: KernelFunc = ({ inputs, backend, attrs }) => {
    const { x, dy } = inputs as { x: TensorInfo; dy: TensorInfo };
    const { dataFormat, filterShape, ...conv } = attrs as unknown as Conv2DBackpropFilterAttrs;
    const format = tf.backend_util.convertConv2DDataFormat(dataFormat);
    if (format !== 'channelsLast') {
      throw new Error('Conv2DBackpropFilter here supports NHWC (channels last) only.');
    }
    const info = conv2dInfoOf(x.shape, filterShape, conv, format);
    const [kh, kw, channels, filters] = filterShape;
    const [height, width] = [x.shape[1] ?? 0, x.shape[2] ?? 0];
    const { top, left } = info.padInfo;
    const { strideHeight: sh, strideWidth: sw, outHeight, outWidth } = info;
    // Pad the far side just enough for KH×KW outputs; extra rows are sliced off.
    const bottom = Math.max(0, kh - 1 + (outHeight - 1) * sh + 1 - height - top);
    const right = Math.max(0, kw - 1 + (outWidth - 1) * sw + 1 - width - left);
    const { run, paddedConv2d, dispose } = backendCalls(backend);
    const xT = run(transpose, { x }, { perm: [3, 1, 2, 0] });
    const dyT = run(transpose, { x: dy }, { perm: [1, 2, 0, 3] });
    const pad = { rows: [top, bottom], cols: [left, right] };
    const full = paddedConv2d(conv2d, { x: xT, filter: dyT }, pad, [sh, sw]);
    const cut = run(slice, { x: full }, { begin: [0, 0, 0, 0], size: [channels, kh, kw, filters] });
    const dW = run(transpose, { x: cut }, { perm: [1, 2, 0, 3] });
    dispose([xT, dyT, full, cut]);
    return dW;
  };
  // On WASM our own SIMD function is faster (wasmSimdFilterGrad.ts); where it cannot run,
  // one matrix product over the patches (wasmFilterGrad.ts).
  return backendName === 'wasm'
    ? createWasmSimdFilterGradient(createWasmIm2colFilterGradient(composed))
    : composed;
}

const composedFor = new Set<string>();
const nativeKernels = new Map<string, KernelConfig>();

/** True when the backend runs the composed kernel of this file rather than its own. */
export function usesComposedConv2DBackpropFilter(backendName: string): boolean {
  return composedFor.has(backendName);
}

/** The backend's own kernel that `replace` set aside, if any (for comparison in tests). */
export function nativeConv2DBackpropFilter(backendName: string): KernelConfig | undefined {
  return nativeKernels.get(backendName);
}

/**
 * Registers the composed Conv2DBackpropFilter for a backend that lacks one (WASM), or, with
 * `replace`, instead of the backend's own: the CPU backend's loops over a TensorBuffer take
 * about 2 s per LeNet-5 batch of 32, the composed kernel tens of milliseconds. Returns true
 * when the composed kernel is now the one registered.
 */
export function registerConv2DBackpropFilter(
  backendName: string,
  options: { replace?: boolean } = {},
): boolean {
  if (composedFor.has(backendName)) return true;
  if (tf.getKernel(CONV2D_BACKPROP_FILTER, backendName) && !options.replace) return false;
  const native = replaceKernel(CONV2D_BACKPROP_FILTER, backendName, () =>
    createConv2DBackpropFilter(backendName),
  );
  if (native) nativeKernels.set(backendName, native);
  composedFor.add(backendName);
  return true;
}
