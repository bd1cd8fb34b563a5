import type {
  Conv2DBackpropInputAttrs,
  KernelConfig,
  KernelFunc,
  NamedAttrMap,
  TensorInfo,
} from '@tensorflow/tfjs-core';
import { tf } from './tf';

/** What the composed kernels need of a backend: freeing the intermediate tensors they make. */
export interface KernelBackend {
  disposeData(dataId: object): void;
}

/**
 * The part of tfjs's BackendWasm that kernels working on its memory use (public methods,
 * untyped in tfjs's exports): a new output tensor, and a float32 tensor's view on the heap.
 * Allocating may grow (and so move) the memory, so views are taken after makeOutput.
 */
export interface WasmHeap extends KernelBackend {
  makeOutput(shape: number[], dtype: string): TensorInfo;
  typedArrayFromHeap(info: TensorInfo): Float32Array;
}

/**
 * A new float32 output of `shape`, filled by `fill` from views of `inputs` and of the
 * output, with `scratch` floats of room in tfjs's memory from float index `at`, freed
 * after. Both are allocated before any view is taken, since allocating may grow (and so
 * move) the memory. Null, with nothing kept, when the memory could not grow that far:
 * tfjs's allocator then answers address 0, which nothing real ever has.
 */
export function outputWithScratch(
  wasm: WasmHeap,
  inputs: readonly (TensorInfo | null)[],
  shape: readonly number[],
  scratch: number,
  fill: (views: (Float32Array | null)[], out: Float32Array, at: number) => void,
): TensorInfo | null {
  const out = wasm.makeOutput([...shape], 'float32');
  const room = wasm.makeOutput([scratch], 'float32');
  try {
    const [outView, roomView] = [wasm.typedArrayFromHeap(out), wasm.typedArrayFromHeap(room)];
    if (outView.byteOffset === 0 || roomView.byteOffset === 0) {
      wasm.disposeData(out.dataId);
      return null;
    }
    const views = inputs.map((t) => (t ? wasm.typedArrayFromHeap(t) : null));
    fill(views, outView, roomView.byteOffset / 4);
  } finally {
    wasm.disposeData(room.dataId);
  }
  return out;
}

/**
 * The WebAssembly memory that holds a WASM backend's tensors, for kernels of our own that
 * work on them in place (wasmSimdModule.ts, simdKernelOver); null for any other backend.
 * tfjs-backend-wasm keeps its Emscripten module as `backend.wasm`, and that module's
 * exports (`asm`) include the memory in tfjs's module without threads; not part of tfjs's
 * API, so it is read with care and every caller copies instead when it is missing.
 */
export function heapMemory(backend: unknown): WebAssembly.Memory | null {
  const memory = (backend as { wasm?: { asm?: { memory?: unknown } } } | null)?.wasm?.asm?.memory;
  return memory instanceof WebAssembly.Memory ? memory : null;
}

/** A backend's own kernel function by name; composed kernels are built from these. */
export function kernelOf(name: string, backendName: string): KernelFunc {
  const config = tf.getKernel(name, backendName);
  if (!config) throw new Error(`The ${backendName} backend has no ${name} kernel.`);
  return config.kernelFunc;
}

/** The attributes both convolution gradients share with the forward convolution. */
type ConvAttrs = Pick<Conv2DBackpropInputAttrs, 'strides' | 'pad' | 'dimRoundingMode'>;

/** The forward convolution's geometry (no dilation, NHWC or NCHW as `format` says). */
export function conv2dInfoOf(
  inShape: readonly number[],
  filterShape: readonly number[],
  { strides, pad, dimRoundingMode }: ConvAttrs,
  format: 'channelsFirst' | 'channelsLast',
): ReturnType<typeof tf.backend_util.computeConv2DInfo> {
  type Shape4 = [number, number, number, number];
  return tf.backend_util.computeConv2DInfo(
    inShape as Shape4,
    filterShape as Shape4,
    strides,
    1,
    pad,
    dimRoundingMode,
    false,
    format,
  );
}

/** What a composed kernel does on the backend it runs on. */
export interface BackendCalls {
  /** Calls one of the backend's own kernels. */
  run(kernel: KernelFunc, inputs: Record<string, TensorInfo>, attrs: object): TensorInfo;
  /**
   * A stride-1 NHWC convolution with explicit padding ([before, after] for rows, then
   * columns) and dilation: the step both composed convolution gradients come down to.
   */
  paddedConv2d(
    conv2d: KernelFunc,
    inputs: { x: TensorInfo; filter: TensorInfo },
    pad: { readonly rows: readonly number[]; readonly cols: readonly number[] },
    dilations: readonly number[],
  ): TensorInfo;
  /** Frees the intermediate tensors the kernel made. */
  dispose(tensors: readonly TensorInfo[]): void;
}

/** The calls of a composed kernel, bound to the backend it was called on. */
export function backendCalls(backend: object): BackendCalls {
  const run: BackendCalls['run'] = (kernel, inputs, attrs) =>
    kernel({ inputs, backend, attrs: attrs as NamedAttrMap }) as TensorInfo;
  return {
    run,
    paddedConv2d: (conv2d, inputs, pad, dilations) =>
      run(conv2d, inputs, {
        strides: [1, 1],
        pad: [[0, 0], pad.rows, pad.cols, [0, 0]],
        dataFormat: 'NHWC',
        dilations,
        dimRoundingMode: undefined,
      }),
    dispose: (tensors) => {
      for (const t of tensors) (backend as KernelBackend).disposeData(t.dataId);
    },
  };
}

/**
 * Registers `create(native)` as a backend's `kernelName`, setting aside the backend's own
 * kernel `native` (returned, for the cases it still covers and for comparison in tests).
 */
export function replaceKernel(
  kernelName: string,
  backendName: string,
  create: (native: KernelConfig | undefined) => KernelFunc,
): KernelConfig | undefined {
  const native = tf.getKernel(kernelName, backendName);
  if (native) tf.unregisterKernel(kernelName, backendName);
  // The native kernel's setupFunc too: tfjs-wasm's binds its WebAssembly function there,
  // when the backend starts, and create's fallback calls that function.
  tf.registerKernel({ ...native, kernelName, backendName, kernelFunc: create(native) });
  return native;
}
