import { base64ToBytes } from '../data/checkpointWeights';
import type { tf } from './tf';

/**
 * A kernel module as `npm run kernels` ships it (kernels/*Wasm.ts): its bytes in base64,
 * plain (WebAssembly SIMD) and, for the kernels whose loops accumulate, with fused
 * multiply-adds (relaxed SIMD; src/cli/kernels.ts, fusedText, says why).
 */
export interface KernelModule {
  readonly plain: string;
  readonly fused?: string;
}

/** Whether the fused variants may run where they compile (the tests check both). */
let fusedAllowed = true;

/** Lets the fused variants run where they compile (true, the default) or never (false). */
export function allowFusedKernels(allowed: boolean): void {
  fusedAllowed = allowed;
}

/**
 * The variant of `source` that runs here: the fused one where this WebAssembly compiles it
 * (Chromium since 114, Firefox since 120), otherwise the plain one.
 */
export function kernelVariant(source: KernelModule): 'fused' | 'plain' {
  return fusedAllowed && source.fused !== undefined && entryOf(source.fused).module
    ? 'fused'
    : 'plain';
}

/** The base64 text of the variant that runs here. */
const chosenText = (source: KernelModule) =>
  kernelVariant(source) === 'fused' ? (source.fused as string) : source.plain;

/**
 * One of the engine's own WebAssembly SIMD kernels (kernels/*.wat, shipped as base64 by
 * `npm run kernels`): one exported function, in an instance of its module with a memory of
 * its own. Each call copies its operands into that memory, runs, and copies the result
 * out; tfjs's heap is only read and written through the backend's own views.
 */
export interface SimdKernel {
  readonly memory: WebAssembly.Memory;
  readonly run: (...args: number[]) => void;
  /**
   * Makes the memory at least `bytes` long; false where the browser will not give a
   * module that much (the call then goes to another kernel).
   */
  readonly reserve: (bytes: number) => boolean;
}

/**
 * Each module variant (by its base64 text) compiled once, and each of its kernels (by name) made
 * once, an instance of its own with its own memory.
 */
const loaded = new Map<
  string,
  { module: WebAssembly.Module | null; kernels: Map<string, SimdKernel | null> }
>();

/**
 * The kernel exported as `name` by the variant of `source` that runs here, compiled once;
 * null where this WebAssembly cannot compile it (a browser without SIMD).
 */
export function simdKernel(source: KernelModule, name: string): SimdKernel | null {
  const entry = entryOf(chosenText(source));
  const known = entry.kernels.get(name);
  if (known !== undefined) return known;
  const kernel = entry.module ? instantiate(entry.module, name) : null;
  entry.kernels.set(name, kernel);
  return kernel;
}

/** The module in `base64` and its kernels so far, compiled once. */
function entryOf(base64: string) {
  let entry = loaded.get(base64);
  if (!entry) {
    entry = { module: compiled(base64), kernels: new Map() };
    loaded.set(base64, entry);
  }
  return entry;
}

/** The module in `base64`, compiled once; null where this WebAssembly cannot compile it. */
const simdModule = (base64: string) => entryOf(base64).module;

/** The module in `base64`; null where this WebAssembly cannot compile it. */
function compiled(base64: string): WebAssembly.Module | null {
  try {
    return new WebAssembly.Module(base64ToBytes(base64) as BufferSource);
  } catch {
    return null;
  }
}

/** Whether a module takes its memory from outside (env.memory) instead of making its own. */
const importsMemory = (module: WebAssembly.Module) =>
  WebAssembly.Module.imports(module).some(
    (i) => i.module === 'env' && i.name === 'memory' && i.kind === 'memory',
  );

/** One kernel of a module: an instance, its memory and its function; null if it has none. */
function instantiate(module: WebAssembly.Module, name: string): SimdKernel | null {
  try {
    const own = importsMemory(module) ? new WebAssembly.Memory({ initial: 1 }) : null;
    const { exports } = new WebAssembly.Instance(module, own ? { env: { memory: own } } : {});
    const memory = own ?? (exports.memory as WebAssembly.Memory);
    const run = exports[name] as SimdKernel['run'];
    if (typeof run !== 'function') throw new TypeError(`The module has no ${name} function.`);
    const reserve = (bytes: number) => {
      const have = memory.buffer.byteLength;
      if (bytes <= have) return true;
      try {
        memory.grow(Math.ceil((bytes - have) / 65536));
        return true;
      } catch {
        return false; // RangeError: more than the browser gives one module
      }
    };
    return { memory, run, reserve };
  } catch {
    return null;
  }
}

/** Kernels instantiated over another module's memory, by that memory, module and name. */
const over = new WeakMap<WebAssembly.Memory, Map<string, Map<string, SimdKernel['run'] | null>>>();

/**
 * The kernel `name` of the variant of `source` that runs here (one that imports env.memory), running in
 * `memory` itself, typically tfjs's heap (backendKernels.ts, heapMemory), so it reads and
 * writes tensors where they are instead of copies of them; null where it cannot be made
 * (no SIMD, or a memory the module's import does not accept, such as a shared one).
 */
export function simdKernelOver(
  memory: WebAssembly.Memory,
  source: KernelModule,
  name: string,
): SimdKernel['run'] | null {
  const base64 = chosenText(source);
  let modules = over.get(memory);
  if (!modules) over.set(memory, (modules = new Map()));
  let kernels = modules.get(base64);
  if (!kernels) modules.set(base64, (kernels = new Map()));
  const known = kernels.get(name);
  if (known !== undefined) return known;
  let run: SimdKernel['run'] | null = null;
  try {
    const module = simdModule(base64);
    if (module && importsMemory(module)) {
      const found = new WebAssembly.Instance(module, { env: { memory } }).exports[name];
      if (typeof found === 'function') run = found as SimdKernel['run'];
    }
  } catch {
    run = null;
  }
  kernels.set(name, run);
  return run;
}

/** A channels-last convolution's sizes, as the engine's SIMD kernels take them (no dilation). */
export interface SimdConvGeometry {
  readonly batch: number;
  readonly height: number;
  readonly width: number;
  readonly channels: number;
  readonly kh: number;
  readonly kw: number;
  readonly filters: number;
  readonly outHeight: number;
  readonly outWidth: number;
  readonly sh: number;
  readonly sw: number;
  readonly top: number;
  readonly left: number;
}

/**
 * The sizes of a convolution of an [N, H, W, C] input with a [kh, kw, C, F] filter, from
 * tfjs's geometry of it; null when it has nothing to compute (a size of 0), which the
 * kernels' loops do not allow.
 */
export function simdConvGeometry(
  inShape: readonly number[],
  filterShape: readonly number[],
  info: ReturnType<typeof tf.backend_util.computeConv2DInfo>,
): SimdConvGeometry | null {
  const [batch = 0, height = 0, width = 0, channels = 0] = inShape;
  const [kh = 0, kw = 0, , filters = 0] = filterShape;
  const g: SimdConvGeometry = {
    batch,
    height,
    width,
    channels,
    kh,
    kw,
    filters,
    outHeight: info.outHeight,
    outWidth: info.outWidth,
    sh: info.strideHeight,
    sw: info.strideWidth,
    top: info.padInfo.top,
    left: info.padInfo.left,
  };
  const sizes = [batch, height, width, channels, kh, kw, filters, g.outHeight, g.outWidth];
  return sizes.every((n) => n >= 1) ? g : null;
}
