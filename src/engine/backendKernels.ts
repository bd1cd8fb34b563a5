import type { KernelFunc } from '@tensorflow/tfjs-core';
import { tf } from './tf';

/** What the composed kernels need of a backend: freeing the intermediate tensors they make. */
export interface KernelBackend {
  disposeData(dataId: object): void;
}

/** A backend's own kernel function by name; composed kernels are built from these. */
export function kernelOf(name: string, backendName: string): KernelFunc {
  const config = tf.getKernel(name, backendName);
  if (!config) throw new Error(`The ${backendName} backend has no ${name} kernel.`);
  return config.kernelFunc;
}
