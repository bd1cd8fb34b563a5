import { messageOf } from '../../core/errors';
import type { OptimizerValues } from '../../core/inspection';
import { networkMismatch, weightsMismatch } from '../../core/fit';
import { decodeWeight, parseCheckpoint, type Checkpoint } from '../../data/checkpoint';
import { isNormalisationMode } from '../../data/normalise';
import { datasetShapeOf } from '../../state/runFit';
import type { LabStore } from '../../state/store';
import { isEngineStopped } from './bridge';
import type { ClientParts } from './parts';
import {
  checkpointOf,
  downloadCheckpoint,
  forgetLatestRun,
  loadLatestRun,
  saveLatestRun,
} from './persistence';
import { findPretrained } from './pretrained';
import { runSetupOf, weightsKeyOf } from './runSync';

/** Where the latest run is kept between visits (IndexedDB in the page). */
export interface RunStorage {
  save(checkpoint: Checkpoint): Promise<void>;
  load(): Promise<Checkpoint | null>;
  forget(): Promise<void>;
}

/** The browser's own storage of the latest run. */
export const browserRunStorage: RunStorage = {
  save: saveLatestRun,
  load: loadLatestRun,
  forget: forgetLatestRun,
};

const PRETRAINED = 'The lab’s trained weights';
/** Checkpoint files past this size are refused before they are read. */
const MAX_CHECKPOINT_BYTES = 50_000_000;

export interface CheckpointDeps extends ClientParts {
  readonly storage: RunStorage;
  /** Makes the worker's run match the store. */
  sync(): Promise<void>;
  /** True once the worker took a setup. */
  isSetUp(): boolean;
  predictSelected(): void;
}

export interface Checkpoints {
  /** Loads a checkpoint's weights into the run; `source` names it in the messages. */
  apply(checkpoint: Checkpoint, source: string): Promise<void>;
  /** Keeps the current run in this browser (only once it has taken a step). */
  persist(): Promise<void>;
  /**
   * Loads the run this browser kept, when it was of the same network and dataset; with
   * `asReplayOf`, only when it is that link's run (same settings, at the link's step), so
   * the link opens at once instead of retraining. True when it loaded one.
   */
  resumeLatestRun(asReplayOf?: number): Promise<boolean>;
  loadPretrained(): void;
  downloadCheckpoint(): void;
  loadCheckpoint(file: File): void;
}

/**
 * The checkpoint's optimiser state when it is of the optimiser the run uses now, and what to
 * tell. The weights are what the person came for: a state of another optimiser (they chose a
 * different one since) cannot be used, but the weights still load and the optimiser starts
 * afresh, as switching optimiser mid-run does, and the load message says so.
 */
export function keptOptimizerOf(
  checkpoint: Checkpoint,
  current: string,
): { optimizer?: OptimizerValues; note: string } {
  const kept = checkpoint.optimizer;
  if (!kept) return { note: '' };
  if (kept.name !== current) {
    return {
      note: ` Its ${kept.name} optimiser state does not apply to ${current}, so the optimiser starts afresh.`,
    };
  }
  return {
    optimizer: {
      name: kept.name,
      iterations: kept.iterations,
      slots: kept.slots.map((own) => own.map(decodeWeight)),
    },
    note: '',
  };
}

/** Saving, loading and downloading the run's weights. */
export function createCheckpoints(deps: CheckpointDeps): Checkpoints {
  const { store, bridge, storage } = deps;
  const state = () => store.getState();
  const setRun = (changes: Partial<LabStore['run']>) => state().setRun(changes);

  /**
   * Why the checkpoint cannot be loaded into the current network, or null: its weights'
   * shapes, then its dataset's images, all from the documents (nothing is touched yet).
   */
  function refusalOf(checkpoint: Checkpoint): string | null {
    const network = state().network;
    const weights = weightsMismatch(network, checkpoint.weights);
    if (weights) return weights;
    const dataset = datasetShapeOf(state(), checkpoint.dataset);
    return dataset ? networkMismatch(network, dataset) : null;
  }

  /** All or nothing: a checkpoint that does not fit leaves the dataset, weights and step as they were. */
  async function apply(checkpoint: Checkpoint, source: string): Promise<void> {
    const refusal = refusalOf(checkpoint);
    if (refusal) {
      const name =
        typeof checkpoint.network.name === 'string' ? checkpoint.network.name : 'another network';
      setRun({
        message: `${source} does not fit the current network, so nothing was changed: ${refusal} It was trained on ${name}; choose that network first.`,
      });
      return;
    }
    if (checkpoint.dataset !== state().dataset)
      state().chooseDataset(checkpoint.dataset as LabStore['dataset']);
    // Weights only make sense on inputs normalised the way they were trained on.
    const normalisation = checkpoint.settings.normalisation;
    if (isNormalisationMode(normalisation) && normalisation !== state().normalisation) {
      state().setNormalisation(normalisation);
    }
    await deps.sync();
    const api = bridge.api;
    if (!api || !deps.isSetUp()) return;
    const { optimizer, note } = keptOptimizerOf(checkpoint, state().optimizer);
    try {
      await api.restore(
        checkpoint.weights.map(decodeWeight),
        { step: checkpoint.step, epoch: checkpoint.epoch, offset: checkpoint.offset ?? 0 },
        optimizer,
      );
    } catch (error) {
      const name =
        typeof checkpoint.network.name === 'string' ? checkpoint.network.name : 'another network';
      setRun({
        message: `${source} does not fit the current network, so nothing was loaded: ${messageOf(error)} It was trained on ${name}; choose that network first.`,
      });
      return;
    }
    state().metrics.load(checkpoint.history.train, checkpoint.history.validation);
    setRun({
      step: checkpoint.step,
      epoch: checkpoint.epoch,
      test: null,
      pretrained: source === PRETRAINED,
      phase: 'paused',
      message: `Loaded ${source.toLowerCase()}: step ${checkpoint.step.toLocaleString('en-US')}${checkpoint.testAccuracy === null ? '' : `, test accuracy ${(checkpoint.testAccuracy * 100).toFixed(1)}%`}.${note}`,
    });
    deps.predictSelected();
    void persist();
  }

  /**
   * In the engine's queue, so its snapshot never overlaps a call that replaces the same
   * variables; a save that fails is told (the run itself is untouched), never dropped.
   */
  let waiting: Promise<void> | null = null;
  function persist(): Promise<void> {
    // A save still waiting its turn will read the newest weights anyway: one is enough.
    if (waiting) return waiting;
    const queued = bridge.serial(async (api) => {
      if (waiting === queued) waiting = null;
      if (!api) return;
      try {
        const { weights, state: runState, optimizer } = await api.snapshot();
        if (runState.step === 0) return;
        await storage.save(checkpointOf(state(), weights, runState, { optimizer }));
        setRun({ savedStep: runState.step });
      } catch (error) {
        // The engine was replaced under the save (a new backend): its run moves on there.
        if (isEngineStopped(error)) return;
        state().pushNotice({
          tone: 'warning',
          title: 'The run could not be kept in this browser.',
          details: [
            `${messageOf(error)}. The run is still here; download a checkpoint to keep it, or free some of the browser's storage.`,
          ],
        });
      }
    });
    waiting = queued;
    return queued;
  }

  return {
    apply,
    persist,
    async resumeLatestRun(asReplayOf) {
      const stored = await storage.load();
      // What IndexedDB holds is checked like a file: it may hold what JSON cannot (NaN
      // weights of a run that diverged) or come from an older version of the lab.
      let saved: Checkpoint | null;
      try {
        saved = stored && parseCheckpoint(stored);
      } catch (error) {
        state().pushNotice({
          tone: 'warning',
          title: 'The run kept in this browser could not be opened.',
          details: [
            `${messageOf(error)}. The lab starts from the seed instead; the next run you train is kept in its place.`,
          ],
        });
        return false;
      }
      if (!saved) return false;
      const fits =
        JSON.stringify(saved.network) === JSON.stringify(state().network) &&
        saved.dataset === state().dataset;
      if (!fits) return false;
      if (asReplayOf !== undefined) {
        const kept = { network: saved.network, dataset: saved.dataset, ...saved.settings };
        if (saved.step !== asReplayOf || weightsKeyOf(kept) !== weightsKeyOf(runSetupOf(state())))
          return false;
      }
      await apply(saved, 'Your last run');
      return true;
    },
    loadPretrained: () =>
      void (async () => {
        const found = await findPretrained(state());
        if ('problem' in found) setRun({ message: found.problem });
        else await apply(found.checkpoint, PRETRAINED);
      })(),
    downloadCheckpoint: () =>
      void bridge.serial(async (api) => {
        if (!api) return;
        const { weights, state: runState, optimizer } = await api.snapshot();
        downloadCheckpoint(checkpointOf(state(), weights, runState, { optimizer }));
      }),
    loadCheckpoint: (file) =>
      void (async () => {
        try {
          if (file.size > MAX_CHECKPOINT_BYTES)
            throw new Error(`${file.name} is larger than 50 MB`);
          await apply(
            parseCheckpoint(JSON.parse(await file.text())),
            `The checkpoint ${file.name}`,
          );
        } catch (error) {
          setRun({
            message: `${file.name} could not be loaded: ${messageOf(error)}. Nothing was changed.`,
          });
        }
      })(),
  };
}
