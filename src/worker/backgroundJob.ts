import { messageOf } from '../core/errors';
import type { JobProgress, JobStatus } from '../core/jobStatus';

/** What a running job sees of its runner. */
export interface JobControl<S> {
  /** True once the job was cancelled or a newer job started: the job should return now. */
  stopped(): boolean;
  /** Reports progress; ignored once a newer job started, so an old job never writes over it. */
  progress(progress: JobProgress<S>): void;
}

/**
 * One experiment's background job in the worker: started by a short call that returns at
 * once (the page polls `status`, so no call to the engine waits minutes for an answer),
 * one at a time (a new start supersedes the old job), cancelled between its own steps.
 */
export interface BackgroundJob<S> {
  /**
   * Starts `work` with its first progress. `work` resolves to its outcome, or to a message
   * when it stopped early (a cancel: it returns the message the page shows); a throw
   * becomes a stopped status with the error's message.
   */
  start(
    first: JobProgress<S>,
    work: (control: JobControl<S>) => Promise<Outcome<S> | string>,
  ): void;
  status(): S;
  /** Asks the running job to stop at its next check. */
  cancel(): void;
}

type Outcome<S> = Extract<S, { state: 'done' }> extends { outcome: infer O } ? O : never;

/** A background job runner for a status of the shared shape (`core/jobStatus.ts`). */
export function createBackgroundJob<S extends JobStatus<unknown, object>>(): BackgroundJob<S> {
  let status = { state: 'idle' } as S;
  /** Bumped by every start, so an old job's last step never writes over a newer one's status. */
  let generation = 0;
  let cancelledGeneration = 0;
  const set = (next: object) => {
    status = next as S;
  };
  return {
    start(first, work) {
      const mine = ++generation;
      set({ state: 'running', ...first });
      const control: JobControl<S> = {
        stopped: () => mine !== generation || cancelledGeneration === mine,
        progress: (progress) => {
          if (mine === generation) set({ state: 'running', ...progress });
        },
      };
      void work(control).then(
        (result) => {
          if (mine !== generation) return;
          set(
            typeof result === 'string'
              ? { state: 'stopped', message: result }
              : { state: 'done', outcome: result },
          );
        },
        (error: unknown) => {
          if (mine === generation) set({ state: 'stopped', message: messageOf(error) });
        },
      );
    },
    status: () => status,
    cancel() {
      cancelledGeneration = generation;
    },
  };
}
