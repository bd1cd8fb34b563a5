import { describe, expect, it } from 'vitest';
import { catalogueEntryOf } from '../../../src/core/catalogue';
import type { ShiftRequest, ShiftStatus } from '../../../src/core/shiftInvariance';
import { NO_AUGMENTATION } from '../../../src/data/augment';
import type { LoadedDataset } from '../../../src/data/loader';
import { createSession } from '../../../src/engine';
import type { EngineApi, RunSetup } from '../../../src/worker/api';
import { createEngine } from '../../../src/worker/engine';
import { syntheticDigits } from '../engine/fixtures';

const dataset = (): LoadedDataset => ({
  info: {
    id: 'mnist',
    title: 'MNIST',
    classNames: [...'0123456789'],
  } as unknown as LoadedDataset['info'],
  train: syntheticDigits(200, 'shift train'),
  test: syntheticDigits(120, 'shift test'),
  fromCache: false,
});

const setup: RunSetup = {
  network: catalogueEntryOf('mlp')?.network ?? { input: [1], layers: [] },
  seed: 1,
  init: 'he',
  dataset: 'mnist',
  normalisation: 'scale',
  validationSplit: 0.1,
  optimizer: 'adam',
  learningRate: 0.001,
  l1: 0,
  l2: 0,
  batchSize: 32,
  augmentation: NO_AUGMENTATION,
  epochs: 1,
  patience: 0,
  delayMs: 0,
};

const request: ShiftRequest = {
  seed: 2,
  steps: 10,
  testCount: 100,
  direction: 'right',
  maxShift: 3,
};

/** An engine on the CPU backend, counting the sessions the experiment builds. */
async function startedEngine(): Promise<{ engine: EngineApi; built: string[] }> {
  const built: string[] = [];
  const engine = createEngine({
    loadDataset: async () => dataset(),
    now: () => performance.now(),
    createSession: (options) => {
      built.push((options.network as { name?: string }).name ?? '?');
      return createSession(options);
    },
  });
  engine.listen(() => undefined);
  await engine.start({ preferred: 'cpu', dataBaseUrl: 'http://localhost/data/' });
  await engine.setup(setup);
  return { engine, built };
}

async function settled(engine: EngineApi, seen: ShiftStatus[] = []): Promise<ShiftStatus> {
  for (;;) {
    const status = await engine.shiftExperimentStatus();
    seen.push(status);
    if (status.state !== 'running') return status;
    await new Promise((resolve) => setTimeout(resolve, 2));
  }
}

describe('the shift experiment in the worker', () => {
  it('trains an MLP and a CNN of their own, tests both at every shift, and leaves the run alone', async () => {
    const { engine, built } = await startedEngine();
    await engine.step();
    const before = await engine.snapshot();
    await engine.startShiftExperiment(request);
    const seen: ShiftStatus[] = [];
    const status = await settled(engine, seen);
    expect(status.state).toBe('done');
    if (status.state !== 'done') return;
    const { outcome } = status;
    expect(outcome.shifts).toEqual([0, 1, 2, 3]);
    expect(outcome.results.map((r) => r.network)).toEqual(['mlp', 'lenet5']);
    for (const r of outcome.results) {
      expect(r.accuracy).toHaveLength(4);
      r.accuracy.forEach((a) => expect(a).toBeGreaterThanOrEqual(0));
      r.accuracy.forEach((a) => expect(a).toBeLessThanOrEqual(1));
      expect(r.examplePredictions).toHaveLength(4);
    }
    expect(outcome.example.pixels).toHaveLength(28 * 28);
    // The person's run plus the two side sessions; the run's weights and step are unchanged.
    expect(built).toEqual(['MLP 784-128-64-10', 'MLP 784-128-64-10', 'LeNet-5']);
    const after = await engine.snapshot();
    expect(after.state.step).toBe(before.state.step);
    after.weights.forEach((w, i) =>
      expect(Array.from(w.data)).toEqual(Array.from(before.weights[i]?.data ?? [])),
    );
    // The progress named the network and the step as it went.
    expect(
      seen.some((s) => s.state === 'running' && s.network === 'lenet5' && s.phase === 'training'),
    ).toBe(true);
  });

  it('keeps the run on another dataset able to show its training images', async () => {
    const loaded: string[] = [];
    const engine = createEngine({
      loadDataset: async (id) => {
        loaded.push(id);
        return dataset();
      },
      now: () => performance.now(),
    });
    const loadingMessages: string[] = [];
    engine.listen((event) => {
      if (event.kind === 'loading') loadingMessages.push(event.message);
    });
    await engine.start({ preferred: 'cpu', dataBaseUrl: 'http://localhost/data/' });
    await engine.setup({ ...setup, dataset: 'fashion-mnist' });
    await engine.startShiftExperiment({ ...request, steps: 10, maxShift: 0 });
    expect((await settled(engine)).state).toBe('done');
    expect(loaded).toEqual(['fashion-mnist', 'mnist']);
    // The run's status told of its own dataset only: the experiment's shows in its tab.
    expect(loadingMessages).toEqual(['Loading the fashion-mnist dataset…']);
    // The run's own training split is still there for the selected image.
    expect(await engine.predict({ source: 'train', index: 0 })).toHaveLength(10);
  });

  it('stops on cancel, saying so', async () => {
    const { engine } = await startedEngine();
    await engine.startShiftExperiment({ ...request, steps: 2000 });
    await engine.cancelShiftExperiment();
    const status = await settled(engine);
    expect(status).toEqual({
      state: 'stopped',
      message: expect.stringMatching(/cancelled/) as unknown as string,
    });
  });

  it('refuses a request outside its limits with the reason', async () => {
    const { engine } = await startedEngine();
    await expect(engine.startShiftExperiment({ ...request, steps: 1 })).rejects.toThrow(
      /training steps must be a whole number from 10/,
    );
    expect((await engine.shiftExperimentStatus()).state).toBe('idle');
  });
});
