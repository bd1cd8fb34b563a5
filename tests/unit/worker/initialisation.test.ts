import { describe, expect, it } from 'vitest';
import type { InitialisationStatus } from '../../../src/core/initialisationRuns';
import { NO_AUGMENTATION } from '../../../src/data/augment';
import type { EngineApi, RunSetup } from '../../../src/worker/api';
import { cpuEngine, digitsDataset, settledStatus } from './fixtures';

const dataset = () => digitsDataset(200, 20, 'init');

const setup: RunSetup = {
  network: {
    name: 'Small conv',
    input: [28, 28, 1],
    layers: [
      { type: 'conv2d', filters: 4, kernel: 5, stride: 2, activation: 'relu' },
      { type: 'conv2d', filters: 4, kernel: 3, stride: 2, activation: 'relu' },
      { type: 'flatten' },
      { type: 'dense', units: 10, activation: 'softmax' },
    ],
  },
  seed: 3,
  init: 'he',
  dataset: 'mnist',
  normalisation: 'standardise',
  validationSplit: 0.2,
  optimizer: 'sgd',
  learningRate: 0.1,
  l1: 0,
  l2: 0,
  batchSize: 16,
  augmentation: NO_AUGMENTATION,
  epochs: 1,
  patience: 0,
  delayMs: 0,
};

const readyEngine = (): Promise<EngineApi> => cpuEngine(async () => dataset(), setup);

const settled = (engine: EngineApi): Promise<InitialisationStatus> =>
  settledStatus(() => engine.initialisationStatus());

describe('the initialisation worker methods', () => {
  it('zeros keeps every layer’s units identical through training, He’s differ; the person’s run is untouched', async () => {
    const engine = await readyEngine();
    const before = await engine.snapshot();
    await engine.startInitialisationRun({ scheme: 'zeros', checkpoints: [0, 10] });
    const zeros = await settled(engine);
    if (zeros.state !== 'done' || zeros.outcome.kind !== 'schemes') throw new Error('not done');
    expect(zeros.outcome.snapshots.map((s) => s.step)).toEqual([0, 10]);
    for (const snapshot of zeros.outcome.snapshots)
      for (const layer of snapshot.layers)
        if (layer.kernelSpread !== null) expect(layer.kernelSpread).toBe(0);
    // The loss of ten equal guesses, ln 10, at step 0.
    expect(zeros.outcome.snapshots[0]?.loss).toBeCloseTo(Math.log(10), 4);

    await engine.startInitialisationRun({ scheme: 'he', checkpoints: [0, 10] });
    const he = await settled(engine);
    if (he.state !== 'done' || he.outcome.kind !== 'schemes') throw new Error('not done');
    const first = he.outcome.snapshots[0]?.layers[0];
    expect(first?.kernelSpread).toBeGreaterThan(0);
    // The histograms keep step 0's edges, and count every value of the batch.
    const later = he.outcome.snapshots[1]?.layers[0];
    expect(later?.activation.edges).toEqual(first?.activation.edges);
    const perExample = 12 * 12 * 4;
    expect(first?.activation.total).toBe(64 * perExample);

    const after = await engine.snapshot();
    expect(after.state).toEqual(before.state);
    expect(after.weights).toEqual(before.weights);
  });

  it('compares training without and with batch norm, whose outputs have mean 0 and std 1', async () => {
    const engine = await readyEngine();
    await engine.startBatchNormComparison({ steps: 6 });
    const status = await settled(engine);
    if (status.state !== 'done' || status.outcome.kind !== 'batchnorm') throw new Error('not done');
    const { lossWithout, lossWith, layer } = status.outcome;
    expect(lossWithout).toHaveLength(6);
    expect(lossWith).toHaveLength(6);
    expect(lossWith).not.toEqual(lossWithout);
    expect(Math.abs(layer.afterSummary.mean)).toBeLessThan(1e-3);
    expect(layer.afterSummary.std).toBeGreaterThan(0.95);
    expect(layer.afterSummary.std).toBeLessThanOrEqual(1.0001);
    expect(layer.beforeSummary.min).toBeGreaterThanOrEqual(0);
    expect(layer.name).toBe('conv2d_1 → conv2d_1_bn');
  });

  it('stops when cancelled and refuses requests it cannot run', async () => {
    const engine = await readyEngine();
    await engine.startInitialisationRun({ scheme: 'he', checkpoints: [0, 2000] });
    await engine.cancelInitialisationRun();
    expect(await settled(engine)).toEqual({
      state: 'stopped',
      message: 'Stopped: the run was cancelled.',
    });
    await expect(
      engine.startInitialisationRun({ scheme: 'he', checkpoints: [5, 10] }),
    ).rejects.toThrow(/start at 0/);
    await expect(engine.startBatchNormComparison({ steps: 0 })).rejects.toThrow(/1 to 2000/);
  });
});
