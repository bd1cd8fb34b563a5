import { catalogueEntryOf } from '../core/catalogue';
import type { StepPoint } from '../core/metrics';
import { createRandom } from '../core/random';
import {
  CHECKPOINT_FORMAT,
  CHECKPOINT_VERSION,
  decodeWeight,
  encodeWeight,
  type Checkpoint,
} from '../data/checkpoint';
import { splitValidation } from '../data/runSets';
import { balancedSubset } from '../data/split';
import { selectImages } from '../data/types';
import { writeWeights } from '../engine/records';
import { createSession } from '../engine/session';
import type { DiskDataset } from './pretrainData';
import { learningRateAt, type PretrainJob } from './pretrainPlan';

/** What a finished job hands back: the checkpoint to write and the figures to report. */
export interface JobResult {
  readonly checkpoint: Checkpoint;
  readonly params: number;
  readonly trainingSeconds: number;
  readonly samplesPerSecond: number;
  readonly testAccuracy: number;
}

export interface JobOptions {
  readonly backend: string;
  /** A smoke run: one epoch on a small class-balanced subset, tested on a few hundred images. */
  readonly quick?: boolean;
  readonly log?: (line: string) => void;
}

/** Train points per epoch kept in the history (each the mean over its stretch of steps). */
const TRAIN_POINTS_PER_EPOCH = 10;
const QUICK_TRAIN = 1000;
const QUICK_TEST = 500;

const percent = (x: number) => `${(100 * x).toFixed(2)}%`;
/** Five decimals are plenty for a curve and keep the history a few KB. */
const rounded = (x: number) => Number(x.toFixed(5));

/** Trains one network as the job says and packs the result as a checkpoint. */
export async function runJob(
  job: PretrainJob,
  data: DiskDataset,
  options: JobOptions,
): Promise<JobResult> {
  const log = options.log ?? (() => undefined);
  const entry = catalogueEntryOf(job.network);
  if (!entry) throw new Error(`the catalogue has no network "${job.network}".`);
  const epochs = options.quick ? 1 : job.epochs;
  let source = data.train;
  let test = data.test;
  if (options.quick) {
    const random = createRandom(job.seed).fork('quick');
    source = selectImages(
      source,
      balancedSubset(source.labels, source.classCount, QUICK_TRAIN, random),
    );
    test = selectImages(test, balancedSubset(test.labels, test.classCount, QUICK_TEST, random));
  }
  // The lab's worker draws the same split, so it validates the shipped weights on these images.
  const { train, validation, stats } = splitValidation(source, job.validationSplit, job.seed);
  const optimizer = (epoch: number) => ({
    name: 'adam' as const,
    learningRate: learningRateAt({ ...job, epochs }, epoch),
  });
  const session = createSession({
    network: entry.network,
    seed: job.seed,
    init: job.init,
    train,
    normalisation: job.normalisation,
    stats,
    config: {
      optimizer: optimizer(0),
      batchSize: job.batchSize,
      ...(job.augmentation ? { augmentation: job.augmentation } : {}),
    },
  });
  try {
    const params = session.model.report.totalParams;
    log(
      `[${job.id}] ${entry.title}, ${params.toLocaleString('en-US')} parameters; ${train.count} training, ${validation.count} validation, ${test.count} test images; ${epochs} epoch${epochs === 1 ? '' : 's'} of batch ${job.batchSize} on ${options.backend}`,
    );
    const stepsPerEpoch = Math.ceil(train.count / job.batchSize);
    const window = Math.max(1, Math.ceil(stepsPerEpoch / TRAIN_POINTS_PER_EPOCH));
    const trainHistory: StepPoint[] = [];
    const validationHistory: StepPoint[] = [];
    let trainingMs = 0;
    let samples = 0;
    for (let epoch = 0; epoch < epochs; epoch++) {
      const learningRate = optimizer(epoch).learningRate;
      session.configure({ optimizer: optimizer(epoch) });
      let epochLoss = 0;
      let epochCorrect = 0;
      let epochCount = 0;
      let windowSums = { loss: 0, accuracy: 0, steps: 0 };
      const epochStart = performance.now();
      for (;;) {
        const count = Math.min(job.batchSize, train.count - session.position.offset);
        const before = performance.now();
        const result = await session.trainStep();
        trainingMs += performance.now() - before;
        samples += count;
        epochLoss += result.loss * count;
        epochCorrect += result.accuracy * count;
        epochCount += count;
        windowSums = {
          loss: windowSums.loss + result.loss,
          accuracy: windowSums.accuracy + result.accuracy,
          steps: windowSums.steps + 1,
        };
        if (windowSums.steps === window || result.endsEpoch) {
          trainHistory.push({
            step: result.step,
            epoch: result.epoch,
            loss: rounded(windowSums.loss / windowSums.steps),
            accuracy: rounded(windowSums.accuracy / windowSums.steps),
          });
          windowSums = { loss: 0, accuracy: 0, steps: 0 };
        }
        if (!Number.isFinite(result.loss)) {
          throw new Error(`the loss became ${result.loss} at step ${result.step}.`);
        }
        if (result.endsEpoch) break;
      }
      const epochSeconds = (performance.now() - epochStart) / 1000;
      const checked = await session.evaluate(validation);
      validationHistory.push({
        step: session.step,
        epoch: epoch + 1,
        loss: rounded(checked.loss),
        accuracy: rounded(checked.accuracy),
      });
      log(
        `[${job.id}] epoch ${String(epoch + 1).padStart(2)}/${epochs}  lr ${learningRate.toExponential(1)}  ` +
          `train loss ${(epochLoss / epochCount).toFixed(4)} acc ${percent(epochCorrect / epochCount)}  ` +
          `validation loss ${checked.loss.toFixed(4)} acc ${percent(checked.accuracy)}  ` +
          `${Math.round(epochCount / epochSeconds)} samples/s  ${epochSeconds.toFixed(1)} s`,
      );
    }
    // Store half precision, and measure the network the file holds, not the one in memory.
    const snapshot = await session.snapshot();
    const weights = snapshot.weights.map((w) => encodeWeight(w, 'float16'));
    writeWeights(session.model, weights.map(decodeWeight));
    const tested = await session.evaluate(test);
    const trainingSeconds = trainingMs / 1000;
    const samplesPerSecond = samples / trainingSeconds;
    log(
      `[${job.id}] test accuracy ${percent(tested.accuracy)} (loss ${tested.loss.toFixed(4)}) on ${test.count} images with float16 weights; trained ${trainingSeconds.toFixed(0)} s at ${Math.round(samplesPerSecond)} samples/s`,
    );
    const checkpoint: Checkpoint = {
      format: CHECKPOINT_FORMAT,
      version: CHECKPOINT_VERSION,
      createdAt: new Date().toISOString(),
      network: entry.network,
      dataset: job.dataset,
      settings: {
        pretrained: job.id,
        seed: job.seed,
        init: job.init,
        optimizer: 'adam',
        learningRate: job.learningRate,
        learningRateSchedule: {
          kind: 'cosine per epoch',
          from: job.learningRate,
          to: job.finalLearningRate,
        },
        batchSize: job.batchSize,
        epochs,
        l1: 0,
        l2: 0,
        validationSplit: job.validationSplit,
        normalisation: job.normalisation,
        stats: { mean: stats.mean, std: stats.std },
        augmentation: job.augmentation ?? null,
        backend: options.backend,
        trainImages: train.count,
        validationImages: validation.count,
        testImages: test.count,
        ...(options.quick ? { quick: true } : {}),
      },
      step: session.step,
      epoch: epochs,
      testAccuracy: tested.accuracy,
      history: { train: trainHistory, validation: validationHistory },
      weights,
    };
    return {
      checkpoint,
      params,
      trainingSeconds,
      samplesPerSecond,
      testAccuracy: tested.accuracy,
    };
  } finally {
    session.dispose();
  }
}
