import { messageOf } from '../../core/errors';
import type { Checkpoint } from '../../data/checkpoint';
import { findDataset } from '../../data/manifest';
import {
  cleanRunName,
  defaultRunName,
  settingsFromRun,
  uniqueRunName,
  type KeptRun,
  type RunOverview,
} from '../../state/runCompare';
import type { RunsPorts } from '../../state/runsSlice';
import { sameNetwork } from '../../state/settings';
import type { LabStore } from '../../state/store';
import { STRUCTURAL_SETTINGS } from '../../worker/runSetupChanges';
import type { ClientParts } from './parts';
import { checkpointOf, downloadCheckpoint } from './persistence';
import { isQuotaExceeded, type RunLibrary } from './runLibrary';

export interface RunsDeps extends ClientParts {
  readonly library: RunLibrary;
  /** Makes the worker's run match the store. */
  sync(): Promise<void>;
  /** Loads a checkpoint's weights into the run (checkpoints.ts), all or nothing. */
  apply(checkpoint: Checkpoint, source: string): Promise<void>;
  /** Fresh weights from the seed and empty curves; `message` says what happened. */
  wipe(message: string): Promise<void>;
}

/** What came of keeping the run before something replaces it. */
export type KeptBeforeWipe = { ok: true; name: string | null } | { ok: false };

export interface Runs {
  readonly ports: RunsPorts;
  /** Reads the library into the store. */
  read(): Promise<void>;
  /**
   * Keeps the current run (when it has steps not kept yet) before Reset or another run
   * replaces it; not ok when it could not be kept, and then nothing may wipe it.
   */
  keepBeforeWipe(): Promise<KeptBeforeWipe>;
}

/** The settings "the same initial weights" copies: all that draws the weights and orders the data. */
const SAME_START = STRUCTURAL_SETTINGS.filter((key) => key !== 'network');

/** A fresh id: time, then randomness (crypto.randomUUID needs a secure context). */
const newRunId = () =>
  `${Date.now().toString(36)}-${Math.random().toString(36).slice(2, 10).padEnd(8, '0')}`;

/**
 * True when `now` carries on from the kept run: its curves hold the kept run's last
 * training point. Then keeping again updates that entry instead of adding one.
 */
function continuesRun(kept: RunOverview, now: RunOverview): boolean {
  const last = kept.history.train.at(-1);
  return (
    last !== undefined &&
    now.history.train.some((p) => p.step === last.step && Object.is(p.loss, last.loss))
  );
}

/** The run library's side of the shell: keep, rename, delete and undo, export, open, A/B. */
export function createRuns(deps: RunsDeps): Runs {
  const { store, bridge, library } = deps;
  const state = () => store.getState();
  const setRun = (changes: Partial<LabStore['run']>) => state().setRun(changes);
  const find = (id: string) => state().keptRuns.find((r) => r.id === id);

  const datasetTitle = (id: string): string => {
    const m = state().manifestStatus;
    return (m.state === 'ready' && findDataset(m.manifest, id)?.title) || id;
  };

  async function read(): Promise<void> {
    try {
      state().setKeptRuns(await library.list());
    } catch (error) {
      state().setKeptRuns([]);
      state().pushNotice({
        tone: 'warning',
        title: 'The runs kept in this browser could not be read.',
        details: [
          `${messageOf(error)}. The lab works without them; runs you keep now may not last past this visit (private browsing keeps nothing).`,
        ],
      });
    }
  }

  /** Says why a run was not kept; what the library held before is untouched (one transaction). */
  function notKept(error: unknown, wiping: boolean): void {
    const full = isQuotaExceeded(error);
    state().pushNotice({
      tone: 'warning',
      title: full
        ? 'This browser’s storage for the lab is full, so the run was not kept.'
        : 'The run could not be kept in this browser.',
      details: [
        full
          ? 'Every run kept before is still there, and the current run carries on. Delete runs you no longer need in the Runs card (export them as checkpoint files first to keep a copy), then keep this one again.'
          : `${messageOf(error)}. Every run kept before is still there, and the current run carries on; download a checkpoint to keep it.`,
        ...(wiping ? ['Nothing was reset, so the run is still here.'] : []),
      ],
    });
  }

  /**
   * Keeps the current run: a new entry, or the entry it carries on from, updated. Null
   * when there was nothing new to keep; false when it could not be kept.
   */
  const keepCurrent = (wiping: boolean): Promise<KeptRun | null | false> =>
    bridge.serial(async (api) => {
      if (!api) return null;
      try {
        const { weights, state: runState, optimizer } = await api.snapshot();
        if (runState.step === 0) return null;
        const {
          weights: w,
          optimizer: o,
          ...run
        } = checkpointOf(state(), weights, runState, {
          optimizer,
        });
        const hint = state().currentKeptAs;
        const earlier = hint && find(hint.id);
        const same = earlier && continuesRun(earlier.run, run) ? earlier : undefined;
        if (same && same.run.step === run.step) return null;
        const entry: KeptRun = {
          id: same?.id ?? newRunId(),
          name:
            same?.name ??
            uniqueRunName(
              defaultRunName(run, datasetTitle(run.dataset)),
              state().keptRuns.map((r) => r.name),
            ),
          keptAt: new Date().toISOString(),
          run,
        };
        await library.save(entry, o ? { weights: w, optimizer: o } : { weights: w });
        state().setKeptRuns([entry, ...state().keptRuns.filter((r) => r.id !== entry.id)]);
        state().setCurrentKeptAs({ id: entry.id, step: run.step });
        return entry;
      } catch (error) {
        notKept(error, wiping);
        return false;
      }
    });

  async function keepBeforeWipe(): Promise<KeptBeforeWipe> {
    const kept = await keepCurrent(true);
    if (kept === false) return { ok: false };
    return { ok: true, name: kept?.name ?? null };
  }

  /** Runs `job` on a kept run, telling the person when it fails (the library changes nothing then). */
  const withRun =
    <A extends unknown[]>(what: string, job: (run: KeptRun, ...args: A) => Promise<void>) =>
    (id: string, ...args: A): void => {
      const run = find(id);
      if (!run) return;
      void job(run, ...args).catch((error: unknown) => {
        state().pushNotice({
          tone: 'warning',
          title: `“${run.name}” could not be ${what}.`,
          details: [`${messageOf(error)}. The runs kept in this browser were not changed.`],
        });
      });
    };

  /** Pauses a run in progress, so a run put in its place is not trained over. */
  async function pauseRun(): Promise<void> {
    if (state().run.phase === 'running') await bridge.api?.pause();
  }

  const ports: RunsPorts = {
    keep: () =>
      void keepCurrent(false).then((kept) => {
        if (kept === null)
          setRun({
            message:
              state().run.step === 0
                ? 'Nothing to keep yet: train at least one step first.'
                : 'This run is already kept at this step.',
          });
        else if (kept)
          setRun({
            message: `Kept “${kept.name}” at step ${kept.run.step.toLocaleString('en-US')}.`,
          });
      }),
    rename: withRun('renamed', async (run, typed: string) => {
      const name = cleanRunName(typed);
      if (!name || name === run.name) return;
      await library.rename(run.id, name);
      state().setKeptRuns(state().keptRuns.map((r) => (r.id === run.id ? { ...r, name } : r)));
    }),
    remove: withRun('deleted', async (run) => {
      const removed = await library.remove(run.id);
      state().setKeptRuns(state().keptRuns.filter((r) => r.id !== run.id));
      if (state().currentKeptAs?.id === run.id) state().setCurrentKeptAs(null);
      state().pushNotice({
        tone: 'info',
        title: `Deleted “${run.name}”.`,
        details: ['Undo puts it back with its curves and weights.'],
        action: {
          label: 'Undo',
          perform: () =>
            void library
              .restore(removed)
              .then(read)
              .catch((error: unknown) => notKept(error, false)),
        },
      });
    }),
    exportRun: withRun('exported', async (run) => {
      downloadCheckpoint(await library.checkpoint(run.id));
    }),
    open: withRun('opened', async (run) => {
      const checkpoint = await library.checkpoint(run.id);
      const kept = await keepBeforeWipe();
      if (!kept.ok) return;
      await pauseRun();
      // Its settings first, so its weights fit the network they were trained in.
      // The dataset is left to `apply`, which loads it as choosing it does.
      store.setState({
        ...settingsFromRun(checkpoint),
        dataset: state().dataset,
      } as Partial<LabStore>);
      await deps.apply(checkpoint, 'The kept run');
      if (state().run.step !== checkpoint.step) return;
      state().setCurrentKeptAs({ id: run.id, step: checkpoint.step });
      setRun({
        message: `Opened “${run.name}” at step ${checkpoint.step.toLocaleString('en-US')}: its settings and weights are the lab’s now.${kept.name ? ` The run before was kept as “${kept.name}”.` : ''}`,
      });
    }),
    startFromSameWeights: withRun('started from', async (run) => {
      const kept = await keepBeforeWipe();
      if (!kept.ok) return;
      await pauseRun();
      const { dataset, ...same } = settingsFromRun(run.run, SAME_START);
      if (dataset && dataset !== state().dataset) state().chooseDataset(dataset);
      store.setState(same as Partial<LabStore>);
      await deps.sync();
      const s = run.run.settings;
      const differs = !sameNetwork(state().network, run.run.network)
        ? ' Its network differs from this one, so not every starting weight can be the same.'
        : '';
      await deps.wipe(
        `Fresh weights from seed ${String(s.seed)} (${String(s.init)} initialisation), with the data in the same order, as “${run.name}” started: train to compare.${differs}${kept.name ? ` The run before was kept as “${kept.name}”.` : ''}`,
      );
    }),
  };
  return {
    ports,
    read,
    keepBeforeWipe,
  };
}
