import { beforeAll, describe, expect, test } from 'vitest';
import { catalogueEntryOf } from '../../../src/core/catalogue';
import { NO_AUGMENTATION } from '../../../src/data/augment';
import { computeStats } from '../../../src/data/stats';
import { chooseBackend } from '../../../src/engine/backend';
import { createSession, type SessionOptions } from '../../../src/engine/session';
import { tf } from '../../../src/engine/tf';
import { syntheticDigits } from './fixtures';

/** Training runs on the CPU backend (with the engine's composed Conv2DBackpropFilter). */
beforeAll(async () => {
  tf.env().set('IS_TEST', true);
  await chooseBackend({ preferred: 'cpu' });
});

const train = syntheticDigits(96, 'session train');
const stats = computeStats(train);

function optionsFor(
  network: unknown,
  seed: string | number,
  overrides: Partial<SessionOptions> = {},
): SessionOptions {
  return {
    network,
    seed,
    init: 'he',
    train,
    normalisation: 'standardise',
    stats,
    config: {
      batchSize: 8,
      optimizer: { name: 'momentum', learningRate: 0.02, momentum: 0.9 },
      augmentation: { ...NO_AUGMENTATION, shift: 2, rotation: 10, noise: 0.02 },
    },
    ...overrides,
  };
}

/** A small conv net with batch norm and dropout, quick on the CPU. */
const SMALL = {
  input: [28, 28, 1],
  layers: [
    { type: 'conv2d', filters: 4, kernel: 3, stride: 2, padding: 'same' },
    { type: 'batchnorm' },
    { type: 'activation', fn: 'relu' },
    { type: 'dropout', rate: 0.3 },
    { type: 'flatten' },
    { type: 'dense', units: 16, activation: 'elu' },
    { type: 'dropout', rate: 0.5 },
    { type: 'dense', units: 10, activation: 'softmax' },
  ],
};

async function losses(options: SessionOptions, steps: number): Promise<number[]> {
  const session = createSession(options);
  const result: number[] = [];
  for (let i = 0; i < steps; i++) result.push((await session.trainStep()).loss);
  session.dispose();
  return result;
}

describe('determinism on the CPU backend', () => {
  const lenet = catalogueEntryOf('lenet5')?.network;

  test('two runs of 50 LeNet-5 steps from one seed give identical losses; another seed does not', async () => {
    const first = await losses(optionsFor(lenet, 'seed A'), 50);
    const second = await losses(optionsFor(lenet, 'seed A'), 50);
    expect(second).toEqual(first);
    const other = await losses(optionsFor(lenet, 'seed B'), 5);
    expect(other).not.toEqual(first.slice(0, 5));
    // The run really trains (augmentation on), so equal losses are not a frozen network's.
    expect(Math.min(...first.slice(-10))).toBeLessThan((first[0] ?? 0) * 0.8);
  }, 40_000);

  test('dropout masks and batch norm repeat too', async () => {
    const network = SMALL;
    const first = await losses(optionsFor(network, 7), 30);
    expect(await losses(optionsFor(network, 7), 30)).toEqual(first);
    expect(await losses(optionsFor(network, 8), 30)).not.toEqual(first);
  });

  test('a run resumed from a snapshot (plain SGD) continues exactly; reset starts it again', async () => {
    const sgd = optionsFor(SMALL, 'resume');
    const options = {
      ...sgd,
      config: { ...sgd.config, optimizer: { name: 'sgd' as const, learningRate: 0.05 } },
    };
    const whole = await losses(options, 16);
    const first = createSession(options);
    for (let i = 0; i < 9; i++) await first.trainStep();
    const snapshot = await first.snapshot();
    first.reset();
    const again: number[] = [];
    for (let i = 0; i < 3; i++) again.push((await first.trainStep()).loss);
    expect(again).toEqual(whole.slice(0, 3));
    first.dispose();
    const second = createSession(options);
    second.restore(snapshot);
    expect(second.step).toBe(9);
    const rest: number[] = [];
    for (let i = 0; i < 7; i++) rest.push((await second.trainStep()).loss);
    expect(rest).toEqual(whole.slice(9));
    second.dispose();
  });

  test('a network with too few class scores for the dataset is refused', () => {
    const three = {
      input: [28, 28, 1],
      layers: [{ type: 'flatten' }, { type: 'dense', units: 3 }],
    };
    expect(() => createSession(optionsFor(three, 1))).toThrow(
      /3 class scores but the dataset has 10/,
    );
    expect(tf.memory().numTensors).toBe(0);
  });
});

describe('learning', () => {
  test('the MLP 784-128-64-10 learns the synthetic digits: loss falls, held-out accuracy rises', async () => {
    const session = createSession({
      ...optionsFor(catalogueEntryOf('mlp')?.network, 3),
      train: syntheticDigits(400, 'mlp train'),
      config: { batchSize: 32, optimizer: { name: 'adam', learningRate: 0.001 } },
    });
    const test = syntheticDigits(200, 'mlp test');
    const before = await session.evaluate(test);
    const first = await session.trainStep();
    let last = first;
    for (let i = 0; i < 59; i++) last = await session.trainStep();
    const after = await session.evaluate(test);
    expect(first.loss).toBeGreaterThan(1.5);
    expect(last.loss).toBeLessThan(first.loss / 5);
    expect(before.accuracy).toBeLessThan(0.3);
    expect(after.accuracy).toBeGreaterThan(0.95);
    expect(after.predictions).toHaveLength(200);
    expect(last.epoch).toBe(4);
    session.dispose();
  });
});
