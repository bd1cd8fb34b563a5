import { del, get, set } from 'idb-keyval';
import {
  CHECKPOINT_FORMAT,
  checkpointFileName,
  CHECKPOINT_VERSION,
  encodeWeight,
  type Checkpoint,
} from '../../data/checkpoint';
import type { OptimizerValues, WeightValues } from '../../core/inspection';
import type { LabStore } from '../../state/store';
import type { RunState } from '../../worker/api';
import { runSetupOf } from './runSync';

const LATEST_RUN = 'cnn-lab/latest-run';

/**
 * A checkpoint of the current run: network, settings, curves, weights and, given the
 * optimiser's state, all a resumed run needs to take the path the uninterrupted one would.
 */
export function checkpointOf(
  s: LabStore,
  weights: readonly WeightValues[],
  state: RunState,
  options: { optimizer?: OptimizerValues; dtype?: 'float32' | 'float16' } = {},
): Checkpoint {
  const { optimizer, dtype = 'float32' } = options;
  const { network, dataset, ...settings } = runSetupOf(s);
  // Events run ahead of a snapshot taken while training: the curves stop at its step.
  const upTo = (p: { step: number }) => p.step <= state.step;
  return {
    format: CHECKPOINT_FORMAT,
    version: CHECKPOINT_VERSION,
    createdAt: new Date().toISOString(),
    network,
    dataset,
    settings,
    step: state.step,
    epoch: state.epoch,
    testAccuracy: s.run.test?.accuracy ?? null,
    history: {
      train: s.metrics.train.filter(upTo).map((p) => ({
        step: p.step,
        epoch: p.epoch,
        loss: p.loss,
        accuracy: p.accuracy,
      })),
      validation: s.metrics.validation.filter(upTo).map((p) => ({
        step: p.step,
        epoch: p.epoch,
        loss: p.loss,
        accuracy: p.accuracy,
      })),
    },
    weights: weights.map((w) => encodeWeight(w, dtype)),
    offset: state.offset,
    // Always float32: Adam's v (a mean of g²) is often below float16's smallest value.
    ...(optimizer
      ? {
          optimizer: {
            name: optimizer.name,
            iterations: optimizer.iterations,
            slots: optimizer.slots.map((own) => own.map((slot) => encodeWeight(slot))),
          },
        }
      : {}),
  };
}

/**
 * Keeps the latest run in this browser (IndexedDB) so a reload finds it. A failure (storage
 * full, private browsing) rejects, so the caller can tell the person.
 */
export async function saveLatestRun(checkpoint: Checkpoint): Promise<void> {
  await set(LATEST_RUN, checkpoint);
}

export async function loadLatestRun(): Promise<Checkpoint | null> {
  try {
    return ((await get(LATEST_RUN)) as Checkpoint | undefined) ?? null;
  } catch {
    return null;
  }
}

export async function forgetLatestRun(): Promise<void> {
  try {
    await del(LATEST_RUN);
  } catch {
    // Nothing kept, nothing to forget.
  }
}

/** Offers a checkpoint as a file download. */
export function downloadCheckpoint(checkpoint: Checkpoint): void {
  const blob = new Blob([JSON.stringify(checkpoint)], { type: 'application/json' });
  const url = URL.createObjectURL(blob);
  const a = document.createElement('a');
  a.href = url;
  a.download = checkpointFileName(checkpoint.network.name, checkpoint.dataset, checkpoint.step);
  a.click();
  URL.revokeObjectURL(url);
}
