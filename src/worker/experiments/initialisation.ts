import { withBatchNormAfterConvs, withoutBatchNormAfterConvs } from '../../core/batchNormEdits';
import { messageOf } from '../../core/errors';
import {
  edgesCovering,
  histogramOf,
  summaryOf,
  symmetricEdges,
  unitSpreadOf,
} from '../../core/histogram';
import { isInitScheme } from '../../core/initialisation';
import {
  HISTOGRAM_BINS,
  isCheckpointList,
  MAX_EXPERIMENT_STEPS,
  MEASURE_BATCH,
  type BatchNormLayerMeasure,
  type BatchNormRunOutcome,
  type BatchNormRunRequest,
  type InitialisationOutcome,
  type InitialisationStatus,
  type LayerMeasure,
  type SchemeRunOutcome,
  type SchemeRunRequest,
} from '../../core/initialisationRuns';
import type { NetworkDocument } from '../../core/network';
import { createRandom } from '../../core/random';
import { gatherBatch, type Batch } from '../../data/batches';
import type { InitScheme } from '../../core/initialisation';
import type { TrainingSession } from '../../engine';
import { measureBatch, type BatchStatistics } from '../../engine/layerStatistics';
import type { ExperimentContext } from '../experimentContext';
import { yieldToEvents } from '../yieldToEvents';

export interface InitialisationApi {
  /**
   * Starts a side run of the person's network from `scheme`, measured on a fixed batch at
   * each checkpoint; or the batch-norm comparison (two side runs). Poll the status.
   */
  startInitialisationRun(request: SchemeRunRequest): Promise<void>;
  startBatchNormComparison(request: BatchNormRunRequest): Promise<void>;
  initialisationStatus(): Promise<InitialisationStatus>;
  /** Stops the running job after its current step. */
  cancelInitialisationRun(): Promise<void>;
}

const CANCELLED = 'Stopped: the run was cancelled.';
/** After batch norm the values are standardised: ±5 standard deviations hold nearly all. */
const AFTER_BATCH_NORM_RANGE = 5;

/** Histograms of a batch's measures; edges come from `edgesFrom` (the step-0 measures) when given. */
function layerMeasures(
  stats: BatchStatistics,
  edgesFrom?: readonly LayerMeasure[],
): LayerMeasure[] {
  return stats.layers.map((layer, i) => {
    const activationSummary = summaryOf(layer.outputs);
    const gradientSummary = summaryOf(layer.outputGradients);
    const first = edgesFrom?.[i];
    return {
      layerIndex: layer.layerIndex,
      name: layer.name,
      type: layer.type,
      activation: histogramOf(
        layer.outputs,
        first?.activation.edges ?? edgesCovering(activationSummary, HISTOGRAM_BINS),
      ),
      activationSummary,
      gradient: histogramOf(
        layer.outputGradients,
        first?.gradient.edges ?? edgesCovering(gradientSummary, HISTOGRAM_BINS),
      ),
      gradientSummary,
      kernelSpread: layer.kernel ? unitSpreadOf(layer.kernel.values, layer.kernel.shape) : null,
    };
  });
}

/** The initialisation experiment's worker methods over the engine's context. */
export function createInitialisationApi(ctx: ExperimentContext): InitialisationApi {
  let status: InitialisationStatus = { state: 'idle' };
  let cancelled = false;
  /** Bumped by every start, so an old job's last step never writes over a newer one's status. */
  let generation = 0;

  /** A side session of `network` from `init`, the fixed batch, and the dropout stream to measure with. */
  async function sideRun(network: NetworkDocument, init: InitScheme) {
    await ctx.backendStarted();
    const { data, setup } = ctx.need();
    const normalisation = ctx.inputNormalisation();
    const count = Math.min(MEASURE_BATCH, data.train.count);
    const batch: Batch = gatherBatch(
      data.train,
      Uint32Array.from({ length: count }, (_, i) => i),
      normalisation,
    );
    const session = ctx.createSession({
      network,
      seed: setup.seed,
      init,
      train: data.train,
      normalisation: normalisation.normalisation,
      stats: data.stats,
      config: {
        optimizer: {
          name: setup.optimizer,
          learningRate: setup.learningRate,
          l1: setup.l1,
          l2: setup.l2,
        },
        batchSize: setup.batchSize,
      },
    });
    // The same masks at every measurement, so only the weights differ between them.
    const measure = () =>
      measureBatch(session.model, batch, createRandom(setup.seed).fork('measure'));
    return { session, measure, name: setup.network.name ?? 'the network' };
  }

  /** Trains `session` up to step `target`, one step a turn; false when cancelled or overtaken. */
  async function trainTo(
    session: TrainingSession,
    target: number,
    mine: number,
    onStep: (loss: number) => void,
  ): Promise<boolean> {
    while (session.step < target) {
      if (cancelled || mine !== generation) return false;
      const result = await session.trainStep();
      onStep(result.loss);
      // Lets a cancel, a status poll or the person's training step in.
      await yieldToEvents();
    }
    return true;
  }

  async function schemeRun(request: SchemeRunRequest, mine: number) {
    const { session, measure, name } = await sideRun(ctx.need().setup.network, request.scheme);
    try {
      const total = request.checkpoints.at(-1) ?? 0;
      const snapshots: SchemeRunOutcome['snapshots'][number][] = [];
      for (const checkpoint of request.checkpoints) {
        const ok = await trainTo(session, checkpoint, mine, () => {
          if (mine === generation)
            status = { state: 'running', kind: 'schemes', done: session.step, total };
        });
        if (!ok) return CANCELLED;
        const stats = await measure();
        snapshots.push({
          step: session.step,
          loss: stats.loss,
          layers: layerMeasures(stats, snapshots[0]?.layers),
        });
      }
      return { kind: 'schemes', scheme: request.scheme, snapshots, network: name } as const;
    } finally {
      session.dispose();
    }
  }

  async function batchNormRun(request: BatchNormRunRequest, mine: number) {
    const { setup } = ctx.need();
    const total = 2 * request.steps;
    const losses: number[][] = [];
    let layer: BatchNormLayerMeasure | null = null;
    for (const [i, network] of [
      withoutBatchNormAfterConvs(setup.network),
      withBatchNormAfterConvs(setup.network),
    ].entries()) {
      const { session, measure } = await sideRun(network, setup.init);
      try {
        if (i === 1) layer = batchNormMeasure(await measure());
        const curve: number[] = [];
        const ok = await trainTo(session, request.steps, mine, (loss) => {
          curve.push(loss);
          if (mine === generation)
            status = {
              state: 'running',
              kind: 'batchnorm',
              done: i * request.steps + session.step,
              total,
            };
        });
        if (!ok) return CANCELLED;
        losses.push(curve);
      } finally {
        session.dispose();
      }
    }
    if (!layer)
      throw new Error('This network has no convolution, so there is no batch norm to add.');
    const outcome: BatchNormRunOutcome = {
      kind: 'batchnorm',
      steps: request.steps,
      lossWithout: losses[0] ?? [],
      lossWith: losses[1] ?? [],
      layer,
    };
    return outcome;
  }

  /** The first batch norm's input (the layer feeding it) and output, on shared edges. */
  function batchNormMeasure(stats: BatchStatistics): BatchNormLayerMeasure | null {
    const at = stats.layers.findIndex((l) => l.type === 'batchnorm');
    const bn = stats.layers[at];
    const input = stats.layers[at - 1];
    if (!bn || !input) return null;
    const beforeSummary = summaryOf(input.outputs);
    const afterSummary = summaryOf(bn.outputs);
    // Each on its own axis: a channel that is mostly 0 can normalise to a few large values,
    // whose range would squash the shapes of both onto one bar.
    const afterEdges = symmetricEdges(AFTER_BATCH_NORM_RANGE, HISTOGRAM_BINS);
    return {
      name: `${input.name} → ${bn.name}`,
      before: histogramOf(input.outputs, edgesCovering(beforeSummary, HISTOGRAM_BINS)),
      beforeSummary,
      after: histogramOf(bn.outputs, afterEdges),
      afterSummary,
    };
  }

  function launch(
    kind: InitialisationOutcome['kind'],
    total: number,
    job: (mine: number) => Promise<InitialisationOutcome | string>,
  ) {
    ctx.need();
    const mine = ++generation;
    cancelled = false;
    status = { state: 'running', kind, done: 0, total };
    // Not awaited: the page polls, so no call to the engine waits minutes for the answer.
    void job(mine).then(
      (result) => {
        if (mine !== generation) return;
        status =
          typeof result === 'string'
            ? { state: 'stopped', message: result }
            : { state: 'done', outcome: result };
      },
      (error: unknown) => {
        if (mine === generation) status = { state: 'stopped', message: messageOf(error) };
      },
    );
  }

  return {
    async startInitialisationRun(request) {
      if (!isInitScheme(request.scheme))
        throw new RangeError(`There is no initialisation "${String(request.scheme)}".`);
      if (!isCheckpointList(request.checkpoints))
        throw new RangeError(
          `The steps to measure at must start at 0 and rise, up to ${MAX_EXPERIMENT_STEPS}.`,
        );
      launch('schemes', request.checkpoints.at(-1) ?? 0, (mine) => schemeRun(request, mine));
    },
    async startBatchNormComparison(request) {
      if (
        !Number.isInteger(request.steps) ||
        request.steps < 1 ||
        request.steps > MAX_EXPERIMENT_STEPS
      )
        throw new RangeError(`The runs take 1 to ${MAX_EXPERIMENT_STEPS} steps.`);
      launch('batchnorm', 2 * request.steps, (mine) => batchNormRun(request, mine));
    },
    initialisationStatus: async () => status,
    async cancelInitialisationRun() {
      cancelled = true;
    },
  };
}
