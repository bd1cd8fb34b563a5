import type { FusedConv2DAttrs, KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { conv2dInfoOf, replaceKernel, type WasmHeap } from './backendKernels';
import { tf } from './tf';
import { simdConvGeometry } from './wasmSimdModule';
import { simdWinogradConv, winogradChosen, winogradConvInHeap } from './wasmSimdWinograd';

/**
 * Conv2D and FusedConv2D on the WASM backend by Winograd's F(4×4, 3×3)
 * (wasmSimdWinograd.ts) for the convolutions it is faster at: 3×3, stride 1, dilation 1,
 * channels last, float32, at least `WINOGRAD_MIN_CHANNELS` (8) input channels, and (fused)
 * a linear or ReLU activation, the two the engine asks for (convBias.ts). Measured
 * one call at a time in Node, batch 32, against XNNPACK's convolution through tfjs:
 * Mini VGG 32's second to fifth convolutions (16→16 at 32×32, 16→32 and 32→32 at 16×16,
 * 32→64 at 8×8) took 3.5, 1.6, 2.6 and 1.7 ms against 6.6, 2.6, 5.0 and 2.5 ms. Its first
 * (3 channels in, padded to 4) was slower than XNNPACK's (1.9 against 1.4 ms) and stays
 * with it, as does everything else.
 */
export const WINOGRAD_CONVS = ['Conv2D', 'FusedConv2D'] as const;

/** Dilation 1, given as a number or a pair (or not at all). */
const undilated = (d: number | [number, number] | undefined) =>
  d === undefined || (Array.isArray(d) ? d.every((v) => v === 1) : d === 1);

/** The kernel function for Conv2D or FusedConv2D, handing what it does not cover to `fallback`. */
export function createWasmWinogradConv(fallback: KernelFunc): KernelFunc {
  return (args) => {
    const { x, filter, bias } = args.inputs as Record<string, TensorInfo | undefined>;
    const attrs = args.attrs as unknown as FusedConv2DAttrs;
    const format = tf.backend_util.convertConv2DDataFormat(attrs.dataFormat);
    const activation = attrs.activation ?? 'linear';
    const taken = activation === 'linear' || activation === 'relu';
    if (
      !x ||
      !filter ||
      format !== 'channelsLast' ||
      !taken ||
      !undilated(attrs.dilations) ||
      [x, filter, bias].some((t) => t && t.dtype !== 'float32') ||
      (bias && bias.shape.length !== 1)
    ) {
      return fallback(args);
    }
    const info = conv2dInfoOf(x.shape, filter.shape, attrs, format);
    const g = simdConvGeometry(x.shape, filter.shape, info);
    if (!g || !winogradChosen(g)) return fallback(args);
    const wasm = args.backend as unknown as WasmHeap;
    const shape = [g.batch, g.outHeight, g.outWidth, g.filters];
    // In tfjs's memory, on the tensors themselves, where the kernel can run there.
    const operands = [x, filter, bias ?? null] as const;
    const inHeap = winogradConvInHeap(args.backend, operands, shape, g, 'forward', activation);
    if (inHeap) return inHeap;
    const y = simdWinogradConv(
      wasm.typedArrayFromHeap(x),
      wasm.typedArrayFromHeap(filter),
      bias ? wasm.typedArrayFromHeap(bias) : null,
      g,
      'forward',
      activation,
    );
    if (!y) return fallback(args);
    const out = wasm.makeOutput(shape, 'float32');
    // The view after makeOutput: allocating may grow (and so move) tfjs's memory.
    wasm.typedArrayFromHeap(out).set(y);
    return out;
  };
}

let registered = false;

/** Puts the Winograd kernel in front of WASM's own Conv2D and FusedConv2D. */
export function registerWasmWinogradConvs(): void {
  if (registered) return;
  for (const name of WINOGRAD_CONVS) {
    replaceKernel(name, 'wasm', (native) =>
      createWasmWinogradConv((native as KernelConfig).kernelFunc),
    );
  }
  registered = true;
}
