import type {
  KernelConfig,
  KernelFunc,
  SliceAttrs,
  SplitVAttrs,
  TensorInfo,
} from '@tensorflow/tfjs-core';
import { replaceKernel } from './backendKernels';
import { tf } from './tf';

/**
 * Slice and SplitV on the WASM backend that copy only the part asked for when it is one
 * run of memory. tfjs-backend-wasm 4.22 first copies the whole input out of the WASM heap
 * (its `readSync`) for every slice, so splitting a vector into n pieces copies it n times:
 * 0.63 ms to split the optimiser's 61,706-value step into LeNet-5's 10 weights, where the
 * pieces themselves take 0.02 ms. Other slices (not one run of memory, or strings) go to
 * the backend's own kernel.
 */
export const WASM_SLICES = ['Slice', 'SplitV'] as const;

/** The part of BackendWasm these kernels use (public, untyped in tfjs's exports). */
interface WasmBackend {
  makeOutput(shape: number[], dtype: string): TensorInfo;
  typedArrayFromHeap(info: TensorInfo): Float32Array | Int32Array | Uint8Array;
}

/** The slice as one run of memory, or null when it is not one (or holds strings). */
function contiguousSlice(
  x: TensorInfo,
  begin: number | number[],
  size: number | number[] | undefined,
  backend: WasmBackend,
): TensorInfo | null {
  if (x.dtype === 'string') return null;
  const [from, sizes] = tf.slice_util.parseSliceParams(x as tf.Tensor, begin, size) as [
    number[],
    number[],
  ];
  if (!tf.slice_util.isSliceContinous(x.shape, from, sizes)) return null;
  const offset = tf.slice_util.computeFlatOffset(from, tf.util.computeStrides(x.shape));
  const length = tf.util.sizeFromShape(sizes);
  const out = backend.makeOutput(sizes, x.dtype);
  // Views after makeOutput: allocating may grow (and so move) the WASM memory.
  backend
    .typedArrayFromHeap(out)
    .set(backend.typedArrayFromHeap(x).subarray(offset, offset + length));
  return out;
}

const replaced = new Map<string, KernelConfig>();
let registered = false;

/** The WASM backend's own kernel of that name, once replaced, for comparison in tests. */
export function nativeWasmSlice(name: (typeof WASM_SLICES)[number]): KernelConfig | undefined {
  return replaced.get(name);
}

/** Puts these Slice and SplitV in place of the WASM backend's (import the backend first). */
export function registerWasmSlices(): void {
  if (registered) return;
  const own = tf.getKernel('Slice', 'wasm');
  const slice: KernelFunc = (args) => {
    const x = (args.inputs as { x: TensorInfo }).x;
    const { begin, size } = args.attrs as unknown as SliceAttrs;
    const out = contiguousSlice(x, begin, size, args.backend as unknown as WasmBackend);
    if (out || !own) return out as TensorInfo;
    return own.kernelFunc(args);
  };
  const split: KernelFunc = (args) => {
    const x = (args.inputs as { x: TensorInfo }).x;
    const { numOrSizeSplits, axis } = args.attrs as unknown as SplitVAttrs;
    const along = tf.util.parseAxisParam(axis, x.shape)[0] ?? 0;
    const sizes = tf.backend_util.prepareSplitSize(x as tf.Tensor, numOrSizeSplits, along);
    const begin = x.shape.map(() => 0);
    return sizes.map((s) => {
      const size = [...x.shape];
      size[along] = s;
      const piece = slice({
        inputs: { x },
        attrs: { begin: [...begin], size },
        backend: args.backend,
      });
      begin[along] = (begin[along] ?? 0) + s;
      return piece as TensorInfo;
    });
  };
  const nativeSlice = replaceKernel('Slice', 'wasm', () => slice);
  const nativeSplit = replaceKernel('SplitV', 'wasm', () => split);
  if (nativeSlice) replaced.set('Slice', nativeSlice);
  if (nativeSplit) replaced.set('SplitV', nativeSplit);
  registered = true;
}
