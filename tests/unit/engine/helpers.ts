import '@tensorflow/tfjs-backend-cpu';
import { expect } from 'vitest';
import { createRandom, type Random } from '../../../src/core/random';
import type { LayerWeightValues, RefTensor } from '../../../src/core/reference';
import { createModel, type Model } from '../../../src/engine/model';
import type { WeightValues } from '../../../src/core/inspection';
import { readWeights, writeWeights } from '../../../src/engine/records';
import { tf } from '../../../src/engine/tf';

/** Switches to the CPU backend, quietly (no "install tfjs-node" banner). */
export async function useCpu(): Promise<void> {
  tf.env().set('IS_TEST', true);
  await tf.setBackend('cpu');
  await tf.ready();
}

/** N(0, 1) values from a seeded stream. */
export function randomValues(size: number, random: Random, scale = 1): Float32Array {
  return Float32Array.from({ length: size }, () => random.normal(0, scale));
}

/** A model of one network document with every weight random (biases and statistics too). */
export async function randomModel(network: object, seed: string): Promise<Model> {
  const model = createModel(network, { seed, init: 'glorot' });
  const random = createRandom(seed).fork('weights');
  const records = await readWeights(model);
  writeWeights(
    model,
    records.map((r) => ({
      ...r,
      data:
        r.role === 'movingVariance'
          ? r.data.map(() => 0.5 + random.next())
          : randomValues(r.data.length, random, r.role === 'kernel' ? 0.5 : 0.3),
    })),
  );
  return model;
}

/** The weight records as the reference ops' per-layer values. */
export function referenceWeights(records: readonly WeightValues[]): LayerWeightValues[] {
  const layers: LayerWeightValues[] = [];
  for (const r of records) {
    layers[r.layerIndex] = { ...layers[r.layerIndex], [r.role]: { shape: r.shape, data: r.data } };
  }
  return layers;
}

/**
 * Normwise relative error: max |a − b| over the largest |b| (at least `floor`). Element-wise
 * relative error would punish the float32 rounding of sums that nearly cancel to zero.
 */
export function relativeError(
  actual: ArrayLike<number>,
  expected: ArrayLike<number>,
  floor = 1e-6,
): number {
  expect(actual.length).toBe(expected.length);
  let difference = 0;
  let scale = floor;
  for (let i = 0; i < actual.length; i++) {
    const a = actual[i] ?? NaN;
    const b = expected[i] ?? NaN;
    const d = Math.abs(a - b);
    difference = Number.isNaN(d) ? Infinity : Math.max(difference, d);
    scale = Math.max(scale, Math.abs(b));
  }
  return difference / scale;
}

/** Sample i of an NHWC batch as a reference tensor. */
export function sampleOf(batch: Float32Array, shape: readonly number[], i: number): RefTensor {
  const size = shape.reduce((p, n) => p * n, 1);
  return { shape, data: batch.slice(i * size, (i + 1) * size) };
}
