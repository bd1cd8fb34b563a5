import { createRandom, type Random } from '../core/random';
import { epochOrder, gatherBatch, type Batch } from '../data/batches';
import type { AugmentationConfig } from '../data/augment';
import { isIdentityAugmentation } from '../data/augment';
import type { NormalisationMode } from '../data/normalise';
import type { DatasetStats } from '../data/stats';
import type { ImageSet } from '../data/types';

/**
 * Which images each training step sees, and the random streams it uses, as a pure
 * function of the seed and the position in the run. Every stream is forked from the seed
 * by name and position, so batch order, augmentation and dropout masks repeat exactly,
 * and a run can resume (or change its batch size) without replaying what came before.
 */

/** Where a run is: the epoch and how many of its images have been used. */
export interface SchedulePosition {
  readonly epoch: number;
  readonly offset: number;
}

export const START: SchedulePosition = { epoch: 0, offset: 0 };

export interface ScheduledBatch {
  readonly position: SchedulePosition;
  readonly batch: Batch;
  /** Stream for this step's dropout masks. */
  readonly dropoutRandom: Random;
  /** Where the next step starts. */
  readonly next: SchedulePosition;
  /** True when this batch finishes the epoch. */
  readonly endsEpoch: boolean;
}

export interface BatchScheduleOptions {
  readonly set: ImageSet;
  readonly seed: string | number;
  readonly normalisation: NormalisationMode;
  readonly stats: DatasetStats;
}

export interface BatchSchedule {
  readonly count: number;
  /** The batch of `batchSize` images (fewer at the end of an epoch) at a position. */
  batchAt(
    position: SchedulePosition,
    batchSize: number,
    augmentation?: AugmentationConfig,
  ): ScheduledBatch;
}

/** Streams: `seed/data order/epoch e`, `seed/augmentation/e:o`, `seed/dropout/e:o`. */
export function createBatchSchedule(options: BatchScheduleOptions): BatchSchedule {
  const root = createRandom(options.seed);
  const dataOrder = root.fork('data order');
  const count = options.set.count;
  if (count === 0) throw new RangeError('There are no training images.');
  let cached: { epoch: number; order: Uint32Array } | null = null;
  const orderOf = (epoch: number): Uint32Array => {
    if (cached?.epoch !== epoch) cached = { epoch, order: epochOrder(count, dataOrder, epoch) };
    return cached.order;
  };
  return {
    count,
    batchAt(position, batchSize, augmentation) {
      if (!Number.isInteger(batchSize) || batchSize < 1) {
        throw new RangeError(`The batch size must be a whole number from 1; got ${batchSize}.`);
      }
      const { epoch, offset } = position;
      const indices = orderOf(epoch).subarray(offset, offset + batchSize);
      const key = `${epoch}:${offset}`;
      const augment = augmentation && !isIdentityAugmentation(augmentation);
      const batch = gatherBatch(options.set, indices, {
        normalisation: options.normalisation,
        stats: options.stats,
        ...(augment
          ? { augmentation: { config: augmentation, random: root.fork('augmentation').fork(key) } }
          : {}),
      });
      const endsEpoch = offset + indices.length >= count;
      return {
        position,
        batch,
        dropoutRandom: root.fork('dropout').fork(key),
        next: endsEpoch
          ? { epoch: epoch + 1, offset: 0 }
          : { epoch, offset: offset + indices.length },
        endsEpoch,
      };
    },
  };
}
