import { describe, expect, it, vi } from 'vitest';
import type { JobStatus } from '../../../src/core/jobStatus';
import { createBackgroundJob, type JobControl } from '../../../src/worker/backgroundJob';

type Status = JobStatus<{ readonly value: number }, { readonly phase: string }>;

/** A job that counts to `n`, one step a macrotask, reporting each step. */
function counting(n: number) {
  return async (control: JobControl<Status>) => {
    for (let i = 1; i <= n; i++) {
      if (control.stopped()) return 'Stopped: cancelled.';
      await new Promise((resolve) => setTimeout(resolve, 0));
      control.progress({ phase: 'counting', done: i, total: n });
    }
    return { value: n };
  };
}

/** Waits until the job is no longer running (a fixed 20 ms was too short on a busy CI machine). */
const settled = (job: { status(): { state: string } }) =>
  vi.waitFor(() => expect(job.status().state).not.toBe('running'));

describe('background jobs', () => {
  it('reports its first progress at once, then its outcome', async () => {
    const job = createBackgroundJob<Status>();
    expect(job.status()).toEqual({ state: 'idle' });
    job.start({ phase: 'counting', done: 0, total: 3 }, counting(3));
    expect(job.status()).toEqual({ state: 'running', phase: 'counting', done: 0, total: 3 });
    await settled(job);
    expect(job.status()).toEqual({ state: 'done', outcome: { value: 3 } });
  });

  it('stops at its next check when cancelled, with the message the job gives', async () => {
    const job = createBackgroundJob<Status>();
    job.start({ phase: 'counting', done: 0, total: 1000 }, counting(1000));
    await new Promise((resolve) => setTimeout(resolve, 0));
    job.cancel();
    await settled(job);
    expect(job.status()).toEqual({ state: 'stopped', message: 'Stopped: cancelled.' });
  });

  it('a newer start supersedes the old job, whose steps never write over the new status', async () => {
    const job = createBackgroundJob<Status>();
    job.start({ phase: 'old', done: 0, total: 1000 }, counting(1000));
    job.start({ phase: 'new', done: 0, total: 2 }, counting(2));
    await settled(job);
    expect(job.status()).toEqual({ state: 'done', outcome: { value: 2 } });
  });

  it('a cancel before a new start does not stop the new job', async () => {
    const job = createBackgroundJob<Status>();
    job.start({ phase: 'old', done: 0, total: 1000 }, counting(1000));
    job.cancel();
    job.start({ phase: 'new', done: 0, total: 2 }, counting(2));
    await settled(job);
    expect(job.status()).toEqual({ state: 'done', outcome: { value: 2 } });
  });

  it('a job that throws is stopped with the error message', async () => {
    const job = createBackgroundJob<Status>();
    job.start({ phase: 'x', done: 0, total: 1 }, async () => {
      throw new Error('The network has no convolution.');
    });
    await settled(job);
    expect(job.status()).toEqual({ state: 'stopped', message: 'The network has no convolution.' });
  });
});
