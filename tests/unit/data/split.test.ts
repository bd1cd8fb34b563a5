import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../src/core/random';
import {
  balancedQuotas,
  balancedSubset,
  proportionalQuotas,
  stratifiedSplit,
} from '../../../src/data/split';
import { countByClass } from '../../../src/data/types';

/** Labels like the mnist package's: class by class, with unequal class sizes. */
const mnistLikeCounts = [1001, 1127, 991, 1032, 980, 863, 1014, 1070, 944, 978];
const labels = Uint8Array.from(mnistLikeCounts.flatMap((n, k) => new Array<number>(n).fill(k)));

describe('quotas', () => {
  it('splits proportionally by largest remainder, summing exactly', () => {
    const quotas = proportionalQuotas(mnistLikeCounts, 2000);
    expect(quotas.reduce((s, q) => s + q, 0)).toBe(2000);
    // 20% of each class: 200.2, 225.4, 198.2, 206.4, 196, 172.6, 202.8, 214, 188.8, 195.6.
    expect(quotas).toEqual([200, 225, 198, 206, 196, 173, 203, 214, 189, 196]);
  });

  it('balances classes, giving what a small class cannot to the others', () => {
    expect(balancedQuotas([10, 10, 10], 9)).toEqual([3, 3, 3]);
    expect(balancedQuotas([10, 10, 10], 10)).toEqual([4, 3, 3]);
    expect(balancedQuotas([2, 10, 10], 12)).toEqual([2, 5, 5]);
    expect(() => balancedQuotas([2, 2], 5)).toThrow(/Cannot take 5 images from 4/);
  });
});

describe('stratifiedSplit', () => {
  const split = stratifiedSplit(labels, 10, 2000, createRandom('split'));

  it('makes 8,000 / 2,000 with every class in proportion and no image twice', () => {
    expect(split.train.length).toBe(8000);
    expect(split.test.length).toBe(2000);
    const testCounts = countByClass(
      Array.from(split.test, (i) => labels[i] ?? 0),
      10,
    );
    expect(testCounts).toEqual(proportionalQuotas(mnistLikeCounts, 2000));
    const all = new Set([...split.train, ...split.test]);
    expect(all.size).toBe(10_000);
  });

  it('is the same for the same seed and different for another', () => {
    const again = stratifiedSplit(labels, 10, 2000, createRandom('split'));
    expect(again.test).toEqual(split.test);
    expect(again.train).toEqual(split.train);
    const other = stratifiedSplit(labels, 10, 2000, createRandom('other'));
    expect(other.test).not.toEqual(split.test);
  });

  it('picks at random within a class, not the first images', () => {
    const zeros = Array.from(split.test).filter((i) => labels[i] === 0);
    expect(Math.max(...zeros)).toBeGreaterThan(500);
  });
});

describe('balancedSubset', () => {
  it('takes equal numbers per class, deterministically', () => {
    const subset = balancedSubset(labels, 10, 5000, createRandom('b'));
    const counts = countByClass(
      Array.from(subset, (i) => labels[i] ?? 0),
      10,
    );
    expect(counts).toEqual(new Array(10).fill(500));
    expect(balancedSubset(labels, 10, 5000, createRandom('b'))).toEqual(subset);
  });
});
