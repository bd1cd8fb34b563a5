import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { MAX_CRASH_RESTARTS } from '../../../src/app/engine/bridge';
import { createEngineClient, type EngineClient } from '../../../src/app/engine/client';
import { presetNetwork } from '../../../src/state/settings';
import { useLabStore } from '../../../src/state/store';
import { fakeWorkers, noStorage } from './fakeEngine';

const initial = useLabStore.getState();
const store = () => useLabStore.getState();

let workers: ReturnType<typeof fakeWorkers>;
let client: EngineClient | null = null;

function startClient(): EngineClient {
  client = createEngineClient({
    store: useLabStore,
    connect: workers.connect,
    storage: noStorage,
    dataBaseUrl: () => 'http://lab.test/data/',
  });
  return client;
}

const lastSetup = (engine = 0) => workers.engines[engine]?.setups.at(-1);

beforeEach(() => {
  useLabStore.setState(initial, true);
  initial.metrics.clear();
  workers = fakeWorkers();
});

afterEach(() => {
  client?.dispose();
  client = null;
  vi.useRealTimers();
});

describe('the engine client’s start', () => {
  it('starts the engine only when a panel that needs it opens, with the person’s setup', async () => {
    startClient();
    store().openPanel('architecture');
    expect(workers.engines).toHaveLength(0);
    store().openPanel('training');
    await vi.waitFor(() => expect(store().run.phase).toBe('ready'));
    expect(workers.engines).toHaveLength(1);
    expect(workers.engines[0]!.starts).toEqual([
      { preferred: store().backend, dataBaseUrl: 'http://lab.test/data/' },
    ]);
    expect(lastSetup()?.network).toBe(store().network);
    expect(store().controls).not.toBeNull();
    expect(store().probes).not.toBeNull();
  });
});

describe('an engine wanted beside a panel', () => {
  it('starts when a lesson step with training buttons asks for it, on a panel that runs none', async () => {
    startClient();
    store().openPanel('lessons');
    expect(workers.engines).toHaveLength(0);
    store().wantEngine();
    await vi.waitFor(() => expect(store().run.phase).toBe('ready'));
    expect(workers.engines).toHaveLength(1);
    expect(store().controls).not.toBeNull();
  });
});

describe('a crashed engine', () => {
  it('is restarted, and the new one gets the person’s settings', async () => {
    startClient();
    store().openPanel('training');
    await vi.waitFor(() => expect(store().run.phase).toBe('ready'));
    store().choosePreset('mlp');
    store().setTraining({ learningRate: 0.0123, batchSize: 16 });
    store().setSeed(77);
    await vi.waitFor(() => expect(lastSetup()?.seed).toBe(77));

    workers.crash[0]!('out of memory');
    await vi.waitFor(() => expect(store().run.phase).toBe('ready'));
    expect(workers.engines).toHaveLength(2);
    expect(workers.engines[0]!.terminated).toBe(true);
    const fresh = workers.engines[1]!;
    expect(fresh.listener).not.toBeNull();
    expect(fresh.setups).toHaveLength(1);
    expect(fresh.setups[0]).toMatchObject({ learningRate: 0.0123, batchSize: 16, seed: 77 });
    expect(fresh.setups[0]!.network).toEqual(presetNetwork('mlp'));
    expect(store().notices.map((n) => n.title)).toContain(
      'The training engine stopped and was restarted.',
    );

    // A late report from the engine already replaced changes nothing.
    workers.crash[0]!('out of memory');
    expect(workers.engines).toHaveLength(2);
  });

  it('is given up on after crashing again and again', async () => {
    startClient();
    store().openPanel('training');
    for (let crash = 0; crash <= MAX_CRASH_RESTARTS; crash++) {
      await vi.waitFor(() => expect(store().run.phase).toBe('ready'));
      workers.crash.at(-1)!('the same fault');
    }
    expect(workers.engines).toHaveLength(MAX_CRASH_RESTARTS + 1);
    expect(workers.engines.every((e) => e.terminated)).toBe(true);
    expect(store().run.phase).toBe('error');
    expect(store().run.message).toContain('the same fault');
  });

  it('is not restarted in a loop when it crashes while starting', async () => {
    startClient();
    store().openPanel('training');
    workers.crash[0]!('the script could not be loaded');
    expect(store().run.phase).toBe('error');
    expect(store().run.message).toContain('the script could not be loaded');
    store().openPanel('network');
    store().setTraining({ learningRate: 0.5 });
    expect(workers.engines).toHaveLength(1);
  });
});

describe('store changes', () => {
  it('send a burst of edits as one setup, with the last values', async () => {
    vi.useFakeTimers();
    startClient();
    store().openPanel('training');
    await vi.advanceTimersByTimeAsync(0);
    expect(store().run.phase).toBe('ready');
    const engine = workers.engines[0]!;
    const before = engine.setups.length;
    for (let i = 1; i <= 10; i++) {
      store().setTraining({ learningRate: i / 1000 });
      await vi.advanceTimersByTimeAsync(10);
    }
    expect(engine.setups).toHaveLength(before);
    await vi.advanceTimersByTimeAsync(150);
    expect(engine.setups).toHaveLength(before + 1);
    expect(lastSetup()?.learningRate).toBe(0.01);

    // An equal copy of the network (as a link puts back) and status updates send nothing.
    store().replaceNetwork(structuredClone(store().network));
    store().setRun({ step: 12 });
    await vi.advanceTimersByTimeAsync(500);
    expect(engine.setups).toHaveLength(before + 1);

    store().setTraining({ l2: 0.001 });
    await vi.advanceTimersByTimeAsync(150);
    expect(engine.setups).toHaveLength(before + 2);
  });

  it('clear the curves on a structural change, and keep them on a learning-rate change', async () => {
    store().selectOwnImage({ height: 28, width: 28, channels: 1, pixels: new Uint8Array(784) });
    startClient();
    store().openPanel('training');
    await vi.waitFor(() => expect(store().run.phase).toBe('ready'));
    const inspections = () => workers.engines[0]!.inspections.length;
    const point = { step: 1, epoch: 0, loss: 2.3, accuracy: 0.1 };
    store().metrics.pushTrain(point);
    store().setRun({ step: 1 });

    const asked = inspections();
    store().setTraining({ learningRate: 0.2 });
    // The client asks for a new prediction once it has handled the setup's reply.
    await vi.waitFor(() => expect(inspections()).toBeGreaterThan(asked));
    expect(lastSetup()?.learningRate).toBe(0.2);
    expect(store().metrics.train).toEqual([point]);
    expect(store().run.step).toBe(1);

    store().setSeed(1234);
    await vi.waitFor(() => expect(store().metrics.train).toEqual([]));
    expect(lastSetup()?.seed).toBe(1234);
    expect(store().run.step).toBe(0);
  });

  it('pause a running run before a structural change', async () => {
    startClient();
    store().openPanel('training');
    await vi.waitFor(() => expect(store().run.phase).toBe('ready'));
    const engine = workers.engines[0]!;
    store().setRun({ phase: 'running' });
    store().setTraining({ learningRate: 0.3 });
    await vi.waitFor(() => expect(lastSetup()?.learningRate).toBe(0.3));
    expect(engine.pauses).toEqual([]);
    store().setSeed(99);
    await vi.waitFor(() => expect(lastSetup()?.seed).toBe(99));
    // Paused once, before the rebuilding setup was sent.
    expect(engine.pauses).toEqual([engine.setups.length - 1]);
    expect(store().run.phase).toBe('paused');
  });
});
