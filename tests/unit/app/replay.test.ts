import { afterEach, beforeEach, describe, expect, it } from 'vitest';
import { vi } from 'vitest';
import { createEngineClient, type EngineClient } from '../../../src/app/engine/client';
import { useLabStore } from '../../../src/state/store';
import { checkpointOf } from '../../../src/app/engine/persistence';
import type { RunStorage } from '../../../src/app/engine/checkpoints';
import type { Checkpoint } from '../../../src/data/checkpoint';
import { fakeWorkers, noStorage, weightsFor } from './fakeEngine';

/**
 * `train=N`: a link's run is replayed from the seed when the engine starts, and the link
 * follows a run that started from the seed when it stops, but not one that cannot be
 * reproduced from the seed (trained weights loaded, a hyper-parameter changed mid-run).
 */
const initial = useLabStore.getState();
const store = () => useLabStore.getState();
let workers: ReturnType<typeof fakeWorkers>;
let client: EngineClient | null = null;

function start(storage: RunStorage = noStorage): void {
  client = createEngineClient({
    store: useLabStore,
    connect: workers.connect,
    storage,
    dataBaseUrl: () => 'http://lab.test/data/',
  });
  store().openPanel('training');
}

/** The fake engine's run stops at `step` (as the worker says after a step or a pause). */
function stopAt(step: number): void {
  store().setRun({ step });
  workers.engines[0]?.listener?.({
    kind: 'stopped',
    reason: 'paused',
    message: `Paused at step ${step}.`,
  });
}

/** Storage holding a run of the current network and settings at `step` (settings changed by `edit`). */
function keeping(step: number, edit: Record<string, unknown> = {}): RunStorage {
  const kept = checkpointOf(store(), weightsFor(store().network), { step, epoch: 0, offset: 0 });
  const checkpoint: Checkpoint = { ...kept, settings: { ...kept.settings, ...edit } };
  return { ...noStorage, load: async () => checkpoint };
}

beforeEach(() => {
  useLabStore.setState(initial, true);
  initial.metrics.clear();
  workers = fakeWorkers();
});
afterEach(() => {
  client?.dispose();
  client = null;
});

describe('a link with train=N', () => {
  it('replays its run from the seed to step N once the engine starts, and says so', async () => {
    store().setTraining({ trainSteps: 40 });
    start();
    await vi.waitFor(() => expect(workers.engines[0]?.trainTos).toEqual([40]));
    await vi.waitFor(() => expect(store().run.message).toContain('Replayed the link’s run'));
    expect(store().run.step).toBe(40);
    expect(store().run.replay ?? null).toBeNull();
    expect(store().trainSteps).toBe(40);
    // The replay trains on the link's own settings: the setup went out before it.
    expect(workers.engines[0]?.setups.at(-1)?.seed).toBe(store().seed);
  });

  it('opens the run this browser kept at the link’s step at once, without retraining', async () => {
    store().setTraining({ trainSteps: 40 });
    start(keeping(40));
    await vi.waitFor(() => expect(store().run.message).toContain('Loaded your last run'));
    expect(workers.engines[0]?.trainTos).toEqual([]);
    expect(store().run.step).toBe(40);
    // Still the link's run: it keeps following the run's step.
    stopAt(41);
    expect(store().trainSteps).toBe(41);
  });

  it('replays when the kept run is at another step or of other settings', async () => {
    store().setTraining({ trainSteps: 40 });
    start(keeping(30));
    await vi.waitFor(() => expect(workers.engines[0]?.trainTos).toEqual([40]));
    client?.dispose();
    workers = fakeWorkers();
    const otherSeed = keeping(40, { seed: store().seed + 1 });
    start(otherSeed);
    await vi.waitFor(() => expect(workers.engines[0]?.trainTos).toEqual([40]));
  });

  it('says when what this browser kept is not a run it can open, and starts from the seed', async () => {
    start({
      ...noStorage,
      load: async () => ({ format: 'cnn-lab-checkpoint', weights: 7 }) as never,
    });
    await vi.waitFor(() =>
      expect(store().notices.map((n) => n.title)).toContain(
        'The run kept in this browser could not be opened.',
      ),
    );
    expect(store().run.step).toBe(0);
  });

  it('replays nothing when the link asks for no steps', async () => {
    start();
    await vi.waitFor(() => expect(store().run.phase).toBe('ready'));
    expect(workers.engines[0]?.trainTos).toEqual([]);
  });
});

describe('the link follows the run', () => {
  it('a run from the seed that stops writes its step into the link', async () => {
    start();
    await vi.waitFor(() => expect(store().run.phase).toBe('ready'));
    stopAt(17);
    expect(store().trainSteps).toBe(17);
  });

  it('a learning rate changed mid-run makes the run one the link cannot replay', async () => {
    start();
    await vi.waitFor(() => expect(store().run.phase).toBe('ready'));
    stopAt(10);
    store().setTraining({ learningRate: 0.01 });
    stopAt(20);
    expect(store().trainSteps).toBe(0);
  });

  it('a learning rate changed before the first step is the run’s own', async () => {
    start();
    await vi.waitFor(() => expect(store().run.phase).toBe('ready'));
    store().setTraining({ learningRate: 0.01 });
    stopAt(12);
    expect(store().trainSteps).toBe(12);
  });

  it('trained weights loaded into the run cannot be replayed from the seed', async () => {
    start();
    await vi.waitFor(() => expect(store().run.phase).toBe('ready'));
    store().setRun({ pretrained: true });
    stopAt(3375);
    expect(store().trainSteps).toBe(0);
  });
});
