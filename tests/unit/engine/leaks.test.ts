import { beforeAll, expect, test } from 'vitest';
import { NO_AUGMENTATION } from '../../../src/data/augment';
import { computeStats } from '../../../src/data/stats';
import { chooseBackend } from '../../../src/engine/backend';
import { createSession } from '../../../src/engine/session';
import { tf } from '../../../src/engine/tf';
import { syntheticDigits } from './fixtures';

beforeAll(async () => {
  tf.env().set('IS_TEST', true);
  await chooseBackend({ preferred: 'cpu' });
});

test('1,000 training steps with an inspection every 50 leave the tensor count and memory flat', async () => {
  const train = syntheticDigits(40, 'leaks', 8, 3);
  const session = createSession({
    network: {
      input: [8, 8, 1],
      layers: [
        { type: 'conv2d', id: 'c', filters: 2, kernel: 3, padding: 'same', dilation: [1, 2] },
        { type: 'batchnorm' },
        { type: 'activation', fn: 'relu' },
        { type: 'avgpool2d', id: 'a', size: 3, stride: 2, padding: 1 },
        { type: 'maxpool2d', id: 'm', size: 2, inputs: ['c'] },
        { type: 'concat', inputs: ['a', 'm'] },
        { type: 'dropout', rate: 0.25 },
        { type: 'flatten' },
        { type: 'dense', units: 3, activation: 'softmax' },
      ],
    },
    seed: 'leaks',
    init: 'glorot',
    train,
    normalisation: 'scale',
    stats: computeStats(train),
    config: {
      batchSize: 4,
      optimizer: { name: 'adam', learningRate: 0.01, l1: 1e-4, l2: 1e-3 },
      augmentation: { ...NO_AUGMENTATION, shift: 1 },
    },
  });
  await session.trainStep();
  await session.inspect(train, 0);
  await session.evaluate(train);
  const after = tf.memory();
  for (let step = 2; step <= 1000; step++) {
    await session.trainStep();
    if (step % 50 === 0) await session.inspect(train, step % train.count);
    if (step % 250 === 0) await session.evaluate(train, { batchSize: 16 });
  }
  const end = tf.memory();
  expect(end.numTensors).toBe(after.numTensors);
  expect(end.numBytes).toBe(after.numBytes);
  expect(end.numDataBuffers).toBe(after.numDataBuffers);
  session.dispose();
  expect(tf.memory().numTensors).toBe(0);
}, 60_000);
