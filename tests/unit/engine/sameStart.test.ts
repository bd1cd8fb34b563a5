import { beforeAll, describe, expect, test } from 'vitest';
import { NO_AUGMENTATION } from '../../../src/data/augment';
import { computeStats } from '../../../src/data/stats';
import { chooseBackend } from '../../../src/engine/backend';
import { createSession, type TrainingSession } from '../../../src/engine/session';
import { tf } from '../../../src/engine/tf';
import { syntheticDigits } from './fixtures';

/**
 * "Start from the same initial weights": the Runs card sets the kept run's seed and
 * initialisation, the worker takes the other settings as they are (`configure`), and the
 * run is reset. Two runs started so with the same settings must take the same path (initial
 * weights, batch order, dropout masks and augmentation all replayed); a changed learning
 * rate must change the path, and only from the first update on.
 */

beforeAll(async () => {
  tf.env().set('IS_TEST', true);
  await chooseBackend({ preferred: 'cpu' });
});

const train = syntheticDigits(64, 'same start');
/** Small, with dropout and augmentation, so every random stream is exercised. */
const NETWORK = {
  input: [28, 28, 1],
  layers: [
    { type: 'conv2d', filters: 4, kernel: 3, stride: 2, padding: 'same' },
    { type: 'activation', fn: 'relu' },
    { type: 'dropout', rate: 0.3 },
    { type: 'flatten' },
    { type: 'dense', units: 10, activation: 'softmax' },
  ],
};
const config = (learningRate: number) => ({
  batchSize: 8,
  optimizer: { name: 'adam' as const, learningRate },
  augmentation: { ...NO_AUGMENTATION, shift: 2, noise: 0.02 },
});

async function lossesOf(session: TrainingSession, steps: number): Promise<number[]> {
  const out: number[] = [];
  for (let i = 0; i < steps; i++) out.push((await session.trainStep()).loss);
  return out;
}

describe('a run started from the same initial weights', () => {
  test('with the same settings gives the same curve; with a changed learning rate, another', async () => {
    const session = createSession({
      network: NETWORK,
      seed: 3,
      init: 'glorot',
      train,
      normalisation: 'scale',
      stats: computeStats(train),
      config: config(0.001),
    });
    const first = await lossesOf(session, 6);

    // The same settings, from the same start.
    session.reset({ seed: 3, init: 'glorot' });
    const twin = await lossesOf(session, 6);
    expect(twin).toEqual(first);

    // Ten times the learning rate, from the same start.
    session.configure(config(0.01));
    session.reset({ seed: 3, init: 'glorot' });
    const changed = await lossesOf(session, 6);
    // The first loss is measured before any update: the same weights, the same batch.
    expect(changed[0]).toBe(first[0]);
    expect(changed.slice(1)).not.toEqual(first.slice(1));
    session.dispose();
  });
});
