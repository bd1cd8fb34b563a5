import type { Batch, BatchOptions } from '../data/batches';
import type { LoadedDataset } from '../data/loader';
import type { ImageSet } from '../data/types';
import type { createSession, TrainingSession } from '../engine';
import type { RunSetup, SampleRequest } from './api';
import type { RunData } from './runData';

/**
 * What an experiment's worker methods may use of the engine: the current run (read, in
 * its turn on the model), the datasets, and sessions of their own. An experiment that
 * trains models of its own (the shift and transfer experiments) builds them with
 * `createSession` and never touches the person's run, so the person's work is kept.
 */
export interface ExperimentContext {
  /** The current run; throws "The run is not set up yet." before the first setup. */
  need(): { session: TrainingSession; data: RunData; setup: RunSetup };
  /** Runs `job` in its turn on the current model: never while a training step is in flight. */
  withModel<T>(job: () => Promise<T> | T): Promise<T>;
  /** A dataset by id, loaded once (the current run's, or another: the transfer experiment's). */
  dataset(id: string): Promise<LoadedDataset>;
  /** The set and index a sample request points at. */
  sampleSet(sample: SampleRequest): { set: ImageSet; index: number };
  /** The sample as the current network sees it: a normalised batch of one. */
  sampleBatch(sample: SampleRequest): Batch;
  /** How the current run turns bytes into inputs (normalisation and the training split's statistics). */
  inputNormalisation(): BatchOptions;
  /** Builds a training session (the same factory the person's run uses; tests inject theirs). */
  readonly createSession: typeof createSession;
  /** Resolves once a backend is running; a session built before would have none. */
  backendStarted(): Promise<unknown>;
}

/**
 * Turns on the current model for a job that reads it over many turns (a sweep, a grid):
 * each turn first checks that the network is still the one the job began with, neither
 * trained nor rebuilt since, and otherwise throws `changed` (the page shows it), since a
 * result half about one network and half about another would show neither.
 */
export function turnsOnSameNetwork(
  ctx: ExperimentContext,
  changed: string,
): <T>(job: (session: TrainingSession) => Promise<T>) => Promise<T> {
  const { session } = ctx.need();
  const startStep = session.step;
  return (job) =>
    ctx.withModel(async () => {
      const current = ctx.need().session;
      if (current !== session || current.step !== startStep) throw new Error(changed);
      return job(current);
    });
}
