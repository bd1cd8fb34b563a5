import type { Random } from '../src/core/random';
import { balancedSubset } from '../src/data/split';
import { selectImages, type ImageSet } from '../src/data/types';

/**
 * A class-balanced subset of `total` images in a shuffled order (sources often store
 * images class by class; a shuffled file shows every class early). Each choice draws
 * from its own fork of `random`, so the pick and the order do not disturb each other.
 */
export function pickBalanced(
  set: ImageSet,
  total: number,
  random: Random,
  label: string,
): ImageSet {
  const chosen = balancedSubset(
    set.labels,
    set.classCount,
    Math.min(total, set.count),
    random.fork(label),
  );
  return selectImages(set, random.fork(`${label} order`).shuffle(chosen));
}
