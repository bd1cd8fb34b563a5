import { createRandom } from '../core/random';
import { stratifiedSplit } from './split';
import { computeStats, type DatasetStats } from './stats';
import { selectImages, type ImageSet } from './types';

/**
 * The sets a training run draws from a dataset's training split. The lab's worker and
 * the pretraining command both use these, so the shipped trained weights validate on
 * exactly the images the lab holds back for the same seed and share.
 */

/** The images a run trains on, the ones it holds back for validation, and the training statistics. */
export interface ValidationSplit {
  readonly train: ImageSet;
  readonly validation: ImageSet;
  /** Computed from `train` only, so normalisation never sees a validation image. */
  readonly stats: DatasetStats;
}

/**
 * Holds back round(count · share) images of `source` for validation, class-stratified and
 * drawn from the seed's "validation split" stream; the rest, in source order, train.
 */
export function splitValidation(source: ImageSet, share: number, seed: number): ValidationSplit {
  const held = Math.round(source.count * share);
  const split = stratifiedSplit(
    source.labels,
    source.classCount,
    held,
    createRandom(seed).fork('validation split'),
  );
  const train = selectImages(source, split.train);
  return { train, validation: selectImages(source, split.test), stats: computeStats(train) };
}

/**
 * How many images a run trains on: `limit` of the `available` ones the validation share
 * leaves, or all of them when the limit is 0 or more than there are.
 */
export function trainingImagesUsed(available: number, limit: number): number {
  return limit > 0 ? Math.min(limit, available) : available;
}

/**
 * The split with only `limit` training images (0 = all): a class-stratified draw from the
 * seed's "training subset" stream, kept in source order, so a seed always gives the same
 * images and each class keeps its share (ten of each digit at 100). The validation images
 * stay as they are, so the curves of a small run are measured on as many images as a large
 * one's; the statistics are taken from the images kept.
 */
export function limitTraining(
  split: ValidationSplit,
  limit: number,
  seed: number,
): ValidationSplit {
  const { train } = split;
  const used = trainingImagesUsed(train.count, limit);
  if (used === train.count) return split;
  const kept = stratifiedSplit(
    train.labels,
    train.classCount,
    used,
    createRandom(seed).fork('training subset'),
  ).test;
  const smaller = selectImages(train, kept);
  return { train: smaller, validation: split.validation, stats: computeStats(smaller) };
}

/** One image as a set of one (label 0), so a drawing or a photo can be inspected like a dataset image. */
export function singleImageSet(
  pixels: Uint8Array,
  height: number,
  width: number,
  channels: number,
  classCount: number,
): ImageSet {
  return {
    count: 1,
    height,
    width,
    channels,
    classCount,
    labels: Uint8Array.of(0),
    images: pixels.slice(),
  };
}

/** A network's results on the test split: overall, and which class was taken for which. */
export interface TestEvaluation {
  readonly loss: number;
  /** Share of test images classified right, 0 to 1. */
  readonly accuracy: number;
  /** The predicted class of every test image, in order. */
  readonly predictions: Uint8Array;
  /** confusion[true][predicted] = number of images (see confusionMatrix). */
  readonly confusion: readonly (readonly number[])[];
  /** The training step the network had reached. */
  readonly step: number;
}

/** confusion[true][predicted] = number of images; predictions outside the classes are not counted. */
export function confusionMatrix(
  labels: ArrayLike<number>,
  predictions: ArrayLike<number>,
  classCount: number,
): number[][] {
  const m = Array.from({ length: classCount }, () => new Array<number>(classCount).fill(0));
  for (let i = 0; i < labels.length; i++) {
    const row = m[labels[i] ?? 0];
    const p = predictions[i] ?? 0;
    if (row && p < classCount) row[p] = (row[p] ?? 0) + 1;
  }
  return m;
}
