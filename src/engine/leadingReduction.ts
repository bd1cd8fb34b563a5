import type { KernelConfig, KernelFunc, SumAttrs, TensorInfo } from '@tensorflow/tfjs-core';
import { backendCalls, kernelOf } from './backendKernels';
import { tf } from './tf';

/**
 * Sum and Mean over every axis but the last, for the WASM backend, as one average pooling.
 * That reduction is every bias gradient (∂L/∂b = Σₙ,ᵧ,ₓ ∂L/∂y over batch and positions) and
 * batch norm's batch statistics. tfjs-backend-wasm 4.22 reduces only over trailing axes, so
 * it transposes the whole tensor first: 1.0 ms for a 32×32×32×16 gradient. Read as an image
 * of M×1 pixels with C channels, the mean is XNNPACK's average pooling over one M×1 window
 * (0.4–0.6 ms there, 0.07 ms against 0.31 for 32×8×8×64); Sum multiplies by M. (A row of
 * ones times the M×C matrix is faster on a tensor seen before, but XNNPACK packs its right
 * operand on every new tensor, and every gradient is new: 2.3 ms.) Other reductions go to
 * the backend's own kernel.
 */
export const LEADING_REDUCTIONS = ['Sum', 'Mean'] as const;
export type LeadingReduction = (typeof LEADING_REDUCTIONS)[number];

/** The kernel for one backend, falling back to `native` for reductions it does not cover. */
export function createLeadingReduction(
  kind: LeadingReduction,
  backendName: string,
  native: KernelFunc,
): KernelFunc {
  const fill = kernelOf('Fill', backendName);
  const reshape = kernelOf('Reshape', backendName);
  const avgPool = kernelOf('AvgPool', backendName);
  const multiply = kernelOf('Multiply', backendName);
  return (args) => {
    const x = (args.inputs as { x: TensorInfo }).x;
    const { axis, keepDims } = args.attrs as unknown as SumAttrs;
    const rank = x.shape.length;
    const axes = tf.util.parseAxisParam(axis, x.shape).sort((a, b) => a - b);
    const channels = x.shape[rank - 1] ?? 0;
    const rows = tf.util.sizeFromShape(x.shape) / Math.max(channels, 1);
    const leading = rank >= 2 && axes.length === rank - 1 && axes.every((a, i) => a === i);
    if (!leading || x.dtype !== 'float32' || channels === 0 || rows === 0) return native(args);
    const { run, dispose } = backendCalls(args.backend);
    const image = run(reshape, { x }, { shape: [1, rows, 1, channels] });
    const pooled = run(
      avgPool,
      { x: image },
      { filterSize: [rows, 1], strides: [1, 1], pad: 'valid' },
    );
    const made = [image, pooled];
    let reduced = pooled;
    if (kind === 'Sum') {
      const count = run(fill, {}, { shape: [], value: rows, dtype: 'float32' });
      reduced = run(multiply, { a: pooled, b: count }, {});
      made.push(count, reduced);
    }
    const shape = keepDims ? [...x.shape.slice(0, -1).map(() => 1), channels] : [channels];
    const out = run(reshape, { x: reduced }, { shape });
    dispose(made);
    return out;
  };
}

const natives = new Map<LeadingReduction, KernelConfig>();

/** The WASM backend's own kernel, once replaced (for comparison in tests). */
export function nativeWasmReduction(kind: LeadingReduction): KernelConfig | undefined {
  return natives.get(kind);
}

/**
 * Puts the matrix-product Sum and Mean in place of the WASM backend's, keeping each
 * backend config's setupFunc (import the backend first); true once they are there.
 */
export function registerWasmLeadingReductions(): boolean {
  for (const kind of LEADING_REDUCTIONS) {
    if (natives.has(kind)) continue;
    const native = tf.getKernel(kind, 'wasm');
    if (!native) return false;
    tf.unregisterKernel(kind, 'wasm');
    tf.registerKernel({
      ...native,
      kernelFunc: createLeadingReduction(kind, 'wasm', native.kernelFunc),
    });
    natives.set(kind, native);
  }
  return true;
}
