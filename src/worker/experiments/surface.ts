import {
  checkLandscapeRequest,
  gridCoordinates,
  type LandscapeOutcome,
  type LandscapeRequest,
  type LandscapeStatus,
} from '../../core/descent/landscape';
import { createRandom } from '../../core/random';
import { gatherBatch } from '../../data/batches';
import { createLandscapePlane } from '../../engine/lossLandscape';
import { createBackgroundJob, type JobControl } from '../backgroundJob';
import { turnsOnSameNetwork, type ExperimentContext } from '../experimentContext';
import { yieldToEvents } from '../yieldToEvents';

export interface SurfaceApi {
  /** Starts computing the current network's loss surface; poll `lossSurfaceStatus`. */
  startLossSurface(request: LandscapeRequest): Promise<void>;
  lossSurfaceStatus(): Promise<LandscapeStatus>;
  /** Stops a running computation after its current row (the weights are already restored). */
  cancelLossSurface(): Promise<void>;
}

/**
 * The loss-surface experiment's worker methods. The grid is computed a row at a time, each
 * row in its own turn on the model (so a training step or a cancel waits for one row at most)
 * and each row puts the weights back before its turn ends: between rows, and after, the
 * person's network is exactly what it was.
 */
export function createSurfaceApi(ctx: ExperimentContext): SurfaceApi {
  const job = createBackgroundJob<LandscapeStatus>();

  async function compute(
    request: LandscapeRequest,
    control: JobControl<LandscapeStatus>,
  ): Promise<LandscapeOutcome | string> {
    const { session, data } = ctx.need();
    const startStep = session.step;
    const count = Math.min(request.count, data.train.count);
    const indices = Uint32Array.from({ length: count }, (_, i) => i);
    const batch = gatherBatch(data.train, indices, ctx.inputNormalisation());
    const random = createRandom(request.seed).fork('loss-landscape');
    const onSameNetwork = turnsOnSameNetwork(
      ctx,
      'The network changed while its loss surface was computed (trained or rebuilt); compute it again.',
    );
    const plane = await onSameNetwork(() => createLandscapePlane(session.model, batch, random));
    try {
      const alphas = gridCoordinates(request.size, request.range);
      const betas = gridCoordinates(request.size, request.range);
      const losses = new Float32Array(request.size * request.size);
      const currentLoss = await onSameNetwork(() => plane.plainLoss());
      for (let j = 0; j < request.size; j++) {
        if (control.stopped()) return 'Stopped: the loss surface was cancelled.';
        const row = await onSameNetwork(() => plane.row(alphas, betas[j] ?? 0));
        losses.set(row, j * request.size);
        control.progress({ done: (j + 1) * request.size, total: losses.length });
        // Lets a cancel, a status poll or a training step in.
        await yieldToEvents();
      }
      const centre = (request.size - 1) / 2;
      return {
        request,
        alphas,
        betas,
        losses,
        currentLoss,
        centreLoss: losses[centre * request.size + centre] ?? NaN,
        count,
        step: startStep,
      };
    } finally {
      plane.dispose();
    }
  }

  return {
    async startLossSurface(request) {
      checkLandscapeRequest(request);
      ctx.need();
      job.start({ done: 0, total: request.size * request.size }, (control) =>
        compute(request, control),
      );
    },
    lossSurfaceStatus: async () => job.status(),
    async cancelLossSurface() {
      job.cancel();
    },
  };
}
