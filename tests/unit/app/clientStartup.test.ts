import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { ConnectEngine } from '../../../src/app/engine/bridge';
import { createEngineClient, type EngineClient } from '../../../src/app/engine/client';
import { useLabStore } from '../../../src/state/store';
import type { BackendReport } from '../../../src/worker/api';
import { createFakeEngine, deferred, noStorage, type FakeEngine } from './fakeEngine';

/**
 * The start-up path: the run's setup goes to the worker while its backend is still
 * starting (the worker reads the dataset meanwhile), and a failed start is reported as
 * such, not as the setup that failed with it.
 */

const initial = useLabStore.getState();
const store = () => useLabStore.getState();
let client: EngineClient | null = null;

/** One fake engine whose start the test settles by hand. */
function slowStartingEngine() {
  const engine: FakeEngine = createFakeEngine();
  engine.autoInspect = true;
  const started = deferred<BackendReport>();
  engine.start = async (options) => {
    engine.starts.push(options);
    return started.promise;
  };
  const connect: ConnectEngine = () => ({ api: engine, terminate: () => undefined });
  client = createEngineClient({
    store: useLabStore,
    connect,
    storage: noStorage,
    dataBaseUrl: () => 'http://lab.test/data/',
  });
  return { engine, started };
}

beforeEach(() => {
  useLabStore.setState(initial, true);
  initial.metrics.clear();
});

afterEach(() => {
  client?.dispose();
  client = null;
});

describe('starting the engine', () => {
  it('sends the setup before the backend is up, and is ready only once it is', async () => {
    const { engine, started } = slowStartingEngine();
    store().openPanel('training');
    await vi.waitFor(() => expect(engine.setups).toHaveLength(1));
    expect(engine.setups[0]?.network).toBe(store().network);
    expect(store().run.backend).toBeNull();
    expect(store().controls).toBeNull();

    started.resolve({ backend: 'wasm', note: 'running on WASM.', gpuAdapter: null });
    await vi.waitFor(() => expect(store().controls).not.toBeNull());
    expect(store().run.phase).toBe('ready');
    expect(store().run.backend).toBe('wasm');
    expect(engine.setups).toHaveLength(1);
  });

  it('says the engine could not start when the backend failed, not that the network cannot train', async () => {
    const { engine, started } = slowStartingEngine();
    const failure = new Error('No TensorFlow.js backend works here.');
    const setupReply = deferred<never>();
    // As the real worker does: a setup waiting on a backend that failed fails with it.
    engine.setup = () => setupReply.promise;
    store().openPanel('training');
    await vi.waitFor(() => expect(engine.starts).toHaveLength(1));
    started.reject(failure);
    await Promise.resolve();
    setupReply.reject(failure);
    await vi.waitFor(() =>
      expect(store().run.message).toBe(
        'The training engine could not start: No TensorFlow.js backend works here.',
      ),
    );
    expect(store().run.phase).toBe('error');
    expect(store().controls).toBeNull();
  });
});
