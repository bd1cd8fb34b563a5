import type { StepPoint } from '../../state/metricsLog';
import type { EngineApi } from '../../worker/api';

/**
 * How long the engine's worker has to give its first answer. Its script (TensorFlow.js's
 * core) loads and compiles in a second or two even on a slow machine; a worker that stays
 * silent far past that is one the page will never hear from (a content policy or an
 * extension blocking workers, a script that failed to load), and without a limit the
 * panel would say "Starting…" for ever.
 */
export const ENGINE_ANSWER_LIMIT_MS = 20_000;

/** Why the engine could not start when its worker never answered. */
export const NO_ANSWER = `its worker did not answer within ${ENGINE_ANSWER_LIMIT_MS / 1000} seconds. The browser may block workers on this page (a content policy, an extension), or the page's files failed to load. Reload the page; if it happens again, try another browser.`;

/** `work`, or a rejection with `reason` once `ms` have passed without it settling. */
export function withinLimit<T>(work: Promise<T>, ms: number, reason: string): Promise<T> {
  let timer: ReturnType<typeof setTimeout> | undefined;
  const limit = new Promise<never>((_, reject) => {
    timer = setTimeout(() => reject(new Error(reason)), ms);
  });
  return Promise.race([work, limit]).finally(() => clearTimeout(timer));
}

/** A run a backend change carries from the old engine to the new one. */
export interface CarriedRun {
  readonly snapshot: Awaited<ReturnType<EngineApi['snapshot']>>;
  readonly train: readonly StepPoint[];
  readonly validation: readonly StepPoint[];
  readonly savedStep: number | null;
}

/**
 * Calls `keep` when the page is hidden or left (a tab switched, closed or reloaded), the
 * last moments a save may still finish; returns the function that stops listening.
 */
export function keepBeforeLeaving(keep: () => void): () => void {
  if (typeof document === 'undefined' || typeof window === 'undefined') return () => {};
  const onHidden = () => {
    if (document.visibilityState === 'hidden') keep();
  };
  document.addEventListener('visibilitychange', onHidden);
  window.addEventListener('pagehide', keep);
  return () => {
    document.removeEventListener('visibilitychange', onHidden);
    window.removeEventListener('pagehide', keep);
  };
}
