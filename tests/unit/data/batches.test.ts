import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../src/core/random';
import { NO_AUGMENTATION } from '../../../src/data/augment';
import {
  batchesPerEpoch,
  epochOrder,
  gatherBatch,
  shuffledIndices,
  splitIntoBatches,
} from '../../../src/data/batches';
import { computeStats } from '../../../src/data/stats';
import { makeSet } from './fixtures';

describe('shuffling and batching', () => {
  it('shuffles to the same permutation for the same seed', () => {
    const a = shuffledIndices(100, createRandom('order'));
    const b = shuffledIndices(100, createRandom('order'));
    const c = shuffledIndices(100, createRandom('order 2'));
    expect(a).toEqual(b);
    expect(a).not.toEqual(c);
    expect(Array.from(a).sort((x, y) => x - y)).toEqual(Array.from({ length: 100 }, (_, i) => i));
  });

  it('gives each epoch its own order, computable without replaying earlier epochs', () => {
    const dataOrder = createRandom('lab').fork('data order');
    const epoch0 = epochOrder(50, dataOrder, 0);
    const epoch1 = epochOrder(50, dataOrder, 1);
    expect(epoch1).not.toEqual(epoch0);
    expect(epochOrder(50, createRandom('lab').fork('data order'), 1)).toEqual(epoch1);
  });

  it('cuts an order into batches, keeping or dropping the short last one', () => {
    const order = Uint32Array.from({ length: 10 }, (_, i) => i);
    expect(splitIntoBatches(order, 4).map((b) => Array.from(b))).toEqual([
      [0, 1, 2, 3],
      [4, 5, 6, 7],
      [8, 9],
    ]);
    expect(splitIntoBatches(order, 4, true)).toHaveLength(2);
    expect(batchesPerEpoch(10, 4)).toBe(3);
    expect(batchesPerEpoch(10, 4, true)).toBe(2);
    expect(() => splitIntoBatches(order, 0)).toThrow(/batch size/);
  });

  it('gathers a batch: images in index order, normalised, with their labels', () => {
    const set = makeSet(6, 2, 2, 1);
    const stats = computeStats(set);
    const batch = gatherBatch(set, Uint32Array.from([4, 1]), { normalisation: 'scale', stats });
    expect(batch.count).toBe(2);
    expect(Array.from(batch.labels)).toEqual([4, 1]);
    expect(Array.from(batch.images.subarray(0, 4))).toEqual(
      [28, 29, 30, 31].map((v) => Math.fround(v / 255)),
    );
    expect(Array.from(batch.images.subarray(4, 8))).toEqual(
      [7, 8, 9, 10].map((v) => Math.fround(v / 255)),
    );
    expect(() =>
      gatherBatch(set, Uint32Array.from([6]), { normalisation: 'scale', stats }),
    ).toThrow(/Image 6 does not exist/);
  });

  it('augments deterministically for a seed', () => {
    const set = makeSet(4, 5, 5, 1);
    const stats = computeStats(set);
    const config = { ...NO_AUGMENTATION, shift: 2, noise: 0.1 };
    const run = (seed: string) =>
      gatherBatch(set, Uint32Array.from([0, 1, 2, 3]), {
        normalisation: 'none',
        stats,
        augmentation: { config, random: createRandom(seed) },
      }).images;
    expect(run('aug')).toEqual(run('aug'));
    expect(run('aug')).not.toEqual(run('aug 2'));
  });
});
