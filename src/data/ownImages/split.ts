import { createRandom } from '../../core/random';
import { sampleByClass } from '../split';
import { countByClass } from '../types';

/**
 * The person's images split into train and test. Each class gives a tenth of its images
 * to test (at least one, when it has two or more), drawn from a fixed seed: the same
 * folder always gives the same split, whatever the lab's seed, so a test score means the
 * same images after a reload. The lab's validation split is then held back from train by
 * the run's own setup, as for the built-in sets (data/runSets.ts).
 */

/** Share of each class that goes to the test split. */
export const OWN_TEST_SHARE = 0.1;
/** The split's seed: fixed, so it depends only on the images. */
export const OWN_SPLIT_SEED = 13;

/** Test images per class: round(n · share), at least 1 for a class of two or more, none for a class of one. */
export function ownTestQuotas(classCounts: readonly number[], share = OWN_TEST_SHARE): number[] {
  return classCounts.map((n) => (n < 2 ? 0 : Math.min(n - 1, Math.max(1, Math.round(n * share)))));
}

/** Indices of the test and training images, each ascending, stratified by class, from the fixed seed. */
export function splitOwnImages(
  labels: ArrayLike<number>,
  classCount: number,
  seed = OWN_SPLIT_SEED,
): { readonly train: Uint32Array; readonly test: Uint32Array } {
  const quotas = ownTestQuotas(countByClass(labels, classCount));
  const test = sampleByClass(labels, quotas, createRandom(seed).fork('own test split'));
  const inTest = new Uint8Array(labels.length);
  test.forEach((i) => (inTest[i] = 1));
  const train: number[] = [];
  for (let i = 0; i < labels.length; i++) if (inTest[i] === 0) train.push(i);
  return { train: Uint32Array.from(train), test };
}
