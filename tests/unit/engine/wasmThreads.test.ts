import { afterEach, describe, expect, it, vi } from 'vitest';
import {
  wasmSingleThreaded,
  wasmThreadsFor,
  wasmThreadsHere,
  withCoreCountForThreads,
} from '../../../src/engine/wasmThreads';

describe('the number of WASM threads', () => {
  afterEach(() => {
    vi.unstubAllGlobals();
  });

  it('is left to tfjs (null) unless a count is asked for', () => {
    expect(wasmThreadsFor({ crossOriginIsolated: true, hardwareConcurrency: 8 })).toBeNull();
  });

  it('is one per core for "cores" when the page is cross-origin isolated (tfjs alone takes half)', () => {
    const cores = (hardwareConcurrency: number | undefined) =>
      wasmThreadsFor({ crossOriginIsolated: true, hardwareConcurrency, requested: 'cores' });
    expect(cores(2)).toBe(2);
    expect(cores(8)).toBe(8);
    expect(cores(3.7)).toBe(3);
    // At least one when the browser hides or garbles its core count.
    for (const garbled of [undefined, 0, -3, Number.NaN, 0.5]) expect(cores(garbled)).toBe(1);
  });

  it('is the count asked for (whole) when isolated, and null where the page is not', () => {
    const isolated = (requested: number) =>
      wasmThreadsFor({ crossOriginIsolated: true, hardwareConcurrency: 8, requested });
    expect(isolated(3)).toBe(3);
    expect(isolated(2.5)).toBe(2);
    expect(isolated(0)).toBeNull();
    for (const crossOriginIsolated of [false, undefined])
      expect(
        wasmThreadsFor({ crossOriginIsolated, hardwareConcurrency: 8, requested: 'cores' }),
      ).toBeNull();
  });

  it('loads the module without threads whenever the pool would hold one thread', () => {
    const single = (hardwareConcurrency: number | undefined, requested?: number | 'cores') =>
      wasmSingleThreaded({ crossOriginIsolated: true, hardwareConcurrency, requested });
    // tfjs's own count, half the cores: one thread up to 3 cores, two from 4.
    expect([1, 2, 3, 4, 8].map((cores) => single(cores))).toEqual([true, true, true, false, false]);
    expect(single(undefined)).toBe(true);
    // A count asked for decides: one thread, or more.
    expect(single(8, 1)).toBe(true);
    expect(single(2, 2)).toBe(false);
    expect(single(2, 'cores')).toBe(false);
    // A page that is not isolated has no threads to ask for; tfjs's module has none either.
    expect(wasmSingleThreaded({ crossOriginIsolated: false, hardwareConcurrency: 2 })).toBe(true);
  });

  it('reads self.crossOriginIsolated and navigator.hardwareConcurrency where it runs', () => {
    vi.stubGlobal('crossOriginIsolated', true);
    vi.stubGlobal('navigator', { hardwareConcurrency: 6 });
    expect(wasmThreadsHere('cores')).toBe(6);
    expect(wasmThreadsHere()).toBeNull();
    vi.stubGlobal('crossOriginIsolated', false);
    expect(wasmThreadsHere('cores')).toBeNull();
  });

  it('reports twice the thread count while the backend starts (tfjs takes half), then the real one', async () => {
    const nav = { hardwareConcurrency: 2 };
    vi.stubGlobal('navigator', nav);
    const seen = await withCoreCountForThreads(2, async () => nav.hardwareConcurrency);
    expect(seen).toBe(4);
    expect(nav.hardwareConcurrency).toBe(2);
    // Put back even when starting fails.
    await expect(
      withCoreCountForThreads(3, () => Promise.reject(new Error('no wasm'))),
    ).rejects.toThrow('no wasm');
    expect(nav.hardwareConcurrency).toBe(2);
  });

  it('leaves the core count alone for one thread or none asked for', async () => {
    const nav = { hardwareConcurrency: 2 };
    vi.stubGlobal('navigator', nav);
    expect(await withCoreCountForThreads(null, async () => nav.hardwareConcurrency)).toBe(2);
    expect(await withCoreCountForThreads(1, async () => nav.hardwareConcurrency)).toBe(2);
  });
});
