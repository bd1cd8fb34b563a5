import type { InitScheme } from '../core/initialisation';
import type { OptimizerValues, WeightValues } from '../core/inspection';
import type { AugmentationConfig } from '../data/augment';
import { gatherBatch } from '../data/batches';
import type { NormalisationMode } from '../data/normalise';
import type { DatasetStats } from '../data/stats';
import type { ImageSet } from '../data/types';
import { inspectSample, type Inspection, type InspectOptions } from './inspect';
import { createModel, ModelError, type Model } from './model';
import { createOptimizer, type Optimizer, type OptimizerConfig } from './optimizers';
import { optimizerValuesOf, optimizerStateOf, readWeights, writeWeights } from './records';
import { createBatchSchedule, START, type BatchSchedule, type SchedulePosition } from './schedule';
import { classCountOf, evaluate, trainStep, type Evaluation, type StepResult } from './train';

/**
 * A training run: the model, its optimiser and its place in the data, driven one step at
 * a time. This is what the worker holds; everything it returns is plain data.
 */

export interface TrainingConfig {
  readonly optimizer: OptimizerConfig;
  readonly batchSize: number;
  /** Augmentation applied on the fly to training batches; none when left out. */
  readonly augmentation?: AugmentationConfig;
}

export interface SessionOptions {
  readonly network: unknown;
  readonly seed: string | number;
  readonly init: InitScheme;
  /** The training images (the validation and test splits are passed to `evaluate`). */
  readonly train: ImageSet;
  readonly normalisation: NormalisationMode;
  /** Statistics of the training split, for normalisation. */
  readonly stats: DatasetStats;
  readonly config: TrainingConfig;
}

export interface SessionStep extends StepResult {
  /** Steps taken so far, this one included. */
  readonly step: number;
  /** The epoch this step belonged to, from 0. */
  readonly epoch: number;
  /** Share of that epoch done after this step, 0 to 1. */
  readonly epochProgress: number;
  readonly endsEpoch: boolean;
}

/** Everything needed to carry a run on elsewhere (another backend, a later visit). */
export interface SessionSnapshot {
  readonly step: number;
  readonly position: SchedulePosition;
  readonly weights: WeightValues[];
  /** The optimiser's state; left out (an older checkpoint), the optimiser starts afresh. */
  readonly optimizer?: OptimizerValues;
}

export interface TrainingSession {
  readonly model: Model;
  readonly step: number;
  readonly position: SchedulePosition;
  readonly config: TrainingConfig;
  /** One gradient-descent step on the next batch. */
  trainStep(): Promise<SessionStep>;
  /** Test-mode loss, accuracy and predictions on a set (validation or test split). */
  evaluate(
    set: ImageSet,
    options?: { batchSize?: number; signal?: AbortSignal },
  ): Promise<Evaluation>;
  /** Inspects image `index` of a set, normalised as in training, without augmentation. */
  inspect(set: ImageSet, index: number, options?: InspectOptions): Promise<Inspection>;
  /** Changes hyper-parameters; the optimiser keeps its state unless its kind changes. */
  configure(config: Partial<TrainingConfig>): void;
  /** Starts again from the seed (the same one, or a new one) with fresh weights. */
  reset(changes?: { seed?: string | number; init?: InitScheme }): void;
  snapshot(): Promise<SessionSnapshot & { readonly optimizer: OptimizerValues }>;
  /**
   * Loads a snapshot's weights, position and optimiser state, all or nothing (throws when a
   * shape does not fit). The optimiser starts afresh when the snapshot has no state for it,
   * or one of another kind (the run's optimiser was changed since).
   */
  restore(snapshot: SessionSnapshot): void;
  dispose(): void;
}

/**
 * A position kept from a run whose training split was larger ends the epoch where this
 * split does: the next step starts the next epoch rather than gathering an empty batch.
 */
function positionWithin(position: SchedulePosition, count: number): SchedulePosition {
  return position.offset < count ? position : { epoch: position.epoch + 1, offset: 0 };
}

/**
 * Builds the model and optimiser from the seed and sets the run at its start. Throws a
 * ModelError when the network cannot be built or cannot classify the dataset's classes.
 */
export function createSession(options: SessionOptions): TrainingSession {
  let seed = options.seed;
  let init = options.init;
  let config = options.config;
  let model: Model = createModel(options.network, { seed, init });
  const classes = classCountOf(model);
  if (classes < options.train.classCount) {
    model.dispose();
    throw new ModelError(
      `The network ends in ${classes} class scores but the dataset has ${options.train.classCount} classes; give the last dense layer ${options.train.classCount} units.`,
    );
  }
  let optimizer: Optimizer = createOptimizer(config.optimizer);
  let schedule: BatchSchedule = scheduleFor(seed);
  let position = START;
  let step = 0;

  function scheduleFor(s: string | number): BatchSchedule {
    return createBatchSchedule({
      set: options.train,
      seed: s,
      normalisation: options.normalisation,
      stats: options.stats,
    });
  }

  return {
    get model() {
      return model;
    },
    get step() {
      return step;
    },
    get position() {
      return position;
    },
    get config() {
      return config;
    },
    async trainStep() {
      const scheduled = schedule.batchAt(position, config.batchSize, config.augmentation);
      const result = await trainStep(model, optimizer, scheduled.batch, scheduled.dropoutRandom);
      position = scheduled.next;
      step++;
      const done = scheduled.position.offset + scheduled.batch.count;
      return {
        ...result,
        step,
        epoch: scheduled.position.epoch,
        epochProgress: done / schedule.count,
        endsEpoch: scheduled.endsEpoch,
      };
    },
    evaluate(set, evalOptions = {}) {
      return evaluate(model, set, {
        normalisation: options.normalisation,
        stats: options.stats,
        ...evalOptions,
      });
    },
    inspect(set, index, inspectOptions) {
      const batch = gatherBatch(set, Uint32Array.of(index), {
        normalisation: options.normalisation,
        stats: options.stats,
      });
      return inspectSample(model, batch.images, batch.labels[0] ?? 0, inspectOptions);
    },
    configure(changes) {
      config = { ...config, ...changes };
      optimizer.configure(config.optimizer);
    },
    reset(changes = {}) {
      seed = changes.seed ?? seed;
      init = changes.init ?? init;
      const next = createModel(options.network, { seed, init });
      model.dispose();
      optimizer.dispose();
      model = next;
      optimizer = createOptimizer(config.optimizer);
      schedule = scheduleFor(seed);
      position = START;
      step = 0;
    },
    async snapshot() {
      const weights = await readWeights(model);
      const state = await optimizer.exportState(model.trainableWeights);
      return { step, position, weights, optimizer: optimizerValuesOf(model, state) };
    },
    restore(snapshot) {
      const next = createOptimizer(config.optimizer);
      try {
        const kept = snapshot.optimizer;
        if (kept && kept.name === config.optimizer.name)
          next.importState(model.trainableWeights, optimizerStateOf(model, kept));
        writeWeights(model, snapshot.weights);
      } catch (error) {
        next.dispose();
        throw error;
      }
      optimizer.dispose();
      optimizer = next;
      position = positionWithin(snapshot.position, schedule.count);
      step = snapshot.step;
    },
    dispose() {
      model.dispose();
      optimizer.dispose();
    },
  };
}
