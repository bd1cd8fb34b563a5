import type {
  Conv2DBackpropInputAttrs,
  KernelConfig,
  KernelFunc,
  TensorInfo,
} from '@tensorflow/tfjs-core';
import { backendCalls, conv2dInfoOf, kernelOf, replaceKernel } from './backendKernels';
import { tf } from './tf';
import { createWasmSimdInputGradient } from './wasmSimdInputGrad';

/**
 * Conv2DBackpropInput (the gradient of a convolution with respect to its input) built from
 * the backend's own Conv2D, Reverse and Transpose, for stride 1. The stock WASM backend of
 * tfjs 4.22 has this kernel, but as plain loops: it takes about two thirds of a Mini VGG
 * training step (420 of 630 ms per batch of 64 on vgg-mini-32), against 46 ms for the
 * forward convolutions, which run through XNNPACK.
 *
 * For a forward conv with stride 1, kernel KH×KW and leading padding (pₜ, pₗ):
 *   dx[n, i, j, c] = Σ_{a, b, f} dy[n, i + pₜ − a, j + pₗ − b, f] · W[a, b, c, f],
 * which is a convolution of dy with the kernel turned by 180° and its channel axes swapped,
 * W'[a, b, f, c] = W[KH − 1 − a, KW − 1 − b, c, f], padded by KH − 1 − pₜ rows on top
 * (KW − 1 − pₗ columns on the left) and as much at the far side as gives back H×W.
 * Strides above 1 (and pads beyond the kernel) go to the backend's own kernel. On WASM,
 * strided convolutions, and those whose input is larger than their output (where this
 * kernel would convolve a zero-padded dy), go first to our SIMD function
 * (wasmSimdInputGrad.ts), which does no multiply-adds on padding.
 */
export const CONV2D_BACKPROP_INPUT = 'Conv2DBackpropInput';

/** The composed kernel for one backend, falling back to `native` where it does not apply. */
export function createConv2DBackpropInput(backendName: string, native: KernelFunc): KernelFunc {
  const transpose = kernelOf('Transpose', backendName);
  const reverse = kernelOf('Reverse', backendName);
  const conv2d = kernelOf('Conv2D', backendName);
  return (args) => {
    const { inputs, backend, attrs } = args;
    const { dy, filter } = inputs as { dy: TensorInfo; filter: TensorInfo };
    const { dataFormat, inputShape, ...conv } = attrs as unknown as Conv2DBackpropInputAttrs;
    const format = tf.backend_util.convertConv2DDataFormat(dataFormat);
    const info = conv2dInfoOf(inputShape, filter.shape, conv, format);
    const { top, bottom, left, right } = info.padInfo;
    const [kh, kw] = [info.filterHeight, info.filterWidth];
    const far = [kh - 1 - bottom, kw - 1 - right] as const;
    const fits =
      format === 'channelsLast' &&
      info.strideHeight === 1 &&
      info.strideWidth === 1 &&
      [kh - 1 - top, kw - 1 - left, ...far].every((p) => p >= 0);
    if (!fits) return native(args);
    const { run, paddedConv2d, dispose } = backendCalls(backend);
    const turned = run(reverse, { x: filter }, { dims: [0, 1] });
    const swapped = run(transpose, { x: turned }, { perm: [0, 1, 3, 2] });
    const pad = { rows: [kh - 1 - top, far[0]], cols: [kw - 1 - left, far[1]] } as const;
    const dx = paddedConv2d(conv2d, { x: dy, filter: swapped }, pad, [1, 1]);
    dispose([turned, swapped]);
    return dx;
  };
}

const composedFor = new Set<string>();

/**
 * Puts the composed Conv2DBackpropInput in place of the backend's own (kept for the cases
 * it does not cover). Returns true when the composed kernel is now the one registered.
 */
export function registerConv2DBackpropInput(backendName: string): boolean {
  if (composedFor.has(backendName)) return true;
  if (!tf.getKernel(CONV2D_BACKPROP_INPUT, backendName)) return false;
  replaceKernel(CONV2D_BACKPROP_INPUT, backendName, (native) => {
    const composed = createConv2DBackpropInput(backendName, (native as KernelConfig).kernelFunc);
    // On WASM, strides and padded convolutions go to our SIMD function (wasmSimdInputGrad.ts).
    return backendName === 'wasm' ? createWasmSimdInputGradient(composed) : composed;
  });
  composedFor.add(backendName);
  return true;
}
