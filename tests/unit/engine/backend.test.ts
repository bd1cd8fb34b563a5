import { beforeAll, describe, expect, test } from 'vitest';
import { ACTIVATIONS } from '../../../src/core/activations';
import { computeStats } from '../../../src/data/stats';
import {
  backendCandidates,
  chooseBackend,
  fallBackFrom,
  isBackendName,
} from '../../../src/engine/backend';
import { createSession } from '../../../src/engine/session';
import { tf } from '../../../src/engine/tf';
import { syntheticDigits } from './fixtures';

beforeAll(() => {
  tf.env().set('IS_TEST', true);
});

describe('choosing a backend in Node (no GPU, no canvas)', () => {
  test('auto: WebGPU and WebGL are skipped with their reasons, WASM runs with SIMD', async () => {
    const choice = await chooseBackend();
    expect(choice.name).toBe('wasm');
    expect(tf.getBackend()).toBe('wasm');
    expect(choice.attempts.map((a) => [a.name, a.ok])).toEqual([
      ['webgpu', false],
      ['webgl', false],
      ['wasm', true],
    ]);
    expect(choice.attempts[0]?.reason).toMatch(/WebGPU/);
    expect(choice.attempts[1]?.reason).toMatch(/canvas/);
    expect(choice.attempts[2]?.reason).toMatch(/SIMD/);
    expect(choice.simd).toBe(true);
    expect(choice.threads).toBe(1);
  });

  test('a preferred backend goes first; exclusions are left out', async () => {
    expect(backendCandidates({ preferred: 'cpu' })).toEqual(['cpu', 'webgpu', 'webgl', 'wasm']);
    expect(backendCandidates({ preferred: 'wasm', exclude: ['cpu', 'webgl'] })).toEqual([
      'wasm',
      'webgpu',
    ]);
    const choice = await chooseBackend({ preferred: 'cpu' });
    expect(choice.name).toBe('cpu');
    expect(choice.attempts).toHaveLength(1);
    expect(choice.addedKernels).toEqual(['Conv2DBackpropFilter']);
  });

  test('falling back moves to the next backend in order, and fails when none is left', async () => {
    expect((await fallBackFrom('webgl')).name).toBe('wasm');
    expect((await fallBackFrom('wasm')).name).toBe('cpu');
    await expect(fallBackFrom('cpu')).rejects.toThrow(/No TensorFlow.js backend works/);
  });

  test('backend names from a URL are checked', () => {
    expect(['webgpu', 'webgl', 'wasm', 'cpu'].every(isBackendName)).toBe(true);
    expect(isBackendName('WASM')).toBe(false);
    expect(isBackendName('tensorflow')).toBe(false);
  });
});

test('every kernel a training step, an evaluation and an inspection use exists on every backend', async () => {
  await import('@tensorflow/tfjs-backend-webgl');
  await import('@tensorflow/tfjs-backend-webgpu');
  await chooseBackend({ preferred: 'wasm' });
  await chooseBackend({ preferred: 'cpu' });
  const train = syntheticDigits(8, 'kernels', 8, 3);
  const activations = ACTIVATIONS.filter((a) => a !== 'softmax').map((fn, i) => ({
    type: 'activation',
    id: `act${i}`,
    fn,
    inputs: [i === 0 ? 'bn' : `act${i - 1}`],
  }));
  const session = createSession({
    network: {
      input: [8, 8, 1],
      layers: [
        { type: 'conv2d', id: 'c', filters: 2, kernel: 3, stride: 1, dilation: 2, padding: 'same' },
        { type: 'batchnorm', id: 'bn' },
        ...activations,
        { type: 'avgpool2d', id: 'a', size: 3, stride: 2, padding: 1 },
        { type: 'maxpool2d', id: 'm', size: 2, inputs: ['c'] },
        { type: 'add', id: 'sum', inputs: ['a', 'm'] },
        { type: 'concat', id: 'cat', inputs: ['sum', 'm'] },
        { type: 'activation', fn: 'softmax' },
        { type: 'globalavgpool2d', id: 'gap', inputs: ['cat'] },
        { type: 'dropout', rate: 0.5 },
        { type: 'dense', units: 3, activation: 'softmax' },
      ],
    },
    seed: 1,
    init: 'he',
    train,
    normalisation: 'scale',
    stats: computeStats(train),
    config: { batchSize: 4, optimizer: { name: 'adam', learningRate: 0.01, l1: 0.01, l2: 0.01 } },
  });
  const momentum = { name: 'momentum' as const, learningRate: 0.01, l1: 0.01, l2: 0.01 };
  const profile = await tf.profile(async () => {
    await session.trainStep();
    session.configure({ optimizer: momentum });
    await session.trainStep();
    session.configure({ optimizer: { ...momentum, name: 'sgd' } });
    await session.trainStep();
    await session.evaluate(train);
    await session.inspect(train, 0);
  });
  session.dispose();
  const kernels = [...new Set(profile.kernels.map((k) => k.name))].sort();
  expect(kernels).toContain('Conv2DBackpropFilter');
  expect(kernels).toContain('MaxPoolGrad');
  for (const backend of ['wasm', 'webgl', 'webgpu']) {
    const missing = kernels.filter((k) => !tf.getKernel(k, backend));
    expect([backend, missing]).toEqual([backend, []]);
  }
});
