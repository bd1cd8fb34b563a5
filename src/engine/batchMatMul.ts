import type { BatchMatMulAttrs, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { backendCalls, kernelOf } from './backendKernels';
import { tf } from './tf';

/**
 * BatchMatMul for the WASM backend with the transposes done first. tfjs-backend-wasm 4.22
 * hands a transposed operand to its kernel as is, and that takes a scalar loop instead of
 * XNNPACK's fast matrix product; every dense layer's backward pass multiplies by a
 * transposed matrix (dx = dy·Wᵀ, dW = xᵀ·dy). Transposing explicitly (one pass over the
 * operand) and calling the backend's own kernel untransposed gives the same sums.
 */
export const BATCH_MAT_MUL = 'BatchMatMul';

/** The permutation that swaps the last two axes of a tensor of this rank. */
export function lastTwoSwapped(rank: number): number[] {
  const perm = Array.from({ length: rank }, (_, i) => i);
  if (rank >= 2) [perm[rank - 2], perm[rank - 1]] = [rank - 1, rank - 2];
  return perm;
}

/** The wrapper around the backend's own kernel `native` (its Transpose from `backendName`). */
export function transposingBatchMatMul(native: KernelFunc, backendName: string): KernelFunc {
  return ({ inputs, backend, attrs }) => {
    const { transposeA, transposeB } = attrs as unknown as BatchMatMulAttrs;
    if (!transposeA && !transposeB) return native({ inputs, backend, attrs });
    const calls = backendCalls(backend);
    const transpose = kernelOf('Transpose', backendName);
    const { a, b } = inputs as { a: TensorInfo; b: TensorInfo };
    const made: TensorInfo[] = [];
    const swapped = (t: TensorInfo) => {
      const out = calls.run(transpose, { x: t }, { perm: lastTwoSwapped(t.shape.length) });
      made.push(out);
      return out;
    };
    const result = calls.run(
      native,
      { a: transposeA ? swapped(a) : a, b: transposeB ? swapped(b) : b },
      { ...attrs, transposeA: false, transposeB: false },
    );
    calls.dispose(made);
    return result;
  };
}

let registered = false;

/**
 * Puts the transposing BatchMatMul in place of the WASM backend's (import the backend
 * first); true once it is there, false when the backend has no BatchMatMul to wrap.
 */
export function registerWasmBatchMatMul(): boolean {
  if (registered) return true;
  const native = tf.getKernel(BATCH_MAT_MUL, 'wasm');
  if (!native) return false;
  // The backend's own config keeps its setupFunc (it binds the WASM function the kernel
  // calls when the backend starts); without it the kernel fails and the lab falls back to CPU.
  tf.unregisterKernel(BATCH_MAT_MUL, 'wasm');
  tf.registerKernel({ ...native, kernelFunc: transposingBatchMatMul(native.kernelFunc, 'wasm') });
  registered = true;
  return true;
}
