import { beforeAll, describe, expect, test } from 'vitest';
import { analyzeNetwork } from '../../../src/core/analyze';
import { CATALOGUE } from '../../../src/core/catalogue';
import { networkWeightSpecs, weightSizeOf } from '../../../src/core/weights';
import { countModelWeights, createModel, forward, ModelError } from '../../../src/engine/model';
import { tf } from '../../../src/engine/tf';
import { useCpu } from './helpers';

beforeAll(useCpu);

/** Too big to allocate in a test (or a tab): counted from shapes only. */
const FULL_SIZE = new Set(['alexnet', 'vgg16', 'resnet18', 'googlenet', 'densenet121']);

describe('weights worked out from shapes alone match the core report, layer by layer', () => {
  test.each(CATALOGUE.map((e) => [e.id, e] as const))('%s', (_, entry) => {
    const report = analyzeNetwork(entry.network);
    const specs = networkWeightSpecs(entry.network);
    if (!report.ok) {
      expect(specs).toBeNull();
      return;
    }
    expect(specs).not.toBeNull();
    report.layers.forEach((layer, i) => {
      const weights = specs?.[i]?.weights ?? [];
      const sum = (trainable: boolean) =>
        weights.filter((w) => w.trainable === trainable).reduce((s, w) => s + weightSizeOf(w), 0);
      expect([layer.name, sum(true), sum(false)]).toEqual([
        layer.name,
        layer.paramCount,
        layer.stateCount,
      ]);
    });
    if (entry.published) expect(report.totalParams).toBe(entry.published.params);
  });
});

describe('built models hold exactly the parameters the core counts', () => {
  const buildable = CATALOGUE.filter((e) => !FULL_SIZE.has(e.id) && analyzeNetwork(e.network).ok);

  test.each(buildable.map((e) => [e.id, e] as const))('%s', async (_, entry) => {
    const report = analyzeNetwork(entry.network);
    const model = createModel(entry.network, { seed: 1, init: 'glorot' });
    const counts = countModelWeights(model);
    report.layers.forEach((layer, i) => {
      expect([layer.name, counts[i]?.params, counts[i]?.state]).toEqual([
        layer.name,
        layer.paramCount,
        layer.stateCount,
      ]);
    });
    // The forward pass gives every layer the shape the core reports.
    const shapes = tf.tidy(() => {
      const x = tf.zeros([2, ...model.inputShape]);
      return forward(model, x, { training: false }).outputs.map((t) => t.shape.slice(1));
    });
    expect(shapes).toEqual(report.layers.map((l) => l.outputShape));
    model.dispose();
    expect(tf.memory().numTensors).toBe(0);
  });

  test.each([...FULL_SIZE])('%s is refused without allocating anything', (id) => {
    const entry = CATALOGUE.find((e) => e.id === id);
    const before = tf.memory().numTensors;
    expect(() => createModel(entry?.network, { seed: 1, init: 'he' })).toThrow(ModelError);
    expect(() => createModel(entry?.network, { seed: 1, init: 'he' })).toThrow(/parameters/);
    expect(tf.memory().numTensors).toBe(before);
  });

  test('a network with errors is refused with the core’s message', () => {
    expect(() =>
      createModel(
        { input: [4, 4, 1], layers: [{ type: 'dense', units: 3 }] },
        { seed: 1, init: 'he' },
      ),
    ).toThrow(/flatten/);
  });
});
