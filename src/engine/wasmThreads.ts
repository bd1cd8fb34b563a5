/**
 * How many threads the WASM backend gets. tfjs-backend-wasm, left to itself, sizes its
 * pool at half of `navigator.hardwareConcurrency` (one thread on a two-core machine, so
 * XNNPACK never splits a matrix product). Asked for by name (BackendOptions.wasmThreads:
 * a count, or 'cores' for one per core), the lab sets the count explicitly, where the page
 * is cross-origin isolated (threads need SharedArrayBuffer). It is not the default: on this
 * project's shared 2-core machine two threads trained LeNet-5 and the MLP 2 to 5 times
 * slower than one (README, "Measured"), as the pool's threads wait on a busy core.
 */

/** How many threads were asked for: a count, or one per core. */
export type WasmThreadRequest = number | 'cores';

/** What the rule reads: the page's isolation, its core count, and a count asked for by name. */
export interface WasmThreadContext {
  readonly crossOriginIsolated: boolean | undefined;
  readonly hardwareConcurrency: number | undefined;
  /** BackendOptions.wasmThreads; nothing asked for leaves tfjs's own count. */
  readonly requested?: WasmThreadRequest | undefined;
}

const positive = (n: number | undefined): n is number =>
  typeof n === 'number' && Number.isFinite(n) && n >= 1;

/**
 * Threads to pass to `setThreadsCount`, or null to leave tfjs's own count: null unless asked
 * for and cross-origin isolated; then the count asked for (whole, ≥ 1), or for 'cores'
 * hardwareConcurrency (whole, ≥ 1).
 */
export function wasmThreadsFor(context: WasmThreadContext): number | null {
  const { requested } = context;
  if (requested === undefined || context.crossOriginIsolated !== true) return null;
  if (requested === 'cores') {
    return positive(context.hardwareConcurrency) ? Math.floor(context.hardwareConcurrency) : 1;
  }
  return positive(requested) ? Math.floor(requested) : null;
}

/**
 * Whether tfjs should load its module without threads even where threads could run:
 * whenever its pool would hold one thread anyway (no count asked for and at most 3 cores,
 * since tfjs takes half; or a count of 1). The threaded module starts its pool's eight
 * workers while it loads, threads it then never uses, and keeps its tensors in a
 * SharedArrayBuffer. Without it the page has one worker instead of ten, and the first
 * picture came sooner (`npm run bench -- --first-picture-only --first-picture 6`, medians:
 * LeNet-5 972 against 1,021 ms, Mini VGG 32 2,539 against 2,622 ms); training speed was
 * the same within the runs' spread.
 */
export function wasmSingleThreaded(context: WasmThreadContext): boolean {
  const threads = wasmThreadsFor(context);
  if (threads !== null) return threads < 2;
  const cores = positive(context.hardwareConcurrency) ? context.hardwareConcurrency : 1;
  return Math.floor(cores / 2) < 2;
}

/** The rule applied to this page or worker (`self.crossOriginIsolated`, `navigator`). */
export function wasmThreadsHere(requested?: WasmThreadRequest): number | null {
  return wasmThreadsFor(contextHere(requested));
}

/** wasmSingleThreaded for this page or worker. */
export const wasmSingleThreadedHere = (requested?: WasmThreadRequest): boolean =>
  wasmSingleThreaded(contextHere(requested));

function contextHere(requested?: WasmThreadRequest): WasmThreadContext {
  const here = globalThis as unknown as {
    crossOriginIsolated?: boolean;
    navigator?: { hardwareConcurrency?: number };
  };
  return {
    crossOriginIsolated: here.crossOriginIsolated,
    hardwareConcurrency: here.navigator?.hardwareConcurrency,
    requested,
  };
}

/**
 * Runs `start` (the WASM backend's initialisation) while `navigator.hardwareConcurrency`
 * reads as `threads × 2`, then puts the real value back. tfjs-backend-wasm 4.22's C++ caps
 * the pool at half of what that reports ("2 threads per core" on x86), whatever
 * setThreadsCount asked for, so on 2 cores no count gives more than one thread. The value
 * is read once, when the module starts; nothing else runs in the worker meanwhile.
 */
export async function withCoreCountForThreads<T>(
  threads: number | null,
  start: () => Promise<T>,
): Promise<T> {
  const nav = (globalThis as unknown as { navigator?: object }).navigator;
  if (threads === null || threads < 2 || !nav) return start();
  const own = Object.getOwnPropertyDescriptor(nav, 'hardwareConcurrency');
  try {
    Object.defineProperty(nav, 'hardwareConcurrency', {
      configurable: true,
      get: () => threads * 2,
    });
  } catch {
    return start(); // A navigator that cannot be shadowed: tfjs's own count then.
  }
  try {
    return await start();
  } finally {
    if (own) Object.defineProperty(nav, 'hardwareConcurrency', own);
    else delete (nav as { hardwareConcurrency?: number }).hardwareConcurrency;
  }
}
