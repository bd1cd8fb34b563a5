import { beforeAll, describe, expect, test } from 'vitest';
import type { LayerDocument, NetworkDocument } from '../../../src/core/network';
import { createRandom } from '../../../src/core/random';
import { createOptimizer, type OptimizerConfig } from '../../../src/engine/optimizers';
import { forward } from '../../../src/engine/model';
import { readWeights } from '../../../src/engine/records';
import { tf } from '../../../src/engine/tf';
import { trainStep } from '../../../src/engine/train';
import { randomModel, randomValues, useCpu } from './helpers';

beforeAll(useCpu);

/** conv → batch norm → dense head, with the conv and batch norm frozen or not. */
const network = (frozen: boolean): NetworkDocument => {
  const mark = (layer: LayerDocument): LayerDocument => (frozen ? { ...layer, frozen } : layer);
  return {
    input: [8, 8, 1],
    layers: [
      mark({ type: 'conv2d', filters: 3, kernel: 3, activation: 'relu' }),
      mark({ type: 'batchnorm' }),
      { type: 'flatten' },
      { type: 'dense', units: 4, activation: 'softmax' },
    ],
  };
};

const random = createRandom('frozen batch');
const BATCH = { count: 6, images: randomValues(6 * 64, random), labels: [0, 1, 2, 3, 1, 2] };
// Adam with both decays: every way a weight could move is switched on.
const ADAM: OptimizerConfig = { name: 'adam', learningRate: 0.05, l1: 0.01, l2: 0.01 };

/** Each weight's values by `layer/role`, after k steps of training. */
async function weightsAfter(frozen: boolean, steps: number) {
  const model = await randomModel(network(frozen), 'frozen');
  const optimizer = createOptimizer(ADAM);
  const before = await readWeights(model);
  for (let i = 0; i < steps; i++) await trainStep(model, optimizer, BATCH);
  const after = await readWeights(model);
  optimizer.dispose();
  model.dispose();
  const byKey = (records: typeof before) =>
    new Map(records.map((r) => [`${r.name}/${r.role}`, r.data]));
  return { before: byKey(before), after: byKey(after) };
}

const FROZEN_KEYS = [
  'conv2d_1/kernel',
  'conv2d_1/bias',
  'batchnorm_1/gamma',
  'batchnorm_1/beta',
  'batchnorm_1/movingMean',
  'batchnorm_1/movingVariance',
];
const HEAD_KEYS = ['dense_1/kernel', 'dense_1/bias'];

describe('frozen layers', () => {
  test('after 5 Adam steps with L1 and L2, a frozen conv and batch norm are bit-identical; the head changed', async () => {
    const { before, after } = await weightsAfter(true, 5);
    for (const key of FROZEN_KEYS) expect(after.get(key), key).toEqual(before.get(key));
    for (const key of HEAD_KEYS) {
      const moved = Math.max(
        ...(after.get(key) ?? []).map((v, i) => Math.abs(v - (before.get(key)?.[i] ?? v))),
      );
      expect(moved, key).toBeGreaterThan(1e-3);
    }
  });

  test('the same network unfrozen moves the conv and batch norm (so the test above can fail)', async () => {
    const { before, after } = await weightsAfter(false, 5);
    for (const key of FROZEN_KEYS) expect(after.get(key), key).not.toEqual(before.get(key));
  });

  test('a frozen batch norm normalises with its running statistics while training', async () => {
    const model = await randomModel(network(true), 'frozen bn');
    const x = tf.tensor(BATCH.images, [BATCH.count, 8, 8, 1]);
    const [training, testing] = tf.tidy(() => [
      forward(model, x, { training: true, updateState: true }).outputs[1] as tf.Tensor,
      forward(model, x, { training: false }).outputs[1] as tf.Tensor,
    ]);
    expect(await training.data()).toEqual(await testing.data());
    tf.dispose([x, training, testing]);
    model.dispose();
  });

  test('the model leaves frozen layers out of the updated weights and the decayed kernels', async () => {
    const model = await randomModel(network(true), 'frozen lists');
    expect(model.trainableWeights).toHaveLength(6);
    expect(model.updatedWeights).toHaveLength(2);
    expect(model.kernels).toHaveLength(1);
    model.dispose();
  });

  test('training a network whose every weighted layer is frozen says what to do', async () => {
    const all: NetworkDocument = {
      input: [4],
      layers: [{ type: 'dense', units: 2, activation: 'softmax', frozen: true }],
    };
    const model = await randomModel(all, 'all frozen');
    const optimizer = createOptimizer(ADAM);
    const batch = { count: 1, images: Float32Array.of(1, 2, 3, 4), labels: [1] };
    await expect(trainStep(model, optimizer, batch)).rejects.toThrow(/unfreeze at least one layer/);
    optimizer.dispose();
    model.dispose();
  });
});
