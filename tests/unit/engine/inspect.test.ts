import { beforeAll, describe, expect, test } from 'vitest';
import { createRandom } from '../../../src/core/random';
import {
  forwardReference,
  softmaxCrossEntropyGradient,
  softmaxCrossEntropyReference,
} from '../../../src/core/reference';
import { inspectSample } from '../../../src/engine/inspect';
import { forward, type Model } from '../../../src/engine/model';
import { readValues, readWeights } from '../../../src/engine/records';
import { tf, type Tensor } from '../../../src/engine/tf';
import { softmaxCrossEntropy } from '../../../src/engine/train';
import { randomModel, randomValues, referenceWeights, relativeError, useCpu } from './helpers';

beforeAll(useCpu);

const NETWORK = {
  input: [6, 6, 2],
  layers: [
    { type: 'conv2d', id: 'conv', filters: 3, kernel: 3, padding: 'same', activation: 'relu' },
    { type: 'batchnorm', id: 'bn' },
    { type: 'maxpool2d', id: 'pool', size: 2 },
    { type: 'add', id: 'skip', inputs: ['pool', 'pool'] },
    { type: 'flatten', id: 'flat' },
    { type: 'dense', id: 'hidden', units: 5 },
    { type: 'dropout', id: 'drop', rate: 0.5 },
    { type: 'dense', id: 'out', units: 4, activation: 'softmax' },
  ],
};

async function setUp(): Promise<{ model: Model; image: Float32Array }> {
  const model = await randomModel(NETWORK, 'inspect');
  return { model, image: randomValues(72, createRandom('inspect image')) };
}

/** Deeply checks that nothing in a value is a tf.Tensor. */
function holdsTensor(value: unknown): boolean {
  if (value instanceof tf.Tensor) return true;
  if (ArrayBuffer.isView(value) || value === null || typeof value !== 'object') return false;
  return Object.values(value).some(holdsTensor);
}

describe('inspecting one input', () => {
  test('activations, logits, probabilities and loss are the reference forward pass’s', async () => {
    const { model, image } = await setUp();
    const inspection = await inspectSample(model, image, 2);
    const reference = forwardReference(NETWORK, referenceWeights(await readWeights(model)), {
      shape: [6, 6, 2],
      data: image,
    });
    expect(inspection.activations.map((a) => a.name)).toEqual(NETWORK.layers.map((l) => l.id));
    inspection.activations.forEach((a, i) => {
      expect(a.shape).toEqual(reference.outputs[i]?.shape);
      expect(relativeError(a.data, reference.outputs[i]?.data ?? [])).toBeLessThan(1e-5);
    });
    expect(relativeError(inspection.logits, reference.logits.data)).toBeLessThan(1e-5);
    expect(inspection.loss).toBeCloseTo(softmaxCrossEntropyReference(reference.logits, 2), 5);
    expect(inspection.probabilities.reduce((s, p) => s + p, 0)).toBeCloseTo(1, 6);
    expect(inspection.predicted).toBe(
      inspection.probabilities.indexOf(Math.max(...inspection.probabilities)),
    );
    model.dispose();
  });

  test('output gradients: p − y at the logits, then back through dense, dropout and flatten', async () => {
    const { model, image } = await setUp();
    const { outputGradients: g, logits, weights } = await inspectSample(model, image, 1);
    const last = g[g.length - 1];
    const expected = softmaxCrossEntropyGradient({ shape: [4], data: logits }, 1);
    expect(relativeError(last?.data ?? [], expected.data)).toBeLessThan(1e-5);
    // ∂L/∂h = W ∂L/∂z for the linear dense layer before the output, through dropout (identity).
    const w = weights.find((r) => r.name === 'out' && r.role === 'kernel');
    const dz = last?.data ?? new Float32Array();
    const dh = Array.from({ length: 5 }, (_, i) =>
      Array.from(dz).reduce((s, d, j) => s + (w?.data[i * 4 + j] ?? 0) * d, 0),
    );
    const byName = (name: string) => g.find((r) => r.name === name)?.data ?? new Float32Array();
    expect(relativeError(byName('drop'), dh)).toBeLessThan(1e-5);
    expect(relativeError(byName('hidden'), dh)).toBeLessThan(1e-5);
    expect(g.find((r) => r.name === 'flat')?.shape).toEqual([27]);
    expect(g.find((r) => r.name === 'pool')?.shape).toEqual([3, 3, 3]);
    // The add layer doubles the pooled values, so the pool's gradient is twice the sum's.
    expect(
      relativeError(
        byName('pool'),
        byName('skip').map((v) => 2 * v),
      ),
    ).toBeLessThan(1e-5);
    model.dispose();
  });

  test('weight gradients equal tf.grads of the test-mode loss', async () => {
    const { model, image } = await setUp();
    const inspection = await inspectSample(model, image, 3);
    const trainable = model.layers.flatMap((l) =>
      l.specs.filter((s) => s.trainable).map((s) => l.weights[s.role] as Tensor),
    );
    const grads = tf.tidy(() => {
      const x = tf.tensor(image, [1, 6, 6, 2]);
      const oneHot = tf.cast(tf.oneHot(tf.tensor1d([3], 'int32'), 4), 'float32');
      const f = () => softmaxCrossEntropy(forward(model, x, { training: false }).logits, oneHot);
      return tf.grads(f)(trainable);
    });
    expect(inspection.weightGradients).toHaveLength(trainable.length);
    for (const [i, g] of grads.entries()) {
      const record = inspection.weightGradients[i];
      expect(relativeError(record?.data ?? [], await readValues(g))).toBeLessThan(1e-6);
    }
    tf.dispose(grads);
    expect(inspection.weightGradients.map((r) => `${r.name}/${r.role}`)).toEqual([
      'conv/kernel',
      'conv/bias',
      'bn/gamma',
      'bn/beta',
      'hidden/kernel',
      'hidden/bias',
      'out/kernel',
      'out/bias',
    ]);
    model.dispose();
  });

  test('returns plain data only, copies that do not alias the model, and leaks nothing', async () => {
    const { model, image } = await setUp();
    await inspectSample(model, image, 0);
    const before = tf.memory().numTensors;
    const inspection = await inspectSample(model, image, 0);
    expect(tf.memory().numTensors).toBe(before);
    expect(holdsTensor(inspection)).toBe(false);
    expect(structuredClone(inspection).loss).toBe(inspection.loss);
    const kernel = inspection.weights.find((w) => w.role === 'kernel');
    kernel?.data.fill(123);
    const again = await inspectSample(model, image, 0);
    expect(again.weights.find((w) => w.role === 'kernel')?.data[0]).not.toBe(123);
    expect(again.loss).toBe(inspection.loss);
    expect((await inspectSample(model, image, 0, { includeWeights: false })).weights).toEqual([]);
    model.dispose();
  });

  test('refuses a label the network does not have', async () => {
    const { model, image } = await setUp();
    await expect(inspectSample(model, image, 4)).rejects.toThrow(
      /not one of the network's 4 classes/,
    );
    model.dispose();
  });
});
