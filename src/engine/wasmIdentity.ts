import type { KernelConfig, KernelFunc, TensorInfo } from '@tensorflow/tfjs-core';
import { replaceKernel } from './backendKernels';

/**
 * Identity on the WASM backend that shares its input's memory (one more reference to it)
 * instead of copying it, as the CPU backend's does. tfjs's engine clones, through Identity,
 * every tensor a gradient keeps for the backward pass, and tfjs-backend-wasm 4.22 copies
 * each: 48 copies in a LeNet-5 training step, the largest 600 KB. Sharing is safe for the
 * reason the WASM backend's own Reshape already shares: no kernel writes into its inputs,
 * and a variable's assign points it at new memory rather than writing into the old.
 */
export const IDENTITY = 'Identity';

/** The part of BackendWasm this kernel uses (public, untyped in tfjs's exports). */
interface WasmBackend {
  incRef(dataId: object): void;
}

const replaced = new Map<string, KernelConfig>();
let registered = false;

/** The WASM backend's own (copying) Identity, once replaced, for comparison in tests. */
export function nativeWasmIdentity(): KernelConfig | undefined {
  return replaced.get('wasm');
}

/**
 * Puts the sharing Identity in place of the WASM backend's (import the backend first);
 * strings, which the backend keeps outside its memory, still go to its own kernel.
 */
export function registerWasmIdentity(): void {
  if (registered) return;
  const native = replaceKernel(IDENTITY, 'wasm', (own): KernelFunc => (args) => {
    const x = (args.inputs as { x: TensorInfo }).x;
    if (x.dtype === 'string' && own) return own.kernelFunc(args);
    (args.backend as WasmBackend).incRef(x.dataId);
    return { dataId: x.dataId, shape: [...x.shape], dtype: x.dtype };
  });
  if (native) replaced.set('wasm', native);
  registered = true;
}
