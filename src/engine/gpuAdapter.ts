import type { GpuAdapterSummary } from '../core/gpuAdapter';

/**
 * Reading what a WebGPU adapter says about itself, in every shape browsers have shipped.
 *
 * `GPUAdapterInfo`'s fields are getters on its prototype, so `Object.values(info)` and
 * `{ ...info }` are empty: each field must be read by name. Chromium moved
 * `isFallbackAdapter` from the adapter to its info (the adapter's own is now undefined),
 * and browsers before `adapter.info` existed gave the info only through
 * `requestAdapterInfo()`. A software adapter (SwiftShader, llvmpipe) trains far slower than
 * WASM, so getting this wrong costs a person two orders of magnitude of speed.
 */

/** The fields of `GPUAdapterInfo` the engine reads. */
export interface AdapterInfoLike {
  readonly vendor?: string;
  readonly architecture?: string;
  readonly device?: string;
  readonly description?: string;
  /** Current Chromium: the browser's software fallback adapter. */
  readonly isFallbackAdapter?: boolean;
}

/** A `GPUAdapter`, as far as choosing a backend needs it. */
export interface AdapterLike {
  readonly info?: AdapterInfoLike;
  /** Older browsers: the fallback flag on the adapter itself. */
  readonly isFallbackAdapter?: boolean;
  /** Older browsers: the info only by asking. */
  requestAdapterInfo?(): Promise<AdapterInfoLike>;
}

/** Names of software renderers, in a WebGPU adapter's fields or WebGL's renderer string. */
export const SOFTWARE_RENDERER = /swiftshader|llvmpipe|lavapipe|software|basic render/i;

const text = (value: unknown): string => (typeof value === 'string' ? value : '');

/** The adapter's own info: `adapter.info`, else `requestAdapterInfo()`, else nothing. */
async function infoOf(adapter: AdapterLike): Promise<AdapterInfoLike> {
  if (adapter.info) return adapter.info;
  try {
    return (await adapter.requestAdapterInfo?.()) ?? {};
  } catch {
    // Some versions refuse without a user gesture; the adapter is then described by its flag alone.
    return {};
  }
}

/**
 * What the adapter is, read field by field. It counts as software when the browser flags
 * it as its fallback (on the info or, in older browsers, on the adapter) or when a field
 * names a software renderer. An adapter that says nothing at all is taken to be hardware:
 * there is nothing to go on, and a browser that old predates the software adapters
 * Chromium now offers behind `--enable-unsafe-webgpu`.
 */
export async function describeAdapter(adapter: AdapterLike): Promise<GpuAdapterSummary> {
  const info = await infoOf(adapter);
  const vendor = text(info.vendor);
  const architecture = text(info.architecture);
  const device = text(info.device);
  const description = text(info.description);
  const fallback = info.isFallbackAdapter === true || adapter.isFallbackAdapter === true;
  const named = SOFTWARE_RENDERER.test([vendor, architecture, device, description].join(' '));
  return { vendor, architecture, device, description, software: fallback || named };
}
