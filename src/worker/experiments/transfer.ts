import type { WeightValues } from '../../core/inspection';
import { isFrozen } from '../../core/layers/frozen';
import type { NetworkDocument } from '../../core/network';
import {
  checkTransferRequest,
  isConvolution,
  maxAbsDifference,
  measurementSteps,
  networkWithFrozen,
  TRANSFER_BATCH_SIZE,
  TRANSFER_LEARNING_RATE,
  TRANSFER_RUNS,
  TRANSFER_TEST_IMAGES,
  transferredWeights,
  type TransferOutcome,
  type TransferPoint,
  type TransferRequest,
  type TransferRunId,
  type TransferStatus,
  type WeightChange,
} from '../../core/transfer';
import { computeStats } from '../../data/stats';
import { selectImages, type ImageSet } from '../../data/types';
import { readWeights, START, type TrainingSession } from '../../engine';
import { createBackgroundJob, type JobControl } from '../backgroundJob';
import type { ExperimentContext } from '../experimentContext';
import { yieldToEvents } from '../yieldToEvents';

/** The dataset the pretrained network is reused on. */
export const TRANSFER_DATASET = 'fashion-mnist';

/** A network and its trained weights (the page reads them from the lab's checkpoint). */
export interface PretrainedWeights {
  readonly network: NetworkDocument;
  readonly weights: readonly WeightValues[];
}

export interface TransferApi {
  /**
   * Starts the two runs (fine-tuned from `pretrained` with its convolutions frozen, and
   * from scratch) as side sessions that never touch the person's run; poll the status.
   */
  startTransfer(request: TransferRequest, pretrained: PretrainedWeights): Promise<void>;
  transferStatus(): Promise<TransferStatus>;
  /** Stops the runs after their current step. */
  cancelTransfer(): Promise<void>;
}

const firstImages = (set: ImageSet, count: number): ImageSet =>
  selectImages(
    set,
    Uint32Array.from({ length: Math.min(count, set.count) }, (_, i) => i),
  );

/** Each weighted layer's kernel and bias values, by layer name (γ and β for batch norm). */
async function layerWeights(session: TrainingSession): Promise<Map<string, Float32Array>> {
  const byLayer = new Map<string, number[]>();
  for (const w of await readWeights(session.model)) {
    if (w.role === 'movingMean' || w.role === 'movingVariance') continue;
    byLayer.set(w.name, [...(byLayer.get(w.name) ?? []), ...w.data]);
  }
  return new Map([...byLayer].map(([name, values]) => [name, Float32Array.from(values)]));
}

/** The transfer experiment's worker methods over the engine's context. */
export function createTransferApi(ctx: ExperimentContext): TransferApi {
  const job = createBackgroundJob<TransferStatus>();

  async function run(
    request: TransferRequest,
    pretrained: PretrainedWeights,
    control: JobControl<TransferStatus>,
  ): Promise<TransferOutcome | string> {
    const loaded = await ctx.dataset(TRANSFER_DATASET);
    await ctx.backendStarted();
    const train = firstImages(loaded.train, request.trainCount);
    const test = firstImages(loaded.test, TRANSFER_TEST_IMAGES);
    const at = new Set(measurementSteps(request.steps));
    const curves: Record<TransferRunId, TransferPoint[]> = { 'fine-tuned': [], scratch: [] };
    const changes: WeightChange[] = [];
    for (const { id } of TRANSFER_RUNS) {
      const fineTuned = id === 'fine-tuned';
      const network = fineTuned
        ? networkWithFrozen(pretrained.network, isConvolution)
        : pretrained.network;
      const session = ctx.createSession({
        network,
        seed: request.seed,
        init: 'he',
        train,
        // The pretrained LeNet-5 saw pixels scaled to 0..1; both runs see the same.
        normalisation: 'scale',
        stats: computeStats(train),
        config: {
          optimizer: { name: 'adam', learningRate: TRANSFER_LEARNING_RATE },
          batchSize: TRANSFER_BATCH_SIZE,
        },
      });
      try {
        if (fineTuned) {
          // The frozen convolutions come from MNIST; the head starts as the scratch run's does.
          const frozen = new Set(
            session.model.layers.filter((l) => isFrozen(l.params)).map((l) => l.name),
          );
          const fresh = await readWeights(session.model);
          const weights = transferredWeights(fresh, pretrained.weights, (n) => frozen.has(n));
          session.restore({ step: 0, position: START, weights });
        }
        const before = await layerWeights(session);
        const measure = async (step: number) => {
          const { accuracy, loss } = await session.evaluate(test);
          curves[id].push({ step, accuracy, loss });
        };
        await measure(0);
        for (let step = 1; step <= request.steps; step++) {
          if (control.stopped()) return 'Stopped: the runs were cancelled.';
          await session.trainStep();
          if (at.has(step)) await measure(step);
          control.progress({ run: id, done: step, total: request.steps, curves });
          // Lets a cancel, a status poll or the person's own training step in.
          await yieldToEvents();
        }
        const after = await layerWeights(session);
        for (const layer of session.model.layers) {
          const values = before.get(layer.name);
          if (!values) continue;
          const maxChange = maxAbsDifference(values, after.get(layer.name) ?? []);
          changes.push({ layer: layer.name, run: id, frozen: isFrozen(layer.params), maxChange });
        }
      } finally {
        session.dispose();
      }
    }
    return { request, curves, changes, testCount: test.count };
  }

  return {
    async startTransfer(request, pretrained) {
      checkTransferRequest(request);
      if (!Array.isArray(pretrained?.weights) || pretrained.weights.length === 0)
        throw new RangeError('The pretrained network came without its weights; reload the page.');
      const empty = { 'fine-tuned': [], scratch: [] };
      job.start({ run: 'fine-tuned', done: 0, total: request.steps, curves: empty }, (control) =>
        run(request, pretrained, control),
      );
    },
    transferStatus: async () => job.status(),
    async cancelTransfer() {
      job.cancel();
    },
  };
}
