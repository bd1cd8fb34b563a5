import { base64ToBytes } from '../data/checkpointWeights';
import type { tf } from './tf';

/**
 * One of the engine's own WebAssembly SIMD kernels (kernels/*.wat, shipped as base64 by
 * `npm run kernels`): a module with its own memory and one exported function. Each call
 * copies its operands into that memory, runs, and copies the result out; tfjs's heap is
 * only read and written through the backend's own views.
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

/** Each module (by its base64 text) compiled once; every module exports one kernel. */
const loaded = new Map<string, SimdKernel | null>();

/**
 * The kernel exported as `name` by the module in `base64`, compiled once; null where this
 * WebAssembly cannot compile it (a browser without SIMD).
 */
export function simdKernel(base64: string, name: string): SimdKernel | null {
  const known = loaded.get(base64);
  if (known !== undefined) return known;
  let kernel: SimdKernel | null;
  try {
    const module = new WebAssembly.Module(base64ToBytes(base64) as BufferSource);
    const { exports } = new WebAssembly.Instance(module);
    const memory = exports.memory as WebAssembly.Memory;
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
    kernel = { memory, run, reserve };
  } catch {
    kernel = null;
  }
  loaded.set(base64, kernel);
  return kernel;
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
