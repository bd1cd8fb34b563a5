import { createRandom } from '../core/random';
import type { LoadedDataset } from '../data/loader';
import { stratifiedSplit } from '../data/split';
import { computeStats, type DatasetStats } from '../data/stats';
import { selectImages, type ImageSet } from '../data/types';

/** The three sets a run uses, and the statistics normalisation needs. */
export interface RunData {
  readonly train: ImageSet;
  readonly validation: ImageSet;
  readonly test: ImageSet;
  readonly stats: DatasetStats;
}

/**
 * Holds back a class-stratified share of the training split for validation, drawn
 * from the lab's seed; the statistics come from what is left for training.
 */
export function prepareRunData(
  dataset: LoadedDataset,
  validationSplit: number,
  seed: number,
): RunData {
  const source = dataset.train;
  const held = Math.round(source.count * validationSplit);
  const split = stratifiedSplit(
    source.labels,
    source.classCount,
    held,
    createRandom(seed).fork('validation split'),
  );
  const train = selectImages(source, split.train);
  return {
    train,
    validation: selectImages(source, split.test),
    test: dataset.test,
    stats: computeStats(train),
  };
}

/** One image as a set of one, so the engine can inspect a drawing or a photo like a dataset image. */
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

/** confusion[true][predicted] counts. */
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
