import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import { createEngineBridge, EngineStoppedError } from '../../../src/app/engine/bridge';
import type { ConnectEngine } from '../../../src/app/engine/bridge';
import type { RunStorage } from '../../../src/app/engine/checkpoints';
import { createEngineClient, type EngineClient } from '../../../src/app/engine/client';
import { ENGINE_ANSWER_LIMIT_MS } from '../../../src/app/engine/lifecycle';
import { checkpointOf } from '../../../src/app/engine/persistence';
import { catalogueEntryOf } from '../../../src/core/catalogue';
import type { Checkpoint } from '../../../src/data/checkpoint';
import type { Manifest } from '../../../src/data/manifest';
import { isActionEnabled, labActions } from '../../../src/state/actions/registry';
import { useLabStore, type LabStore } from '../../../src/state/store';
import type { EngineApi } from '../../../src/worker/api';
import { createFakeEngine, deferred, fakeWorkers, noStorage, weightsFor } from './fakeEngine';

/**
 * Nothing lost, nothing misreported: the run kept across backend changes, checkpoints
 * loaded all or nothing, one queue for everything that touches the model, calls on a
 * stopped engine settled, a silent worker given up on, a network that does not fit its
 * data named before training.
 */

const initial = useLabStore.getState();
const store = () => useLabStore.getState();
let workers: ReturnType<typeof fakeWorkers>;
let client: EngineClient | null = null;

const network = (id: string) => catalogueEntryOf(id)!.network;

function startClient(storage: RunStorage = noStorage, connect: ConnectEngine = workers.connect) {
  client = createEngineClient({
    store: useLabStore,
    connect,
    storage,
    dataBaseUrl: () => 'http://lab.test/data/',
  });
  store().openPanel('training');
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
  vi.useRealTimers();
});

describe('a backend change', () => {
  it('keeps the learning curves, the step and the weights', async () => {
    const restored: unknown[] = [];
    startClient(noStorage, (onCrash) => {
      const connection = workers.connect(onCrash);
      workers.engines.at(-1)!.restore = async (w, s, o) => void restored.push([w, s, o]);
      return connection;
    });
    await ready();
    const old = workers.engines[0]!;
    const weights = weightsFor(store().network);
    const optimizer = { name: 'momentum', iterations: 12, slots: [weights] };
    old.snapshot = async () => ({ weights, state: { step: 12, epoch: 1, offset: 24 }, optimizer });
    for (let step = 1; step <= 14; step++)
      store().metrics.pushTrain({ step, epoch: 1, loss: 1 / step, accuracy: 0.5 });
    store().metrics.pushValidation({ step: 10, epoch: 1, loss: 0.3, accuracy: 0.9 });
    store().setRun({ step: 12, epoch: 1 });
    useLabStore.setState({ backend: 'wasm' } as Partial<LabStore>);
    await vi.waitFor(() => expect(workers.engines).toHaveLength(2));
    await vi.waitFor(() => expect(store().run.phase).toBe('paused'));
    expect(restored).toEqual([[weights, { step: 12, epoch: 1, offset: 24 }, optimizer]]);
    expect(store().run.step).toBe(12);
    // The curves up to the snapshot's step; the two points after it were never in the weights.
    expect(store().metrics.train.map((p) => p.step)).toEqual(
      [...Array(12).keys()].map((i) => i + 1),
    );
    expect(store().metrics.validation).toHaveLength(1);
  });

  it('made twice in quick succession never leaves two engines running', async () => {
    const alive = () => workers.engines.filter((e) => !e.terminated).length;
    const most: number[] = [];
    const connect: ConnectEngine = (onCrash) => {
      const connection = workers.connect(onCrash);
      most.push(alive());
      return connection;
    };
    startClient(noStorage, connect);
    await ready();
    useLabStore.setState({ backend: 'wasm' } as Partial<LabStore>);
    useLabStore.setState({ backend: 'webgl' } as Partial<LabStore>);
    useLabStore.setState({ backend: 'cpu' } as Partial<LabStore>);
    await vi.waitFor(() => expect(workers.engines.at(-1)?.starts[0]?.preferred).toBe('cpu'));
    await ready();
    expect(Math.max(...most)).toBe(1);
    // The new engine read the newest choice as it started: one restart was enough.
    expect(workers.engines).toHaveLength(2);
  });
});

describe('calls pending on an engine that stops', () => {
  it('reject with a clear error, and the queue goes on to the next engine', async () => {
    const never = createFakeEngine();
    let asked = false;
    never.snapshot = () => {
      asked = true;
      return new Promise(() => undefined);
    };
    const engines = [never, createFakeEngine()];
    never.predict = async () => Float32Array.of(1);
    engines[1]!.predict = async () => Float32Array.of(2);
    let made = 0;
    const bridge = createEngineBridge({
      connect: () => ({ api: engines[made++]!, terminate: () => undefined }),
      initialise: async () => undefined,
      onCrash: () => undefined,
    });
    await bridge.start();
    const pending = bridge.serial(async (api) => api?.snapshot());
    const later = bridge.serial(async (api: EngineApi | null) => {
      const reply = await api?.predict({ source: 'test', index: 0 });
      return reply?.[0] === 2 ? 'new' : 'old';
    });
    await vi.waitFor(() => expect(asked).toBe(true));
    await bridge.restart();
    await expect(pending).rejects.toBeInstanceOf(EngineStoppedError);
    await expect(pending).rejects.toThrow('The training engine was restarted');
    await expect(later).resolves.toBe('new');
  });
});

describe('the engine’s start-up', () => {
  it('gives up on a worker that never answers, and says why', async () => {
    vi.useFakeTimers();
    const silent = createFakeEngine();
    silent.listen = () => new Promise(() => undefined) as unknown as void;
    startClient(noStorage, () => ({ api: silent, terminate: () => undefined }));
    await vi.advanceTimersByTimeAsync(ENGINE_ANSWER_LIMIT_MS - 1);
    expect(store().run.phase).toBe('starting');
    await vi.advanceTimersByTimeAsync(1);
    expect(store().run.phase).toBe('error');
    expect(store().run.message).toMatch(
      /^The training engine could not start: its worker did not answer within 20 seconds/,
    );
  });
});

describe('one queue for everything that touches the model', () => {
  it('a save asked for during a step waits until the step is done', async () => {
    startClient();
    await ready();
    const engine = workers.engines[0]!;
    const step = deferred<void>();
    const order: string[] = [];
    engine.step = async () => {
      order.push('step starts');
      await step.promise;
      order.push('step ends');
    };
    engine.snapshot = async () => {
      order.push('snapshot');
      return {
        weights: [],
        state: { step: 1, epoch: 0, offset: 0 },
        optimizer: { name: 'sgd', iterations: 1, slots: [] },
      };
    };
    store().controls!.step();
    await vi.waitFor(() => expect(order).toEqual(['step starts']));
    // The stop of an earlier run asks for a save while this step is still under way.
    engine.listener?.({ kind: 'stopped', reason: 'paused', message: 'Paused at step 1.' });
    await new Promise((resolve) => setTimeout(resolve, 20));
    expect(order).toEqual(['step starts']);
    step.resolve();
    await vi.waitFor(() => expect(order).toEqual(['step starts', 'step ends', 'snapshot']));
  });
});

/** A manifest with the lab's three datasets' shapes (the rest of each entry is never read). */
const manifest = {
  format: 'cnn-lab-datasets',
  version: 1,
  datasets: [
    { id: 'mnist', title: 'MNIST', imageShape: [28, 28, 1], classNames: [...'0123456789'] },
    { id: 'cifar10', title: 'CIFAR-10', imageShape: [32, 32, 3], classNames: [...'0123456789'] },
  ],
} as unknown as Manifest;

describe('a checkpoint that does not fit', () => {
  it('changes nothing: the dataset, the normalisation, the weights and the step stay', async () => {
    store().choosePreset('lenet5');
    store().setManifestStatus({ state: 'ready', manifest });
    startClient();
    await ready();
    const engine = workers.engines[0]!;
    let restores = 0;
    engine.restore = async () => void restores++;
    store().setRun({ step: 46, phase: 'paused' });
    const setupsBefore = engine.setups.length;
    const vgg: Checkpoint = checkpointOf(
      {
        ...store(),
        network: network('vgg-mini-32'),
        dataset: 'cifar10',
        normalisation: 'standardise',
      } as LabStore,
      weightsFor(network('vgg-mini-32')),
      { step: 3000, epoch: 4, offset: 0 },
    );
    const before = { dataset: store().dataset, normalisation: store().normalisation };
    store().controls!.loadCheckpoint(new File([JSON.stringify(vgg)], 'vgg.json'));
    await vi.waitFor(() => expect(store().run.message).toContain('nothing was changed'));
    expect(store().run.message).toContain('It was trained on Mini VGG 32×32×3');
    expect({ dataset: store().dataset, normalisation: store().normalisation }).toEqual(before);
    expect(store().run.step).toBe(46);
    expect(restores).toBe(0);
    expect(engine.setups).toHaveLength(setupsBefore);
  });
});

describe('a checkpoint with its optimiser state', () => {
  /** A LeNet-5 file whose run used `optimizer`, with one velocity (zeros) per weight. */
  function lenetFile(optimizer: 'adam' | 'momentum'): File {
    const weights = weightsFor(store().network);
    const file = checkpointOf(
      { ...store(), optimizer } as LabStore,
      weights,
      { step: 30, epoch: 1, offset: 64 },
      { optimizer: { name: optimizer, iterations: 30, slots: weights.map((w) => [w, w]) } },
    );
    if (optimizer === 'momentum')
      file.optimizer!.slots.forEach((own) => (own as unknown[]).splice(1));
    return new File([JSON.stringify(file)], `${optimizer}.json`);
  }

  async function loaded(optimizer: 'adam' | 'momentum'): Promise<unknown[]> {
    store().choosePreset('lenet5');
    store().setManifestStatus({ state: 'ready', manifest });
    startClient();
    await ready();
    const restored: unknown[] = [];
    workers.engines[0]!.restore = async (_w, s, o) => void restored.push(s, o);
    expect(store().optimizer).toBe('adam');
    store().controls!.loadCheckpoint(lenetFile(optimizer));
    await vi.waitFor(() => expect(store().run.message).toMatch(/^Loaded/));
    return restored;
  }

  it('of the run’s optimiser goes to the engine with the place in the epoch', async () => {
    const [state, optimizer] = await loaded('adam');
    expect(state).toEqual({ step: 30, epoch: 1, offset: 64 });
    expect(optimizer).toMatchObject({ name: 'adam', iterations: 30 });
    expect((optimizer as { slots: unknown[][] }).slots.map((own) => own.length)).toEqual(
      weightsFor(store().network).map(() => 2),
    );
    expect(store().run.message).not.toContain('afresh');
  });

  it('of another optimiser is set aside: the weights load and the message says so', async () => {
    const [state, optimizer] = await loaded('momentum');
    expect(state).toEqual({ step: 30, epoch: 1, offset: 64 });
    expect(optimizer).toBeUndefined();
    expect(store().run.message).toContain(
      'Its momentum optimiser state does not apply to adam, so the optimiser starts afresh.',
    );
    expect(store().run.step).toBe(30);
  });
});

describe('a network that does not fit the dataset', () => {
  it('disables Train, Step and Epoch with the reason, before any step is tried', async () => {
    store().choosePreset('lenet5');
    store().chooseDataset('cifar10');
    store().setManifestStatus({ state: 'ready', manifest });
    startClient();
    await vi.waitFor(() => expect(store().controls).not.toBeNull());
    const reason =
      "LeNet-5 expects 28x28x1 images; CIFAR-10's are 32x32x3: pick a 32x32x3 network or change the input.";
    for (const id of ['training.toggle', 'training.step', 'training.epoch']) {
      expect(isActionEnabled(id), id).toBe(false);
      expect(
        labActions()
          .find((a) => a.id === id)
          ?.whyDisabled?.(store()),
        id,
      ).toBe(reason);
    }
    // A control pressed anyway (a lesson's script) does not start the run either.
    store().controls!.play();
    expect(store().run.phase).not.toBe('running');
    store().chooseDataset('mnist');
    expect(isActionEnabled('training.step')).toBe(true);
  });
});
