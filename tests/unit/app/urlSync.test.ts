import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { startUrlSync, type UrlSyncDeps } from '../../../src/app/urlSync';
import { settingsOf, useLabStore } from '../../../src/state/store';
import { decodeSettings, encodeSettings } from '../../../src/state/url';

const initial = useLabStore.getState();
const store = () => useLabStore.getState();

/** A window with a fragment, a history that records rewrites and the test's fake timers. */
function fakeWindow(hash: string) {
  const rewrites: string[] = [];
  const listeners: Record<string, (() => void)[]> = {};
  const win = {
    location: { hash },
    history: {
      replaceState: (_data: unknown, _unused: string, url: string) => {
        rewrites.push(url);
        win.location.hash = url;
      },
    },
    addEventListener: (type: string, listener: () => void) => {
      (listeners[type] ??= []).push(listener);
    },
    setTimeout: (fn: () => void, ms: number) => setTimeout(fn, ms),
    clearTimeout: (id: ReturnType<typeof setTimeout> | undefined) => clearTimeout(id),
  };
  return { win: win as unknown as UrlSyncDeps['window'], rewrites, listeners };
}

let stop: (() => void) | null = null;

beforeEach(() => {
  useLabStore.setState(initial, true);
  vi.useFakeTimers();
});

afterEach(() => {
  stop?.();
  stop = null;
  vi.useRealTimers();
});

describe('URL sync', () => {
  it('does not encode the settings for run status updates', async () => {
    const { win, rewrites } = fakeWindow('');
    const encode = vi.fn(encodeSettings);
    stop = startUrlSync({ window: win, encode });
    encode.mockClear();
    for (let step = 1; step <= 20; step++) store().setRun({ step, samplesPerSecond: 100 + step });
    store().setInspection(null);
    store().metrics.clear();
    await vi.advanceTimersByTimeAsync(1000);
    expect(encode).not.toHaveBeenCalled();
    expect(rewrites).toEqual([]);
  });

  it('rewrites the link once for a setting change, with what the codec reads back', async () => {
    const { win, rewrites } = fakeWindow('');
    const encode = vi.fn(encodeSettings);
    stop = startUrlSync({ window: win, encode });
    encode.mockClear();
    store().setTraining({ learningRate: 0.0042 });
    expect(encode).toHaveBeenCalledTimes(1);
    store().setTraining({ batchSize: 8 });
    await vi.advanceTimersByTimeAsync(1000);
    expect(rewrites).toHaveLength(1);
    const written = rewrites[0]!;
    expect(written).toBe(`#${encodeSettings(settingsOf(store()))}`);
    const read = decodeSettings(written).settings;
    expect(read.learningRate).toBe(0.0042);
    expect(read.batchSize).toBe(8);
  });

  it('leaves the link alone when a setting is replaced by an equal copy', async () => {
    const { win, rewrites } = fakeWindow('');
    stop = startUrlSync({ window: win });
    store().replaceNetwork(structuredClone(store().network));
    await vi.advanceTimersByTimeAsync(1000);
    expect(rewrites).toEqual([]);
  });

  it('reads the link at start and when the person edits it', async () => {
    store().setTraining({ learningRate: 0.07 });
    const link = encodeSettings(settingsOf(store()));
    useLabStore.setState(initial, true);
    const { win, listeners, rewrites } = fakeWindow(`#${link}`);
    stop = startUrlSync({ window: win });
    expect(store().learningRate).toBe(0.07);

    store().setTraining({ learningRate: 0.09 });
    const edited = encodeSettings(settingsOf(store()));
    store().setTraining({ learningRate: 0.07 });
    await vi.advanceTimersByTimeAsync(1000);
    win.location.hash = `#${edited}`;
    for (const listener of listeners.hashchange ?? []) listener();
    expect(store().learningRate).toBe(0.09);
    // Applying the edited link writes nothing back: it already says what the store holds.
    await vi.advanceTimersByTimeAsync(1000);
    expect(rewrites.every((r) => r !== `#${edited}`)).toBe(true);
  });
});
