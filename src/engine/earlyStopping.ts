/**
 * Early stopping: stop when the validation loss has not improved by at least `minDelta`
 * for `patience` evaluations in a row, and remember the best one (whose weights the
 * caller may keep).
 */
export interface EarlyStoppingOptions {
  /** Evaluations without improvement tolerated before stopping. */
  readonly patience: number;
  /** Smallest decrease that counts as an improvement. Default 0. */
  readonly minDelta?: number;
}

export interface EarlyStoppingState {
  readonly best: number;
  /** Index of the evaluation that gave the best value (0 for the first). */
  readonly bestAt: number;
  /** Evaluations seen so far. */
  readonly seen: number;
  /** Evaluations since the best one. */
  readonly waited: number;
  readonly stop: boolean;
}

export const EARLY_STOPPING_START: EarlyStoppingState = {
  best: Infinity,
  bestAt: -1,
  seen: 0,
  waited: 0,
  stop: false,
};

/** The state after one more validation loss: improved when loss < best − minDelta. */
export function updateEarlyStopping(
  state: EarlyStoppingState,
  loss: number,
  options: EarlyStoppingOptions,
): EarlyStoppingState & { readonly improved: boolean } {
  const improved = Number.isFinite(loss) && loss < state.best - (options.minDelta ?? 0);
  const seen = state.seen + 1;
  const waited = improved ? 0 : state.waited + 1;
  return {
    best: improved ? loss : state.best,
    bestAt: improved ? seen - 1 : state.bestAt,
    seen,
    waited,
    // A loss that is no longer finite has diverged: waiting will not bring it back.
    stop: waited >= options.patience || !Number.isFinite(loss),
    improved,
  };
}
