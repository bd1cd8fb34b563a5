import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEngineClient, type EngineClient } from '../../../src/app/engine/client';
import {
  createRunLibrary,
  isQuotaExceeded,
  memoryKeyValues,
  type RunLibrary,
} from '../../../src/app/engine/runLibrary';
import { useLabStore } from '../../../src/state/store';
import { fakeWorkers, noStorage, weightsFor } from './fakeEngine';

/**
 * The library of kept runs: kept with their settings, curves and weights; a full storage
 * told and nothing lost; Reset keeps the run first; rename, delete and Undo; the same start.
 */

const initial = useLabStore.getState();
const store = () => useLabStore.getState();
let workers: ReturnType<typeof fakeWorkers>;
let client: EngineClient | null = null;

function startClient(library: RunLibrary) {
  client = createEngineClient({
    store: useLabStore,
    connect: workers.connect,
    storage: noStorage,
    runLibrary: library,
    dataBaseUrl: () => 'http://lab.test/data/',
  });
  store().openPanel('training');
}

/** Makes the fake engine's run stand at `step`, with curves up to it. */
function trainedTo(step: number, loss = (s: number) => 1 / s) {
  const engine = workers.engines.at(-1)!;
  const weights = weightsFor(store().network);
  engine.snapshot = async () => ({
    weights,
    state: { step, epoch: 0, offset: step * 32 },
    optimizer: { name: 'adam', iterations: step, slots: weights.map((w) => [w, w]) },
  });
  store().metrics.clear();
  for (let s = 1; s <= step; s++)
    store().metrics.pushTrain({ step: s, epoch: 0, loss: loss(s), accuracy: 0.5 });
  store().setRun({ step, phase: 'paused' });
}

const ready = () => vi.waitFor(() => expect(store().run.phase).toBe('ready'));

beforeEach(() => {
  useLabStore.setState(initial, true);
  initial.metrics.clear();
  workers = fakeWorkers();
});
afterEach(() => {
  client?.dispose();
  client = null;
});

describe('keeping runs', () => {
  it('keeps a run with its name, settings, curves and weights, and reads it back as a checkpoint', async () => {
    const library = createRunLibrary(memoryKeyValues());
    useLabStore.setState({ seed: 3 });
    startClient(library);
    await ready();
    trainedTo(5);
    store().runsPorts!.keep();
    await vi.waitFor(() => expect(store().keptRuns).toHaveLength(1));
    const [kept] = store().keptRuns;
    expect(kept!.name).toBe('LeNet-5 · mnist · adam 0.001 · seed 3');
    expect(kept!.run.history.train).toHaveLength(5);
    expect((await library.list()).map((r) => r.id)).toEqual([kept!.id]);
    const checkpoint = await library.checkpoint(kept!.id);
    expect(checkpoint.step).toBe(5);
    expect(checkpoint.weights.length).toBe(weightsFor(store().network).length);
    expect(checkpoint.settings.seed).toBe(3);

    // The same run kept again after more steps updates its entry; at the same step, nothing.
    trainedTo(8);
    store().runsPorts!.keep();
    await vi.waitFor(() => expect(store().keptRuns[0]!.run.step).toBe(8));
    expect(store().keptRuns).toHaveLength(1);
    store().runsPorts!.keep();
    await vi.waitFor(() =>
      expect(store().run.message).toBe('This run is already kept at this step.'),
    );
  });

  it('tells when the storage is full, loses nothing kept, and the run carries on', async () => {
    const kv = memoryKeyValues(1_500_000);
    const library = createRunLibrary(kv);
    startClient(library);
    await ready();
    trainedTo(3);
    store().runsPorts!.keep();
    await vi.waitFor(() => expect(store().keptRuns).toHaveLength(1));
    const before = kv.bytes();
    // Another run (other curves): a new entry, which does not fit.
    trainedTo(4, (s) => 2 / s);
    store().setCurrentKeptAs(null);
    store().runsPorts!.keep();
    await vi.waitFor(() =>
      expect(store().notices.at(-1)?.title).toMatch(/storage for the lab is full/),
    );
    expect(store().notices.at(-1)!.details[0]).toMatch(/Delete runs you no longer need/);
    expect(kv.bytes()).toBe(before);
    expect(await library.list()).toHaveLength(1);
    expect(store().keptRuns).toHaveLength(1);
    expect(store().run.step).toBe(4);

    // Reset would lose the run it cannot keep: it does nothing, and says so.
    let resets = 0;
    workers.engines.at(-1)!.reset = async () => void resets++;
    store().controls!.reset();
    await vi.waitFor(() =>
      expect(store().notices.at(-1)!.details).toContain(
        'Nothing was reset, so the run is still here.',
      ),
    );
    expect(resets).toBe(0);
    expect(store().run.step).toBe(4);
  });

  it('recognises the browsers’ full-storage errors', () => {
    expect(isQuotaExceeded(new DOMException('full', 'QuotaExceededError'))).toBe(true);
    expect(isQuotaExceeded({ name: 'NS_ERROR_DOM_QUOTA_REACHED' })).toBe(true);
    expect(isQuotaExceeded(new Error('other'))).toBe(false);
  });

  it('keeps the run before Reset wipes it', async () => {
    const library = createRunLibrary(memoryKeyValues());
    startClient(library);
    await ready();
    trainedTo(6);
    store().controls!.reset();
    await vi.waitFor(() => expect(store().run.step).toBe(0));
    expect(await library.list()).toHaveLength(1);
    expect(store().run.message).toMatch(
      /^Fresh weights from the seed\. The run before was kept as “LeNet-5/,
    );
  });
});

describe('a kept run', () => {
  async function oneKept() {
    const library = createRunLibrary(memoryKeyValues());
    startClient(library);
    await ready();
    trainedTo(5);
    store().runsPorts!.keep();
    await vi.waitFor(() => expect(store().keptRuns).toHaveLength(1));
    return { library, id: store().keptRuns[0]!.id };
  }

  it('is renamed, deleted, and put back by Undo with its weights', async () => {
    const { library, id } = await oneKept();
    store().runsPorts!.rename(id, '  baseline  ');
    await vi.waitFor(() => expect(store().keptRuns[0]!.name).toBe('baseline'));
    expect((await library.list())[0]!.name).toBe('baseline');
    store().compareRun(id, true);
    store().runsPorts!.remove(id);
    await vi.waitFor(() => expect(store().keptRuns).toHaveLength(0));
    expect(store().comparedRunIds).toEqual([]);
    const notice = store().notices.at(-1)!;
    expect(notice.title).toBe('Deleted “baseline”.');
    notice.action!.perform();
    await vi.waitFor(() => expect(store().keptRuns).toHaveLength(1));
    expect((await library.checkpoint(id)).step).toBe(5);
  });

  it('gives a new run its seed and initialisation, fresh from the seed', async () => {
    useLabStore.setState({ seed: 3, init: 'glorot' });
    const { id } = await oneKept();
    useLabStore.setState({ seed: 11, init: 'he', learningRate: 0.01 });
    let resets = 0;
    workers.engines.at(-1)!.reset = async () => void resets++;
    store().runsPorts!.startFromSameWeights(id);
    await vi.waitFor(() =>
      expect(store().run.message).toMatch(/^Fresh weights from seed 3 \(glorot/),
    );
    expect(resets).toBe(1);
    expect(store().seed).toBe(3);
    expect(store().init).toBe('glorot');
    // The change under test stays.
    expect(store().learningRate).toBe(0.01);
    expect(workers.engines.at(-1)!.setups.at(-1)).toMatchObject({
      seed: 3,
      init: 'glorot',
      learningRate: 0.01,
    });
    expect(store().run.step).toBe(0);
  });

  it('opens with its settings and weights', async () => {
    useLabStore.setState({ learningRate: 0.003 });
    const { id } = await oneKept();
    const restored: number[] = [];
    workers.engines.at(-1)!.restore = async (_w, s) => void restored.push(s.step);
    useLabStore.setState({ learningRate: 0.1 });
    store().runsPorts!.open(id);
    await vi.waitFor(() => expect(store().run.message).toMatch(/^Opened “LeNet-5/));
    expect(store().learningRate).toBe(0.003);
    expect(restored).toEqual([5]);
    expect(store().currentKeptAs).toEqual({ id, step: 5 });
  });
});
