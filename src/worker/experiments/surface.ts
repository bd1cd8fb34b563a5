import {
  checkLandscapeRequest,
  gridCoordinates,
  type LandscapeOutcome,
  type LandscapeRequest,
  type LandscapeStatus,
} from '../../core/descent/landscape';
import { messageOf } from '../../core/errors';
import { createRandom } from '../../core/random';
import { gatherBatch } from '../../data/batches';
import { createLandscapePlane } from '../../engine/lossLandscape';
import type { ExperimentContext } from '../experimentContext';
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
  let status: LandscapeStatus = { state: 'idle' };
  let cancelled = false;
  /** Bumped by every start, so an old run's last row never writes over a newer one's status. */
  let generation = 0;

  async function compute(
    request: LandscapeRequest,
    mine: number,
  ): Promise<LandscapeOutcome | string> {
    const { session, data } = ctx.need();
    const startStep = session.step;
    const count = Math.min(request.count, data.train.count);
    const indices = Uint32Array.from({ length: count }, (_, i) => i);
    const batch = gatherBatch(data.train, indices, ctx.inputNormalisation());
    const random = createRandom(request.seed).fork('loss-landscape');
    /** A turn on the model that first checks it is still the network the grid began with. */
    const onSameNetwork = <T>(job: () => Promise<T>) =>
      ctx.withModel(async () => {
        const current = ctx.need().session;
        // A surface half around one network and half around another would show neither.
        if (current !== session || current.step !== startStep)
          throw new Error(
            'The network changed while its loss surface was computed (trained or rebuilt); compute it again.',
          );
        return job();
      });
    const plane = await onSameNetwork(() => createLandscapePlane(session.model, batch, random));
    try {
      const alphas = gridCoordinates(request.size, request.range);
      const betas = gridCoordinates(request.size, request.range);
      const losses = new Float32Array(request.size * request.size);
      const currentLoss = await onSameNetwork(() => plane.plainLoss());
      for (let j = 0; j < request.size; j++) {
        if (cancelled || mine !== generation) return 'Stopped: the loss surface was cancelled.';
        const row = await onSameNetwork(() => plane.row(alphas, betas[j] ?? 0));
        losses.set(row, j * request.size);
        if (mine === generation)
          status = { state: 'running', done: (j + 1) * request.size, total: losses.length };
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
      const mine = ++generation;
      cancelled = false;
      status = { state: 'running', done: 0, total: request.size * request.size };
      // Not awaited: the page polls, so no call to the engine waits for the whole grid.
      void compute(request, mine).then(
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
    },
    lossSurfaceStatus: async () => status,
    async cancelLossSurface() {
      cancelled = true;
    },
  };
}
