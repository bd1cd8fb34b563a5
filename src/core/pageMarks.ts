/**
 * Performance marks the page sets at moments a person notices, so the benchmark can read
 * them (`performance.getEntriesByName`) instead of guessing from the DOM. Their times are
 * milliseconds since the link was opened (the navigation's start).
 */

/** The first engine picture: the selected input's feature maps, drawn from the engine's answer. */
export const FIRST_PICTURE_MARK = 'cnn-lab:first-picture';

/** The engine's worker reported the backend it started (the first time on this page). */
export const ENGINE_STARTED_MARK = 'cnn-lab:engine-started';

/** The worker has the run set up: the dataset read and split, the model built. */
export const RUN_SET_UP_MARK = 'cnn-lab:run-set-up';

/** Sets a mark where the environment keeps them (browsers, Node); a no-op elsewhere. */
export function markMoment(name: string): void {
  // Core is built without the DOM's types, so `performance` is described here by what is used.
  const clock = (globalThis as { performance?: { mark?(markName: string): unknown } }).performance;
  clock?.mark?.(name);
}
