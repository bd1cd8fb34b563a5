import type { Random } from '../core/random';
import { augmentImage, type AugmentationConfig } from './augment';
import { normalisePixels, type NormalisationMode } from './normalise';
import type { DatasetStats } from './stats';
import { pixelsPerImage, type ImageSet } from './types';

/**
 * Mini-batches: each epoch visits every training image once, in an order drawn from
 * the data-order stream, so a seed fixes the whole sequence of batches.
 */

/** The indices 0 … count − 1 in a random order (Fisher–Yates). */
export function shuffledIndices(count: number, random: Random): Uint32Array {
  const order = new Uint32Array(count);
  for (let i = 0; i < count; i++) order[i] = i;
  return random.shuffle(order);
}

/**
 * The visiting order of one epoch. Each epoch forks its own stream from `dataOrder`, so
 * epoch 7's order is known without replaying epochs 0 to 6 (resuming gives the same run).
 */
export function epochOrder(count: number, dataOrder: Random, epoch: number): Uint32Array {
  return shuffledIndices(count, dataOrder.fork(`epoch ${epoch}`));
}

/** Cuts an order into batches of `batchSize` (views); the last may be smaller unless dropped. */
export function splitIntoBatches(
  order: Uint32Array,
  batchSize: number,
  dropLast = false,
): Uint32Array[] {
  if (!Number.isInteger(batchSize) || batchSize < 1) {
    throw new RangeError(`The batch size must be a whole number from 1; got ${batchSize}.`);
  }
  const batches: Uint32Array[] = [];
  for (let start = 0; start < order.length; start += batchSize) {
    const batch = order.subarray(start, start + batchSize);
    if (batch.length === batchSize || !dropLast) batches.push(batch);
  }
  return batches;
}

/** Number of batches in an epoch: ⌈count / batchSize⌉, or ⌊count / batchSize⌋ dropping the last. */
export function batchesPerEpoch(count: number, batchSize: number, dropLast = false): number {
  return dropLast ? Math.floor(count / batchSize) : Math.ceil(count / batchSize);
}

export interface BatchOptions {
  readonly normalisation: NormalisationMode;
  readonly stats: DatasetStats;
  /** Augmentation with its stream; left out for evaluation batches. */
  readonly augmentation?: { readonly config: AugmentationConfig; readonly random: Random };
}

/** A batch ready for the network: N × H × W × C floats and N labels. */
export interface Batch {
  readonly count: number;
  readonly images: Float32Array;
  readonly labels: Uint8Array;
  readonly indices: Uint32Array;
}

/** Gathers, augments (in index order, so the stream use is fixed) and normalises a batch. */
export function gatherBatch(set: ImageSet, indices: Uint32Array, options: BatchOptions): Batch {
  const size = pixelsPerImage(set);
  const images = new Float32Array(indices.length * size);
  const labels = new Uint8Array(indices.length);
  indices.forEach((index, i) => {
    if (index >= set.count) {
      throw new RangeError(`Image ${index} does not exist: the set has ${set.count} images.`);
    }
    let pixels = set.images.subarray(index * size, (index + 1) * size);
    if (options.augmentation) {
      pixels = augmentImage(pixels, set, options.augmentation.config, options.augmentation.random);
    }
    normalisePixels(
      pixels,
      set.channels,
      options.normalisation,
      options.stats,
      images.subarray(i * size, (i + 1) * size),
    );
    labels[i] = set.labels[index] ?? 0;
  });
  return { count: indices.length, images, labels, indices: indices.slice() };
}
