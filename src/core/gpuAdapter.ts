/**
 * What a WebGPU adapter says about itself, as plain data. The engine reads it when it
 * chooses a backend; the page shows it beside the backend's name, so a person can see
 * which graphics adapter the lab used, or which software one it refused. It lives in
 * `core` because both the engine (which fills it) and the store (which shows it) use it.
 */
export interface GpuAdapterSummary {
  /** e.g. "nvidia", "apple", "google" (SwiftShader's); empty when the browser does not say. */
  readonly vendor: string;
  /** e.g. "ampere", "metal-3", "swiftshader"; empty when the browser does not say. */
  readonly architecture: string;
  readonly device: string;
  readonly description: string;
  /** True for a software adapter (the browser's fallback, or a known software renderer). */
  readonly software: boolean;
}

/** The adapter in a few words for the backend line: "nvidia ampere", or "unnamed adapter". */
export function adapterLabel(adapter: GpuAdapterSummary): string {
  const named = [adapter.vendor, adapter.architecture].filter(Boolean).join(' ');
  return named || adapter.description || adapter.device || 'unnamed adapter';
}

/**
 * The adapter's part of the backend line, given the backend in use: the adapter WebGPU runs
 * on, or the one it offered and the lab did not use, and why; null when WebGPU offered none.
 */
export function gpuAdapterNote(backend: string, adapter: GpuAdapterSummary | null): string | null {
  if (!adapter) return null;
  const label = adapterLabel(adapter);
  const software = adapter.software ? ' (software)' : '';
  if (backend === 'webgpu') return `on ${label}${software}`;
  return adapter.software
    ? `skipped WebGPU's software adapter, ${label}`
    : `WebGPU's ${label} not used`;
}
