import '@tensorflow/tfjs-backend-cpu';
import { readdirSync, readFileSync, statSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, test } from 'vitest';
import { readDiskDataset } from '../../../src/cli/pretrainData';
import { parsePretrainedIndex, type PretrainedEntry } from '../../../src/cli/pretrainIndex';
import { PRETRAIN_JOBS } from '../../../src/cli/pretrainPlan';
import { analyzeNetwork } from '../../../src/core/analyze';
import { catalogueEntryOf } from '../../../src/core/catalogue';
import { networkWeightSpecs, weightSizeOf } from '../../../src/core/weights';
import { decodeWeight, parseCheckpoint, type Checkpoint } from '../../../src/data/checkpoint';
import type { NormalisationMode } from '../../../src/data/normalise';
import { createModel } from '../../../src/engine/model';
import { writeWeights } from '../../../src/engine/records';
import { tf } from '../../../src/engine/tf';
import { evaluate } from '../../../src/engine/train';

/**
 * The pretrained networks committed under public/models (written by `npm run pretrain`):
 * every job of the plan is listed and present, each checkpoint fits its catalogue network
 * weight by weight, the recorded test accuracies meet the targets the lab promises, and
 * LeNet-5's weights, loaded into the engine on the CPU backend, score what was recorded.
 */
const MODELS = 'public/models';

/** Least test accuracy per job (issue 4: LeNet-5 97.5%, MLP 95%, CIFAR VGG 55%). */
const TARGETS: Readonly<Record<string, number>> = {
  'mlp-mnist': 0.95,
  'lenet5-mnist': 0.975,
  'vgg-mini-28-fashion-mnist': 0.88,
  'vgg-mini-32-cifar10': 0.55,
};

/** A few hundred KB up to about 1 MB in all. */
const MAX_TOTAL_BYTES = 1.2 * 1024 * 1024;

const readJson = (file: string): unknown => JSON.parse(readFileSync(join(MODELS, file), 'utf8'));
const index = parsePretrainedIndex(readJson('index.json'));
const checkpoints = new Map<string, Checkpoint>(
  index.models.map((m) => [m.id, parseCheckpoint(readJson(m.file))]),
);

function checkpointOf(entry: PretrainedEntry): Checkpoint {
  const checkpoint = checkpoints.get(entry.id);
  if (!checkpoint) throw new Error(`no checkpoint for ${entry.id}`);
  return checkpoint;
}

describe('the pretrained networks in public/models', () => {
  test('index.json lists every job of the plan once, with its file and size', () => {
    expect(index.models.map((m) => m.id).sort()).toEqual(PRETRAIN_JOBS.map((j) => j.id).sort());
    for (const entry of index.models) {
      const job = PRETRAIN_JOBS.find((j) => j.id === entry.id);
      expect(entry, entry.id).toMatchObject({
        network: job?.network,
        dataset: job?.dataset,
        seed: job?.seed,
        epochs: job?.epochs,
        file: `${entry.id}.json`,
      });
      expect(statSync(join(MODELS, entry.file)).size, entry.file).toBe(entry.bytes);
    }
    const listed = new Set([...index.models.map((m) => m.file), 'index.json']);
    expect(readdirSync(MODELS).filter((f) => !listed.has(f))).toEqual([]);
  });

  test('the folder stays small', () => {
    const total = readdirSync(MODELS).reduce((sum, f) => sum + statSync(join(MODELS, f)).size, 0);
    expect(total).toBeLessThan(MAX_TOTAL_BYTES);
  });

  test.each(index.models.map((m) => [m.id, m] as const))(
    '%s is its catalogue network, weight by weight',
    (_, entry) => {
      const checkpoint = checkpointOf(entry);
      const network = catalogueEntryOf(entry.network)?.network;
      expect(checkpoint.network).toEqual(network);
      expect(checkpoint.dataset).toBe(entry.dataset);
      const specs = networkWeightSpecs(network);
      const report = analyzeNetwork(network);
      expect(specs).not.toBeNull();
      const expected = (specs ?? []).flatMap((layer) =>
        layer.weights.map((w) => ({
          layerIndex: layer.layerIndex,
          name: layer.name,
          role: w.role,
          shape: [...w.shape],
        })),
      );
      const stored = checkpoint.weights.map((w) => decodeWeight(w));
      expect(
        stored.map(({ layerIndex, name, role, shape }) => ({ layerIndex, name, role, shape })),
      ).toEqual(expected);
      report.layers.forEach((layer, i) => {
        const values = stored
          .filter((w) => w.layerIndex === i)
          .reduce((sum, w) => sum + w.data.length, 0);
        const sized = (specs?.[i]?.weights ?? []).reduce((sum, w) => sum + weightSizeOf(w), 0);
        // Every stored value: trainable parameters and batch norm's running statistics.
        expect(values, `${entry.id} layer ${layer.name}`).toBe(layer.paramCount + layer.stateCount);
        expect(sized).toBe(layer.paramCount + layer.stateCount);
      });
      expect(entry.params).toBe(report.totalParams);
      for (const w of stored) {
        expect(w.data.every(Number.isFinite), `${w.name} ${w.role}`).toBe(true);
        expect(checkpoint.weights.find((c) => c.name === w.name)?.dtype).toBe('float16');
      }
    },
  );

  test.each(index.models.map((m) => [m.id, m] as const))(
    '%s meets its test accuracy target',
    (id, entry) => {
      const checkpoint = checkpointOf(entry);
      expect(checkpoint.testAccuracy).not.toBeNull();
      expect(entry.testAccuracy).toBeCloseTo(checkpoint.testAccuracy ?? NaN, 4);
      expect(checkpoint.testAccuracy).toBeGreaterThanOrEqual(TARGETS[id] ?? 1);
      expect(checkpoint.epoch).toBe(entry.epochs);
      expect(checkpoint.history.validation).toHaveLength(entry.epochs);
      expect(checkpoint.history.train.length).toBeGreaterThanOrEqual(entry.epochs);
    },
  );

  test('LeNet-5 loaded into the engine on the CPU backend scores what was recorded', async () => {
    tf.env().set('IS_TEST', true);
    await tf.setBackend('cpu');
    const entry = index.models.find((m) => m.id === 'lenet5-mnist');
    if (!entry) throw new Error('lenet5-mnist is not listed');
    const checkpoint = checkpointOf(entry);
    const settings = checkpoint.settings as {
      normalisation: NormalisationMode;
      stats: { mean: number[]; std: number[] };
    };
    const { test: testSet } = readDiskDataset('public/data', 'mnist');
    const model = createModel(checkpoint.network, { seed: 0, init: 'zeros' });
    try {
      writeWeights(model, checkpoint.weights.map(decodeWeight));
      const result = await evaluate(model, testSet, {
        normalisation: settings.normalisation,
        stats: { ...settings.stats, meanImage: new Float32Array(0) },
      });
      // The same float16 weights; only the backends' float32 rounding differs.
      expect(Math.abs(result.accuracy - (checkpoint.testAccuracy ?? 0))).toBeLessThanOrEqual(0.005);
    } finally {
      model.dispose();
    }
  }, 30_000);
});
