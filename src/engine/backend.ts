import {
  CONV2D_BACKPROP_FILTER,
  registerConv2DBackpropFilter,
  usesComposedConv2DBackpropFilter,
} from './convBackpropFilter';
import { CONV2D_BACKPROP_INPUT, registerConv2DBackpropInput } from './convBackpropInput';
import { adapterLabel, type GpuAdapterSummary } from '../core/gpuAdapter';
import { describeAdapter, SOFTWARE_RENDERER, type AdapterLike } from './gpuAdapter';
import { BATCH_MAT_MUL, registerWasmBatchMatMul } from './batchMatMul';
import { LEADING_REDUCTIONS, registerWasmLeadingReductions } from './leadingReduction';
import { MAX_POOL_GRAD, registerWasmMaxPoolGrad } from './maxPoolGrad';
import { SHARING_KERNELS, registerWasmIdentity } from './wasmIdentity';
import { WASM_SLICES, registerWasmSlices } from './wasmSlice';
import { WINOGRAD_CONVS, registerWasmWinogradConvs } from './wasmWinogradConv';
import { registerWasmReluBiasGrad } from './wasmReluBiasGrad';
import {
  wasmSingleThreadedHere,
  wasmThreadsHere,
  withCoreCountForThreads,
  type WasmThreadRequest,
} from './wasmThreads';
import { tf } from './tf';

/**
 * Choosing where the tensors live: WebGPU, then WebGL, then WASM, then the plain
 * JavaScript CPU backend. Each backend's module is loaded only when it is tried, so a
 * page that ends up on WASM never downloads the WebGPU code.
 */
export type BackendName = 'webgpu' | 'webgl' | 'wasm' | 'cpu';

export const BACKEND_ORDER: readonly BackendName[] = ['webgpu', 'webgl', 'wasm', 'cpu'];

/** True for one of the four backend names (for the `backend=` URL value). */
export function isBackendName(value: unknown): value is BackendName {
  return typeof value === 'string' && (BACKEND_ORDER as readonly string[]).includes(value);
}

/** The three WASM binaries, as tfjs names them. */
export const WASM_FILES = [
  'tfjs-backend-wasm.wasm',
  'tfjs-backend-wasm-simd.wasm',
  'tfjs-backend-wasm-threaded-simd.wasm',
] as const;

export interface BackendOptions {
  /** Try this backend first ('auto', the default, follows BACKEND_ORDER). */
  readonly preferred?: BackendName | 'auto';
  /** Backends not to try (the ones that already failed). */
  readonly exclude?: readonly BackendName[];
  /**
   * Where the WASM binaries are served: a URL prefix ending in '/', or one URL per file
   * name of WASM_FILES. Left out, tfjs looks next to its own script (and in Node reads its
   * package's files).
   */
  readonly wasmPaths?: string | Readonly<Record<(typeof WASM_FILES)[number], string>>;
  /**
   * WASM threads when the page is cross-origin isolated: a count, or 'cores' for one per
   * core; default: tfjs's own (half the cores), measured faster here (wasmThreads.ts).
   */
  readonly wasmThreads?: WasmThreadRequest;
  /**
   * Skip WebGL and WebGPU when they run on a software renderer (SwiftShader, llvmpipe), which
   * is slower than WASM; default true, unless that backend was asked for by name.
   */
  readonly skipSoftwareGpu?: boolean;
}

/** Why a backend was or was not used, in words for the UI. */
export interface BackendAttempt {
  readonly name: BackendName;
  readonly ok: boolean;
  readonly reason: string;
}

/** The backend the engine runs on, how it got there, and what it had to add. */
export interface BackendSelection {
  readonly name: BackendName;
  /** Every backend tried, in order, the chosen one last. */
  readonly attempts: readonly BackendAttempt[];
  /** WASM only: SIMD instructions in use, and the number of threads (1 without). */
  readonly simd?: boolean;
  readonly threads?: number;
  /** Kernels the engine put in because the backend lacks them or its own are slow or wrong. */
  readonly addedKernels: readonly string[];
  /**
   * The WebGPU adapter the browser offered, used (name 'webgpu') or skipped (a software
   * one); null when WebGPU was not tried or offered no adapter.
   */
  readonly gpuAdapter: GpuAdapterSummary | null;
}

type Probe = { ok: true; simd?: boolean; threads?: number } | { ok: false; reason: string };

interface GpuLike {
  requestAdapter(): Promise<AdapterLike | null>;
}

const globals = globalThis as unknown as {
  navigator?: { gpu?: GpuLike };
  OffscreenCanvas?: new (w: number, h: number) => { getContext(kind: string): unknown };
  document?: { createElement(tag: string): { getContext(kind: string): unknown } };
  crossOriginIsolated?: boolean;
};

/** The WebGL renderer's name, when the browser tells it (else null). */
function webglRenderer(): string | null {
  try {
    const canvas = globals.OffscreenCanvas
      ? new globals.OffscreenCanvas(1, 1)
      : globals.document?.createElement('canvas');
    const gl = canvas?.getContext('webgl2') as {
      getExtension(name: string): { UNMASKED_RENDERER_WEBGL: number } | null;
      getParameter(p: number): unknown;
    } | null;
    const info = gl?.getExtension('WEBGL_debug_renderer_info');
    return info && gl ? String(gl.getParameter(info.UNMASKED_RENDERER_WEBGL)) : null;
  } catch {
    return null;
  }
}

/**
 * WebGPU, if the browser offers a hardware adapter. The adapter is described before tfjs's
 * WebGPU module is loaded, so a software one is refused without downloading that code.
 * `found` receives the adapter's description whether it is used or not.
 */
async function probeWebGpu(
  skipSoftware: boolean,
  found: (adapter: GpuAdapterSummary) => void,
): Promise<Probe> {
  const gpu = globals.navigator?.gpu;
  if (!gpu) return { ok: false, reason: 'this browser does not offer WebGPU (navigator.gpu).' };
  const adapter = await gpu.requestAdapter().catch(() => null);
  if (!adapter) return { ok: false, reason: 'WebGPU found no graphics adapter.' };
  const summary = await describeAdapter(adapter);
  found(summary);
  if (skipSoftware && summary.software) {
    return {
      ok: false,
      reason: `WebGPU's adapter (${adapterLabel(summary)}) is a software renderer, slower than WASM.`,
    };
  }
  await import('@tensorflow/tfjs-backend-webgpu');
  return { ok: true };
}

async function probeWebGl(skipSoftware: boolean): Promise<Probe> {
  if (!globals.OffscreenCanvas && !globals.document) {
    return { ok: false, reason: 'there is no canvas here to draw WebGL on.' };
  }
  const renderer = webglRenderer();
  if (skipSoftware && renderer && SOFTWARE_RENDERER.test(renderer)) {
    return {
      ok: false,
      reason: `WebGL runs on ${renderer}, a software renderer slower than WASM.`,
    };
  }
  await import('@tensorflow/tfjs-backend-webgl');
  return { ok: true };
}

async function probeWasm(options: BackendOptions): Promise<Probe> {
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  try {
    if (options.wasmPaths) wasm.setWasmPaths(options.wasmPaths);
    // Before the backend initialises (setBackend below), or tfjs keeps its own count.
    const threads = wasmThreadsHere(options.wasmThreads);
    if (threads !== null) wasm.setThreadsCount(threads);
    // One thread: the module without threads, whose memory is not shared (wasmThreads.ts).
    if (wasmSingleThreadedHere(options.wasmThreads)) {
      tf.env().set('WASM_HAS_MULTITHREAD_SUPPORT', false);
    }
  } catch {
    // Already initialised by an earlier attempt: the paths set then still apply.
  }
  registerConv2DBackpropFilter('wasm');
  registerWasmMaxPoolGrad();
  registerWasmBatchMatMul();
  registerWasmLeadingReductions();
  registerWasmIdentity();
  registerWasmSlices();
  registerWasmWinogradConvs();
  registerWasmReluBiasGrad();
  const [simd, threaded] = await Promise.all([
    tf.env().getAsync('WASM_HAS_SIMD_SUPPORT'),
    tf.env().getAsync('WASM_HAS_MULTITHREAD_SUPPORT'),
  ]);
  return { ok: true, simd: Boolean(simd), threads: threaded ? undefined : 1 };
}

async function probe(
  name: BackendName,
  options: BackendOptions,
  named: boolean,
  found: (adapter: GpuAdapterSummary) => void,
): Promise<Probe> {
  const skipSoftware = (options.skipSoftwareGpu ?? true) && !named;
  switch (name) {
    case 'webgpu':
      return probeWebGpu(skipSoftware, found);
    case 'webgl':
      return probeWebGl(skipSoftware);
    case 'wasm':
      return probeWasm(options);
    case 'cpu':
      await import('@tensorflow/tfjs-backend-cpu');
      return { ok: true };
  }
}

/** The order to try: the preferred backend first, then the usual order, minus exclusions. */
export function backendCandidates(options: BackendOptions = {}): BackendName[] {
  const preferred = options.preferred && options.preferred !== 'auto' ? [options.preferred] : [];
  const excluded = new Set(options.exclude ?? []);
  return [...new Set([...preferred, ...BACKEND_ORDER])].filter((b) => !excluded.has(b));
}

/**
 * Starts the first backend that works, in the order of `backendCandidates`, and says
 * why each one before it was skipped. Throws only when none works.
 */
export async function chooseBackend(options: BackendOptions = {}): Promise<BackendSelection> {
  const attempts: BackendAttempt[] = [];
  const preferred = options.preferred && options.preferred !== 'auto' ? options.preferred : null;
  let gpuAdapter: GpuAdapterSummary | null = null;
  const found = (adapter: GpuAdapterSummary) => {
    gpuAdapter = adapter;
  };
  const candidates = backendCandidates(options);
  // WASM is where a machine without a usable GPU ends up: its module downloads while the
  // GPU backends are probed, so probing one that is then skipped costs no waiting.
  if (candidates.indexOf('wasm') > 0)
    void import('@tensorflow/tfjs-backend-wasm').catch(() => null);
  for (const name of candidates) {
    let result: Probe;
    try {
      result = await probe(name, options, name === preferred, found);
      if (result.ok && !tf.findBackendFactory(name)) {
        result = { ok: false, reason: `TensorFlow.js cannot run ${name} in this environment.` };
      }
      // tfjs caps WASM's pool at half the reported cores: report enough for the count asked.
      const start = () => tf.setBackend(name);
      const started =
        result.ok &&
        (name === 'wasm'
          ? await withCoreCountForThreads(wasmThreadsHere(options.wasmThreads), start)
          : await start());
      if (result.ok && !started) {
        result = { ok: false, reason: `the ${name} backend failed to start.` };
      }
    } catch (error) {
      result = { ok: false, reason: `${name} failed: ${(error as Error).message}` };
    }
    if (!result.ok) {
      attempts.push({ name, ok: false, reason: result.reason });
      continue;
    }
    // WASM has no kernel of its own; the CPU backend's is far slower than the composed one.
    registerConv2DBackpropFilter(name, { replace: name === 'cpu' });
    // WASM's own input gradient is plain loops; the composed one runs on its XNNPACK convolution.
    const composedInput = name === 'wasm' && registerConv2DBackpropInput(name);
    const threads = name === 'wasm' ? (result.threads ?? (await wasmThreadCount())) : undefined;
    attempts.push({ name, ok: true, reason: reasonFor(name, result.simd, threads) });
    return {
      name,
      attempts,
      ...(result.simd === undefined ? {} : { simd: result.simd }),
      ...(threads === undefined ? {} : { threads }),
      addedKernels: [
        ...(usesComposedConv2DBackpropFilter(name) ? [CONV2D_BACKPROP_FILTER] : []),
        ...(name === 'wasm'
          ? [
              MAX_POOL_GRAD,
              BATCH_MAT_MUL,
              ...LEADING_REDUCTIONS,
              ...SHARING_KERNELS,
              ...WASM_SLICES,
              ...WINOGRAD_CONVS,
            ]
          : []),
        ...(composedInput ? [CONV2D_BACKPROP_INPUT] : []),
      ],
      gpuAdapter,
    };
  }
  throw new Error(
    `No TensorFlow.js backend works here: ${attempts.map((a) => `${a.name}: ${a.reason}`).join(' ')}`,
  );
}

async function wasmThreadCount(): Promise<number> {
  const wasm = await import('@tensorflow/tfjs-backend-wasm');
  try {
    return wasm.getThreadsCount();
  } catch {
    return 1;
  }
}

function reasonFor(name: BackendName, simd?: boolean, threads?: number): string {
  if (name !== 'wasm') return `running on ${name}.`;
  const isolated = globals.crossOriginIsolated === true;
  const threadNote =
    threads && threads > 1
      ? `${threads} threads`
      : isolated
        ? 'one thread'
        : 'one thread (threads need a cross-origin isolated page)';
  return `running on WASM with ${simd ? 'SIMD' : 'no SIMD'} and ${threadNote}.`;
}

/**
 * Moves to the next backend after `failed` (a lost GPU device, memory exhausted). Tensors
 * on the failed backend may be unreadable: rebuild the model from saved weights or the seed.
 */
export async function fallBackFrom(
  failed: BackendName,
  options: BackendOptions = {},
): Promise<BackendSelection> {
  const after = BACKEND_ORDER.slice(BACKEND_ORDER.indexOf(failed) + 1);
  const exclude = [...(options.exclude ?? []), ...BACKEND_ORDER.filter((b) => !after.includes(b))];
  return chooseBackend({ ...options, preferred: 'auto', exclude });
}
