import { describe, expect, test } from 'vitest';
import { NO_AUGMENTATION } from '../../../src/data/augment';
import { computeStats } from '../../../src/data/stats';
import { EARLY_STOPPING_START, updateEarlyStopping } from '../../../src/engine/earlyStopping';
import { createBatchSchedule, START, type SchedulePosition } from '../../../src/engine/schedule';
import { syntheticDigits } from './fixtures';

const set = syntheticDigits(10, 'schedule', 8, 3);
const options = { set, seed: 'order', normalisation: 'scale' as const, stats: computeStats(set) };
const augmentation = { ...NO_AUGMENTATION, shift: 2, noise: 0.05 };

function epochIndices(seed: string, batchSize: number): number[][] {
  const schedule = createBatchSchedule({ ...options, seed });
  const batches: number[][] = [];
  let position: SchedulePosition = START;
  for (;;) {
    const scheduled = schedule.batchAt(position, batchSize);
    batches.push(Array.from(scheduled.batch.indices));
    position = scheduled.next;
    if (scheduled.endsEpoch) break;
  }
  return batches;
}

describe('the batch schedule', () => {
  test('an epoch visits every image once, in an order fixed by the seed', () => {
    const batches = epochIndices('order', 4);
    expect(batches.map((b) => b.length)).toEqual([4, 4, 2]);
    expect(batches.flat().sort((a, b) => a - b)).toEqual([0, 1, 2, 3, 4, 5, 6, 7, 8, 9]);
    expect(epochIndices('order', 4)).toEqual(batches);
    expect(epochIndices('other', 4).flat()).not.toEqual(batches.flat());
  });

  test('a batch depends only on its position: augmentation and dropout streams included', () => {
    const a = createBatchSchedule(options).batchAt({ epoch: 3, offset: 4 }, 3, augmentation);
    const b = createBatchSchedule(options).batchAt({ epoch: 3, offset: 4 }, 3, augmentation);
    expect(b.batch.images).toEqual(a.batch.images);
    expect(b.dropoutRandom.next()).toBe(a.dropoutRandom.next());
    const plain = createBatchSchedule(options).batchAt({ epoch: 3, offset: 4 }, 3);
    expect(plain.batch.indices).toEqual(a.batch.indices);
    expect(plain.batch.images).not.toEqual(a.batch.images);
    expect(a.next).toEqual({ epoch: 3, offset: 7 });
  });

  test('the next epoch has another order; a bad batch size is refused', () => {
    const schedule = createBatchSchedule(options);
    const first = schedule.batchAt({ epoch: 0, offset: 0 }, 10);
    expect(first.endsEpoch).toBe(true);
    expect(first.next).toEqual({ epoch: 1, offset: 0 });
    expect(schedule.batchAt(first.next, 10).batch.indices).not.toEqual(first.batch.indices);
    expect(() => schedule.batchAt(START, 0)).toThrow(/batch size/);
  });
});

describe('early stopping', () => {
  test('stops after `patience` evaluations without an improvement of minDelta, keeping the best', () => {
    let state = EARLY_STOPPING_START;
    const trace = [1.0, 0.8, 0.79, 0.85, 0.7, 0.71, 0.705, 0.72].map((loss) => {
      state = updateEarlyStopping(state, loss, { patience: 3, minDelta: 0.02 });
      return state.stop;
    });
    expect(trace).toEqual([false, false, false, false, false, false, false, true]);
    expect(state.best).toBe(0.7);
    expect(state.bestAt).toBe(4);
  });

  test('a loss that is no longer finite stops at once', () => {
    const state = updateEarlyStopping(EARLY_STOPPING_START, NaN, { patience: 5 });
    expect(state.stop).toBe(true);
    expect(state.improved).toBe(false);
  });
});
