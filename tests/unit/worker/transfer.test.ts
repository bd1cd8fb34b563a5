import { describe, expect, it } from 'vitest';
import { measurementSteps, type TransferStatus } from '../../../src/core/transfer';
import { createModel, readWeights } from '../../../src/engine';
import type { EngineApi } from '../../../src/worker/api';
import type { PretrainedWeights } from '../../../src/worker/experiments/transfer';
import { cpuEngine, digitsDataset, settledStatus } from './fixtures';

const loaded: string[] = [];
const dataset = (id: string) => {
  loaded.push(id);
  return digitsDataset(200, 600, id, id);
};

/** A small conv net with "pretrained" weights (a seeded init stands in for MNIST training). */
async function pretrained(): Promise<PretrainedWeights> {
  const network = {
    input: [28, 28, 1],
    layers: [
      { type: 'conv2d', filters: 3, kernel: 5, stride: 2, activation: 'relu' },
      { type: 'flatten' },
      { type: 'dense', units: 10, activation: 'softmax' },
    ],
  };
  const model = createModel(network, { seed: 'pretrained', init: 'he' });
  const weights = await readWeights(model);
  model.dispose();
  return { network, weights };
}

const engine = (): Promise<EngineApi> => cpuEngine(async (id) => dataset(id));

const settled = (e: EngineApi): Promise<TransferStatus> => settledStatus(() => e.transferStatus());

describe('the transfer worker methods', () => {
  it('train both runs on Fashion-MNIST: frozen convolutions keep their pretrained weights exactly', async () => {
    const e = await engine();
    const weights = await pretrained();
    await e.startTransfer({ trainCount: 100, steps: 20, seed: 3 }, weights);
    const status = await settled(e);
    if (status.state !== 'done') throw new Error(JSON.stringify(status));
    expect(loaded).toContain('fashion-mnist');
    const { curves, changes, testCount } = status.outcome;
    expect(testCount).toBe(500);
    for (const curve of Object.values(curves))
      expect(curve.map((p) => p.step)).toEqual(measurementSteps(20));
    const change = (run: string, layer: string) =>
      changes.find((c) => c.run === run && c.layer === layer);
    expect(change('fine-tuned', 'conv2d_1')).toEqual({
      layer: 'conv2d_1',
      run: 'fine-tuned',
      frozen: true,
      maxChange: 0,
    });
    expect(change('fine-tuned', 'dense_1')?.maxChange).toBeGreaterThan(1e-4);
    expect(change('scratch', 'conv2d_1')?.frozen).toBe(false);
    expect(change('scratch', 'conv2d_1')?.maxChange).toBeGreaterThan(1e-4);
  });

  it('stops when cancelled, and refuses a request outside the limits in words', async () => {
    const e = await engine();
    const weights = await pretrained();
    await e.startTransfer({ trainCount: 100, steps: 400, seed: 1 }, weights);
    await e.cancelTransfer();
    expect(await settled(e)).toEqual({
      state: 'stopped',
      message: 'Stopped: the runs were cancelled.',
    });
    await expect(e.startTransfer({ trainCount: 5, steps: 20, seed: 1 }, weights)).rejects.toThrow(
      'The training images must be a whole number from 100 to 1000.',
    );
  });
});
