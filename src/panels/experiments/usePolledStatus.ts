import { useEffect, useRef } from 'react';

/** How often a running experiment's status is asked for. */
export const POLL_MS = 250;

/**
 * Polls a background experiment (`worker/backgroundJob.ts`): while `status` says it is
 * running, asks `poll` for the next status every POLL_MS and hands it to `onStatus` (which
 * sets the new status, and so schedules the next poll). The worker's start call returns at
 * once, so the page never waits on a long job; nothing is asked once the job ends, when
 * the component goes, or when `poll` is null (no engine yet).
 */
export function usePolledStatus<S extends { readonly state: string }>(
  poll: (() => Promise<S>) | null,
  status: S,
  onStatus: (next: S) => void,
  onError: (error: unknown) => void,
): void {
  // The latest callbacks, so a re-render (a slider moved meanwhile) does not restart the wait.
  const latest = useRef({ poll, onStatus, onError });
  latest.current = { poll, onStatus, onError };
  const polling = poll !== null && status.state === 'running';
  useEffect(() => {
    if (!polling) return;
    let stopped = false;
    const timer = setTimeout(() => {
      const { poll: ask } = latest.current;
      ask?.().then(
        (next) => !stopped && latest.current.onStatus(next),
        (error: unknown) => !stopped && latest.current.onError(error),
      );
    }, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [polling, status]);
}
