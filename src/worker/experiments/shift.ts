import { catalogueEntryOf } from '../../core/catalogue';
import {
  SHIFT_NETWORKS,
  shiftRange,
  shiftRequestProblem,
  type ShiftNetworkResult,
  type ShiftOutcome,
  type ShiftRequest,
  type ShiftStatus,
} from '../../core/shiftInvariance';
import { shiftImageSet, shiftOffsets } from '../../data/shift';
import { imageAt, selectImages, type ImageSet } from '../../data/types';
import type { TrainingSession } from '../../engine';
import { createBackgroundJob, type JobControl } from '../backgroundJob';
import type { ExperimentContext } from '../experimentContext';
import { prepareRunData, type RunData } from '../runData';
import { yieldToEvents } from '../yieldToEvents';

/** The digits both networks train on: centred MNIST, as the dataset ships. */
const SHIFT_DATASET = 'mnist';
/** The share held back for validation, as a run's default: the same training images a run uses. */
const VALIDATION_SHARE = 0.1;
/** Adam at its usual rate, batches of 32: the lab's default training settings. */
const TRAINING = {
  optimizer: { name: 'adam', learningRate: 0.001, l1: 0, l2: 0 },
  batchSize: 32,
} as const;
const CANCELLED =
  'Stopped: the shift experiment was cancelled. Run it again to train both networks afresh.';

export interface ShiftApi {
  /** Starts training the MLP and the CNN on centred digits in side sessions; poll `shiftExperimentStatus`. */
  startShiftExperiment(request: ShiftRequest): Promise<void>;
  shiftExperimentStatus(): Promise<ShiftStatus>;
  /** Stops the experiment after its current step. */
  cancelShiftExperiment(): Promise<void>;
}

type Control = JobControl<ShiftStatus>;

/**
 * The shift experiment's worker methods. Both networks are side sessions built with
 * `createSession` from the same run-data preparation as the person's run (the seed's
 * validation split held back), so the person's model, weights and curves are never touched.
 */
export function createShiftApi(ctx: ExperimentContext): ShiftApi {
  const job = createBackgroundJob<ShiftStatus>();

  async function trainOne(
    request: ShiftRequest,
    data: RunData,
    network: (typeof SHIFT_NETWORKS)[number]['id'],
    control: Control,
  ): Promise<TrainingSession | null> {
    const entry = catalogueEntryOf(network);
    if (!entry) throw new Error(`The catalogue has no network "${network}".`);
    const session = ctx.createSession({
      network: entry.network,
      seed: request.seed,
      init: 'he',
      train: data.train,
      normalisation: 'scale',
      stats: data.stats,
      config: TRAINING,
    });
    for (let step = 0; step < request.steps; step++) {
      if (control.stopped()) {
        session.dispose();
        return null;
      }
      await session.trainStep();
      control.progress({
        network,
        phase: 'training',
        done: step + 1,
        total: request.steps,
      });
      // Lets a cancel, a status poll or the person's own training step in.
      await yieldToEvents();
    }
    return session;
  }

  async function testOne(
    session: TrainingSession,
    test: ImageSet,
    request: ShiftRequest,
    network: ShiftNetworkResult['network'],
    control: Control,
  ): Promise<ShiftNetworkResult | null> {
    const shifts = shiftRange(request.maxShift);
    const accuracy: number[] = [];
    const examplePredictions: number[] = [];
    for (const pixels of shifts) {
      if (control.stopped()) return null;
      const { dx, dy } = shiftOffsets(request.direction, pixels);
      const result = await session.evaluate(shiftImageSet(test, dx, dy));
      accuracy.push(result.accuracy);
      examplePredictions.push(result.predictions[0] ?? 0);
      control.progress({
        network,
        phase: 'testing',
        done: accuracy.length,
        total: shifts.length,
      });
      await yieldToEvents();
    }
    return { network, accuracy, examplePredictions };
  }

  async function run(request: ShiftRequest, control: Control): Promise<ShiftOutcome | string> {
    await ctx.backendStarted();
    const loaded = await ctx.dataset(SHIFT_DATASET);
    const data = prepareRunData(loaded, VALIDATION_SHARE, request.seed);
    const count = Math.min(request.testCount, data.test.count);
    const test = selectImages(
      data.test,
      Array.from({ length: count }, (_, i) => i),
    );
    const results: ShiftNetworkResult[] = [];
    for (const { id } of SHIFT_NETWORKS) {
      const session = await trainOne(request, data, id, control);
      if (!session) return CANCELLED;
      try {
        const result = await testOne(session, test, request, id, control);
        if (!result) return CANCELLED;
        results.push(result);
      } finally {
        session.dispose();
      }
    }
    return {
      request,
      shifts: shiftRange(request.maxShift),
      results,
      example: {
        pixels: imageAt(test, 0).slice(),
        height: test.height,
        width: test.width,
        label: test.labels[0] ?? 0,
      },
    };
  }

  return {
    async startShiftExperiment(request) {
      const problem = shiftRequestProblem(request);
      if (problem) throw new RangeError(problem);
      job.start({ network: 'mlp', phase: 'training', done: 0, total: request.steps }, (control) =>
        run(request, control),
      );
    },
    shiftExperimentStatus: async () => job.status(),
    async cancelShiftExperiment() {
      job.cancel();
    },
  };
}
