import { beforeAll, describe, expect, test } from 'vitest';
import { summaryOf, unitSpreadOf } from '../../../src/core/histogram';
import { createRandom } from '../../../src/core/random';
import { measureBatch } from '../../../src/engine/layerStatistics';
import { createModel } from '../../../src/engine/model';
import { randomModel, randomValues, useCpu } from './helpers';

beforeAll(useCpu);

const COUNT = 8;
const network = {
  input: [6, 6, 1],
  layers: [
    { type: 'conv2d', filters: 4, kernel: 3, activation: 'relu' },
    { type: 'batchnorm' },
    { type: 'flatten' },
    { type: 'dense', units: 3, activation: 'softmax' },
  ],
};
const images = randomValues(COUNT * 36, createRandom('images'));
const labels = Uint8Array.from({ length: COUNT }, (_, i) => i % 3);
const batch = { count: COUNT, images, labels };
const dropout = () => createRandom('dropout');

describe('measuring a batch through every layer', () => {
  test('after batch norm (γ 1, β 0) each channel has mean 0 and std 1 over the batch', async () => {
    const model = createModel(network, { seed: 1, init: 'he' });
    const { layers } = await measureBatch(model, batch, dropout());
    const bn = layers[1];
    const channels = 4;
    for (let c = 0; c < channels; c++) {
      const values = (bn?.outputs ?? new Float32Array()).filter((_, i) => i % channels === c);
      const s = summaryOf(values);
      expect(Math.abs(s.mean)).toBeLessThan(1e-4);
      // BN divides by √(σ² + ε) with ε = 0.001, so the std is just under 1.
      expect(s.std).toBeGreaterThan(0.95);
      expect(s.std).toBeLessThanOrEqual(1);
    }
    model.dispose();
  });

  test('the gradients follow the chain rule: p − y over N at the logits, then through the kernel', async () => {
    const model = await randomModel(
      { ...network, layers: network.layers.filter((l) => l.type !== 'batchnorm') },
      'chain',
    );
    const { layers, loss } = await measureBatch(model, batch, dropout());
    const [, flat, dense] = layers;
    if (!flat || !dense?.kernel) throw new Error('missing layers');
    const classes = 3;
    const units = flat.shape[0] ?? 0;
    let expectedLoss = 0;
    for (let n = 0; n < COUNT; n++) {
      for (let k = 0; k < classes; k++) {
        const p = dense.outputs[n * classes + k] ?? NaN;
        const y = labels[n] === k ? 1 : 0;
        if (y) expectedLoss -= Math.log(p) / COUNT;
        expect(dense.outputGradients[n * classes + k]).toBeCloseTo((p - y) / COUNT, 5);
      }
      for (let j = 0; j < units; j++) {
        let sum = 0;
        for (let k = 0; k < classes; k++)
          sum +=
            (dense.outputGradients[n * classes + k] ?? 0) *
            (dense.kernel.values[j * classes + k] ?? 0);
        expect(flat.outputGradients[n * units + j]).toBeCloseTo(sum, 5);
      }
    }
    expect(loss).toBeCloseTo(expectedLoss, 5);
    model.dispose();
  });

  test('zero initialisation: every unit of a layer identical, hidden outputs and their gradients 0', async () => {
    const model = createModel(network, { seed: 1, init: 'zeros' });
    const { layers } = await measureBatch(model, batch, dropout());
    for (const layer of layers) {
      if (layer.kernel) expect(unitSpreadOf(layer.kernel.values, layer.kernel.shape)).toBe(0);
      expect(unitSpreadOf(layer.outputs, layer.shape)).toBe(0);
    }
    expect(summaryOf(layers[0]?.outputGradients ?? []).maxAbs).toBe(0);
    model.dispose();
  });
});
