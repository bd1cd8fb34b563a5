import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { backendCalls, kernelOf, replaceKernel } from './backendKernels';

/**
 * Identity on the WASM backend that shares its input's memory (one more reference to it)
 * instead of copying it, as the CPU backend's does. tfjs's engine clones, through Identity,
 * every tensor a gradient keeps for the backward pass, and tfjs-backend-wasm 4.22 copies
 * each: 48 copies in a LeNet-5 training step, the largest 600 KB. Sharing is safe for the
 * reason the WASM backend's own Reshape already shares: no kernel writes into its inputs,
 * and a variable's assign points it at new memory rather than writing into the old.
 *
 * Cast to the dtype a tensor already has is the same copy in tfjs-backend-wasm 4.22 (every
 * ReLU's gradient casts its float32 mask to float32: 9 copies a LeNet-5 step), so it shares
 * too. Its cast to bool copies the low byte of each value instead of testing it against 0, so
 * that one is NotEqual(x, 0); other casts go to the backend's own kernel.
 */
export const IDENTITY = 'Identity';
export const SHARING_KERNELS = [IDENTITY, 'Cast'] as const;

/** The part of BackendWasm this kernel uses (public, untyped in tfjs's exports). */
interface WasmBackend {
  incRef(dataId: object): void;
}

const replaced = new Map<string, KernelConfig>();
let registered = false;

/** The WASM backend's own (copying) Identity, once replaced, for comparison in tests. */
export function nativeWasmIdentity(): KernelConfig | undefined {
  return replaced.get(IDENTITY);
}

/** x itself under one more reference: the backend frees its memory once both are disposed. */
function shared(backend: unknown, x: TensorInfo): TensorInfo {
  (backend as WasmBackend).incRef(x.dataId);
  return { dataId: x.dataId, shape: [...x.shape], dtype: x.dtype };
}

/**
 * Puts the sharing Identity and Cast in place of the WASM backend's (import the backend
 * first); strings, which the backend keeps outside its memory, still go to its own kernels.
 */
export function registerWasmIdentity(): void {
  if (registered) return;
  const native = replaceKernel(IDENTITY, 'wasm', (own): KernelFunc => (args) => {
    const x = (args.inputs as { x: TensorInfo }).x;
    if (x.dtype === 'string' && own) return own.kernelFunc(args);
    return shared(args.backend, x);
  });
  if (native) replaced.set(IDENTITY, native);
  const nativeCast = replaceKernel('Cast', 'wasm', (own): KernelFunc => (args) => {
    const x = (args.inputs as { x: TensorInfo }).x;
    const { dtype } = args.attrs as { dtype: string };
    if (dtype === 'bool' && x.dtype !== 'bool' && x.dtype !== 'string') {
      // The backend's own cast copies the low byte (−1 becomes 255, 2 stays 2); true is ≠ 0.
      const { run, dispose } = backendCalls(args.backend);
      const zero = run(kernelOf('Fill', 'wasm'), {}, { shape: [], value: 0, dtype: x.dtype });
      const flags = run(kernelOf('NotEqual', 'wasm'), { a: x, b: zero }, {});
      dispose([zero]);
      return flags;
    }
    if (dtype !== x.dtype || x.dtype === 'string') {
      if (!own) throw new Error(`The WASM backend has no Cast kernel for ${x.dtype} to ${dtype}.`);
      return own.kernelFunc(args);
    }
    return shared(args.backend, x);
  });
  if (nativeCast) replaced.set('Cast', nativeCast);
  registered = true;
}

/** The WASM backend's own Cast, once replaced, for comparison in tests. */
export function nativeWasmCast(): KernelConfig | undefined {
  return replaced.get('Cast');
}
