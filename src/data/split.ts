import type { Random } from '../core/random';
import { countByClass } from './types';

/**
 * Class-stratified splits and subsets. Each class keeps its share, so a small test
 * split does not end up short of some digit by bad luck; which images go where is
 * drawn from a seeded stream, so the same seed always gives the same split.
 */

export interface Split {
  /** Indices into the source, in ascending order. */
  readonly train: Uint32Array;
  readonly test: Uint32Array;
}

/**
 * Per-class quotas proportional to the class counts that sum to `total`:
 * floor(total · nₖ / N), then the largest remainders get one more (ties to the lower class).
 */
export function proportionalQuotas(classCounts: readonly number[], total: number): number[] {
  const all = classCounts.reduce((sum, n) => sum + n, 0);
  checkTotal(total, all);
  if (all === 0) return classCounts.map(() => 0);
  const exact = classCounts.map((n) => (total * n) / all);
  const quotas = exact.map(Math.floor);
  const order = exact
    .map((value, k) => ({ k, remainder: value - Math.floor(value) }))
    .sort((a, b) => b.remainder - a.remainder || a.k - b.k);
  let missing = total - quotas.reduce((sum, q) => sum + q, 0);
  for (const { k } of order) {
    if (missing === 0) break;
    quotas[k] = (quotas[k] ?? 0) + 1;
    missing--;
  }
  return quotas;
}

/**
 * Per-class quotas as equal as the class counts allow, summing to `total`: every class
 * gets the same share, a class with too few images gives all it has and the others share
 * what it could not give (ties to the lower class).
 */
export function balancedQuotas(classCounts: readonly number[], total: number): number[] {
  checkTotal(
    total,
    classCounts.reduce((sum, n) => sum + n, 0),
  );
  const quotas = classCounts.map(() => 0);
  let left = total;
  while (left > 0) {
    const open = classCounts
      .map((n, k) => k)
      .filter((k) => (quotas[k] ?? 0) < (classCounts[k] ?? 0));
    const share = Math.max(1, Math.floor(left / open.length));
    for (const k of open) {
      if (left === 0) break;
      const give = Math.min(share, (classCounts[k] ?? 0) - (quotas[k] ?? 0), left);
      quotas[k] = (quotas[k] ?? 0) + give;
      left -= give;
    }
  }
  return quotas;
}

function checkTotal(total: number, available: number): void {
  if (!Number.isInteger(total) || total < 0 || total > available) {
    throw new RangeError(`Cannot take ${total} images from ${available}.`);
  }
}

/** Indices of each class, in ascending order. */
function indicesByClass(labels: ArrayLike<number>, classCount: number): number[][] {
  const groups: number[][] = Array.from({ length: classCount }, () => []);
  for (let i = 0; i < labels.length; i++) groups[labels[i] ?? 0]?.push(i);
  return groups;
}

/** Takes quotas[k] random images of each class k; returns their indices in ascending order. */
export function sampleByClass(
  labels: ArrayLike<number>,
  quotas: readonly number[],
  random: Random,
): Uint32Array {
  const groups = indicesByClass(labels, quotas.length);
  const chosen: number[] = [];
  groups.forEach((group, k) => {
    // Each class draws from its own stream, so one class's size cannot shift another's picks.
    random.fork(`class ${k}`).shuffle(group);
    chosen.push(...group.slice(0, quotas[k] ?? 0));
  });
  return Uint32Array.from(chosen).sort();
}

/** Splits into train and test keeping each class's share in both; `testCount` images go to test. */
export function stratifiedSplit(
  labels: ArrayLike<number>,
  classCount: number,
  testCount: number,
  random: Random,
): Split {
  const quotas = proportionalQuotas(countByClass(labels, classCount), testCount);
  const test = sampleByClass(labels, quotas, random);
  const inTest = new Uint8Array(labels.length);
  test.forEach((i) => (inTest[i] = 1));
  const train: number[] = [];
  for (let i = 0; i < labels.length; i++) {
    if (inTest[i] === 0 && (labels[i] ?? classCount) < classCount) train.push(i);
  }
  return { train: Uint32Array.from(train), test };
}

/** A class-balanced subset of `total` images (as equal per class as the counts allow). */
export function balancedSubset(
  labels: ArrayLike<number>,
  classCount: number,
  total: number,
  random: Random,
): Uint32Array {
  return sampleByClass(labels, balancedQuotas(countByClass(labels, classCount), total), random);
}
