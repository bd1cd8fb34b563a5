import { beforeAll, describe, expect, test } from 'vitest';
import { NO_AUGMENTATION } from '../../../src/data/augment';
import { computeStats } from '../../../src/data/stats';
import { chooseBackend } from '../../../src/engine/backend';
import { createOptimizer, type OptimizerName } from '../../../src/engine/optimizers';
import { trainStep } from '../../../src/engine/train';
import {
  createSession,
  type SessionOptions,
  type SessionSnapshot,
} from '../../../src/engine/session';
import { tf } from '../../../src/engine/tf';
import { syntheticDigits } from './fixtures';
import { randomModel } from './helpers';

/** Exact comparisons need one backend: the CPU's. */
beforeAll(async () => {
  tf.env().set('IS_TEST', true);
  await chooseBackend({ preferred: 'cpu' });
});

// 30 images in batches of 4: step 7 stops 28 images into the first epoch, and step 8 is the
// epoch's short last batch, so a resumed run must know where in the epoch it was.
const train = syntheticDigits(30, 'resume train', 8, 3);
const MLP = {
  input: [8, 8, 1],
  layers: [
    { type: 'flatten' },
    { type: 'dense', units: 6, activation: 'relu' },
    { type: 'dropout', rate: 0.25 },
    { type: 'dense', units: 3, activation: 'softmax' },
  ],
};

function optionsFor(name: OptimizerName): SessionOptions {
  return {
    network: MLP,
    seed: 'resume',
    init: 'he',
    train,
    normalisation: 'standardise',
    stats: computeStats(train),
    config: {
      batchSize: 4,
      optimizer: { name, learningRate: name === 'adam' ? 0.01 : 0.05, l2: 1e-3 },
      augmentation: { ...NO_AUGMENTATION, shift: 1 },
    },
  };
}

/** The weights after `steps` steps from the seed, without a stop. */
async function straight(name: OptimizerName, steps: number): Promise<number[][]> {
  const session = createSession(optionsFor(name));
  for (let i = 0; i < steps; i++) await session.trainStep();
  const { weights } = await session.snapshot();
  session.dispose();
  return weights.map((w) => Array.from(w.data));
}

/** The weights after a fresh session restores `snapshot` and takes `steps` more. */
async function resumed(
  name: OptimizerName,
  snapshot: SessionSnapshot,
  steps: number,
): Promise<number[][]> {
  const session = createSession(optionsFor(name));
  session.restore(snapshot);
  for (let i = 0; i < steps; i++) await session.trainStep();
  const { weights } = await session.snapshot();
  session.dispose();
  return weights.map((w) => Array.from(w.data));
}

async function stoppedAt(name: OptimizerName, steps: number) {
  const session = createSession(optionsFor(name));
  for (let i = 0; i < steps; i++) await session.trainStep();
  const snapshot = await session.snapshot();
  session.dispose();
  return snapshot;
}

describe('a run stopped at step 7 and resumed in a fresh session', () => {
  for (const name of ['sgd', 'momentum', 'adam'] as const) {
    test(`${name}: 7 + 5 steps give exactly the weights of 12 straight`, async () => {
      const baseline = tf.memory().numTensors;
      const whole = await straight(name, 12);
      const snapshot = await stoppedAt(name, 7);
      expect(snapshot.position).toEqual({ epoch: 0, offset: 28 });
      expect(snapshot.optimizer.name).toBe(name);
      expect(snapshot.optimizer.iterations).toBe(7);
      expect(await resumed(name, snapshot, 5)).toEqual(whole);

      // Without the optimiser's state the path differs, except for plain SGD, which has none.
      const withoutState = { ...snapshot, optimizer: undefined };
      const fresh = await resumed(name, withoutState, 5);
      if (name === 'sgd') expect(fresh).toEqual(whole);
      else expect(fresh).not.toEqual(whole);
      // Without the place in the epoch, the batches differ.
      const atStart = await resumed(name, { ...snapshot, position: { epoch: 0, offset: 0 } }, 5);
      expect(atStart).not.toEqual(whole);
      expect(tf.memory().numTensors).toBe(baseline);
    });
  }

  test('a state of another optimiser is left out (a fresh one), one that does not fit is refused', async () => {
    const adam = await stoppedAt('adam', 3);
    const asMomentum = await resumed('momentum', adam, 2);
    const withoutState = { ...adam, optimizer: undefined };
    expect(asMomentum).toEqual(await resumed('momentum', withoutState, 2));

    const session = createSession(optionsFor('adam'));
    const before = await session.snapshot();
    const baseline = tf.memory().numTensors;
    const slots = adam.optimizer.slots.map((own, i) =>
      i === 0 ? own.map((s) => ({ ...s, shape: [...s.shape].reverse() })) : own,
    );
    expect(() => session.restore({ ...adam, optimizer: { ...adam.optimizer, slots } })).toThrow(
      /dense_1's kernel is 64×6 here but its optimiser state is 6×64/,
    );
    const missing = { ...adam.optimizer, slots: adam.optimizer.slots.slice(1) };
    expect(() => session.restore({ ...adam, optimizer: missing })).toThrow(
      /adam keeps 2 values per weight, but the state has 0 for weight 1/,
    );
    // Refused, nothing changed: the weights, the step and the tensors are as they were.
    expect(session.step).toBe(0);
    expect((await session.snapshot()).weights).toEqual(before.weights);
    expect(tf.memory().numTensors).toBe(baseline);
    session.dispose();
  });
});

test('exporting and importing an optimiser state leaves no tensor behind', async () => {
  const model = await randomModel(
    { input: [3], layers: [{ type: 'dense', units: 2, activation: 'softmax' }] },
    'slots',
  );
  const batch = { count: 1, images: Float32Array.of(0.5, -1, 2), labels: [1] };
  const optimizer = createOptimizer({ name: 'adam', learningRate: 0.1 });
  await trainStep(model, optimizer, batch);
  const held = tf.memory().numTensors;
  const state = await optimizer.exportState(model.trainableWeights);
  expect(tf.memory().numTensors).toBe(held);
  const other = createOptimizer({ name: 'adam', learningRate: 0.1 });
  other.importState(model.trainableWeights, state);
  other.importState(model.trainableWeights, state);
  // Adam's m and v for the kernel and the bias: four variables, the second import replaced the first's.
  expect(tf.memory().numTensors).toBe(held + 4);
  expect(await other.exportState(model.trainableWeights)).toEqual(state);
  expect(() => other.importState(model.trainableWeights, { ...state, name: 'momentum' })).toThrow(
    /the optimiser state is momentum's, but this run uses adam/i,
  );
  other.dispose();
  optimizer.dispose();
  model.dispose();
  expect(tf.memory().numTensors).toBe(0);
});
