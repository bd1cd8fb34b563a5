import { shallow } from 'zustand/shallow';
import { messageOf } from '../../core/errors';
import type { LoadedDataset } from '../../data/loader';
import { OWN_DATASET_ID } from '../../data/manifest';
import { SPEED_DELAYS_MS } from '../../state/trainingSettings';
import type { LabStore } from '../../state/store';
import type { RunSetup } from '../../worker/api';
import { isStructuralChange, sameRunSetup } from '../../worker/runSetupChanges';
import type { ClientParts } from './parts';
import { throttle } from './throttle';

/** A burst of edits (typing a learning rate, dragging a slider) is sent once, this long after its first change. */
export const SYNC_AFTER_MS = 150;

/**
 * What shapes a run's weights, as a comparable string: its setup (or a checkpoint's
 * settings) without the speed, which only spaces the steps.
 */
export function weightsKeyOf(setup: object): string {
  const fields = Object.entries({ ...setup, delayMs: 0 });
  // In key order, so a setup put back together from a checkpoint compares equal.
  return JSON.stringify(fields.sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0)));
}

/** The run the store describes, as the worker takes it. */
export function runSetupOf(s: LabStore): RunSetup {
  return {
    network: s.network,
    seed: s.seed,
    init: s.init,
    dataset: s.dataset,
    normalisation: s.normalisation,
    validationSplit: s.validationSplit,
    trainLimit: s.trainLimit,
    optimizer: s.optimizer,
    learningRate: s.learningRate,
    l1: s.l1,
    l2: s.l2,
    batchSize: s.batchSize,
    augmentation: s.augmentation,
    epochs: s.epochs,
    patience: s.patience,
    delayMs: SPEED_DELAYS_MS[s.speed],
  };
}

/**
 * True when a store change changed the run setup. Every field is compared by reference
 * first (the common case: a status update, a selection, touches none); only when a
 * reference differs are the values compared, since a link or `applySettings` may put an
 * equal copy of the network in place of the old one, and that is no change to the run.
 */
export function runSetupChanged(s: LabStore, previous: LabStore): boolean {
  const next = runSetupOf(s);
  const before = runSetupOf(previous);
  return !shallow(next, before) && !sameRunSetup(next, before);
}

export interface RunSyncDeps extends ClientParts {
  /** After a setup the worker took: the prediction for the selected input is asked again. */
  onSynced(): void;
}

export interface RunSync {
  /** Makes the worker's run match the store; a structural change starts afresh. */
  sync(): Promise<void>;
  /** `sync` once, `SYNC_AFTER_MS` after the first of a burst of calls. */
  syncSoon(): void;
  /** True once the worker took a setup (and has not lost it since). */
  isSetUp(): boolean;
  /** Forgets what was sent, for a new engine that has none. */
  forget(): void;
}

/** Store-to-worker sync of the run setup. */
export function createRunSync({ store, bridge, onSynced }: RunSyncDeps): RunSync {
  let sent: RunSetup | null = null;
  /** The own images last handed to the worker (it cannot load them by id). */
  let providedOwn: LoadedDataset | null = null;
  const state = () => store.getState();
  const setRun = (changes: Partial<LabStore['run']>) => state().setRun(changes);

  /**
   * Waits while the page is still downloading the dataset, so the worker then reads it
   * from the browser's cache instead of downloading the same files a second time.
   */
  const datasetSettled = (id: string) =>
    new Promise<void>((resolve) => {
      const settled = (s: LabStore) => s.datasetStatus[id]?.state !== 'loading';
      if (settled(state())) return resolve();
      const stop = store.subscribe((s) => {
        if (settled(s)) {
          stop();
          resolve();
        }
      });
    });

  const sync = () =>
    bridge.serial(async (api) => {
      if (!api) return;
      await datasetSettled(state().dataset);
      const next = runSetupOf(state());
      const own = state().datasetStatus[OWN_DATASET_ID];
      if (next.dataset === OWN_DATASET_ID && own?.state === 'ready' && own.data !== providedOwn) {
        await api.provideDataset(OWN_DATASET_ID, own.data);
        providedOwn = own.data;
        // New images under the same setup: the worker rebuilds the run on them.
        sent = null;
      }
      if (sent && sameRunSetup(sent, next)) return;
      const structural = !sent || isStructuralChange(sent, next);
      if (structural && state().run.phase === 'running') await api.pause();
      try {
        const { rebuilt } = await api.setup(next);
        sent = next;
        if (rebuilt) {
          state().metrics.clear();
          setRun({
            step: 0,
            epoch: 0,
            samplesPerSecond: 0,
            test: null,
            probabilities: null,
            pretrained: false,
            savedStep: null,
            message: null,
            phase: state().run.phase === 'running' ? 'paused' : 'ready',
          });
        }
      } catch (error) {
        sent = null;
        setRun({
          phase: 'error',
          message: `This network cannot be trained here: ${messageOf(error)}`,
        });
        return;
      }
      onSynced();
    });

  return {
    sync,
    syncSoon: throttle(() => void sync(), SYNC_AFTER_MS),
    isSetUp: () => sent !== null,
    forget: () => {
      sent = null;
      providedOwn = null;
    },
  };
}
