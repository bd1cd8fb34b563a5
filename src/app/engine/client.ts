import type { StoreApi } from 'zustand';
import { messageOf } from '../../core/errors';
import { ENGINE_STARTED_MARK, markMoment, RUN_SET_UP_MARK } from '../../core/pageMarks';
import { dataBaseUrl } from '../../data/browserLoader';
import { OWN_DATASET_ID } from '../../data/manifest';
import type { StepPoint } from '../../state/metricsLog';
import { panelNeedsEngine } from '../../state/panels';
import { runMismatchOf } from '../../state/runFit';
import { useLabStore, type LabStore } from '../../state/store';
import type { TrainingControls } from '../../state/trainingSlice';
import type { EngineApi } from '../../worker/api';
import { connectWorker, createEngineBridge, isEngineStopped, type ConnectEngine } from './bridge';
import { browserRunStorage, createCheckpoints, type RunStorage } from './checkpoints';
import { createEventHandler } from './events';
import { createExperimentPorts } from './experimentPorts';
import { createInspection } from './inspection';
import { createReplay } from './replay';
import {
  browserRunKeyValues,
  createRunLibrary,
  memoryKeyValues,
  type RunLibrary,
} from './runLibrary';
import { createRuns } from './runs';
import { createRunSync, runSetupChanged } from './runSync';
import {
  ENGINE_ANSWER_LIMIT_MS,
  keepBeforeLeaving,
  NO_ANSWER,
  withinLimit,
  type CarriedRun,
} from './lifecycle';

/** What the client is wired to; tests replace the worker, the storage and the page's address. */
export interface EngineClientDeps {
  readonly store: StoreApi<LabStore>;
  readonly connect: ConnectEngine;
  readonly storage: RunStorage;
  /** The library of kept runs; in memory when not given (tests that do not look at it). */
  readonly runLibrary?: RunLibrary;
  /** Where the worker downloads datasets from. */
  dataBaseUrl(): string;
}

/** A running client; `dispose` stops it listening to the store (tests start one per case). */
export interface EngineClient {
  dispose(): void;
}

/**
 * The main thread's side of the engine: starts the worker when a panel that needs it
 * first opens, keeps the run in step with the store, turns the worker's events into
 * curves and status, and carries out the panels' controls.
 */
export function createEngineClient(deps: EngineClientDeps): EngineClient {
  const { store } = deps;
  const state = () => store.getState();
  const setRun = (changes: Partial<LabStore['run']>) => state().setRun(changes);

  const bridge = createEngineBridge({
    connect: deps.connect,
    initialise: (api) => initialise(api),
    onCrash: (reason, restarting) => {
      if (restarting) {
        state().pushNotice({
          tone: 'warning',
          title: 'The training engine stopped and was restarted.',
          details: [
            `It stopped because: ${reason}. Your settings were kept; the weights are those this browser kept of the run, or fresh ones from the seed.`,
          ],
        });
      } else {
        setRun({
          phase: 'error',
          message: `The training engine stopped: ${reason}. Reload the page to start it again; your settings are kept in the link.`,
        });
      }
    },
  });
  const runSync = createRunSync({ store, bridge, onSynced: () => void predictSelected() });
  const inspection = createInspection({ store, bridge, isSetUp: runSync.isSetUp });
  const experimentPorts = createExperimentPorts({ store, bridge });
  const predictSelected = inspection.predictSelected;
  const checkpoints = createCheckpoints({
    store,
    bridge,
    storage: deps.storage,
    sync: runSync.sync,
    isSetUp: runSync.isSetUp,
    predictSelected: () => void predictSelected(),
  });
  /** Fresh weights from the seed and empty curves (Reset, and a run started from another's start). */
  const wipe = (message: string) =>
    bridge.serial(async (api) => {
      await api?.reset();
      state().metrics.clear();
      state().setCurrentKeptAs(null);
      setRun({
        phase: 'ready',
        step: 0,
        epoch: 0,
        samplesPerSecond: 0,
        test: null,
        pretrained: false,
        message,
        savedStep: null,
      });
      await deps.storage.forget();
      void predictSelected();
    });
  const runs = createRuns({
    store,
    bridge,
    library: deps.runLibrary ?? createRunLibrary(memoryKeyValues()),
    sync: runSync.sync,
    apply: checkpoints.apply,
    wipe,
  });
  state().setRunsPorts(runs.ports);
  void runs.read();
  const replay = createReplay({ store, bridge, sync: runSync.sync });
  const handleEvent = createEventHandler({
    store,
    refreshPrediction: inspection.refreshPrediction,
    predictNow: () => void predictSelected(),
    persist: () => void checkpoints.persist(),
  });
  const onEvent: typeof handleEvent = (event) => {
    handleEvent(event);
    if (event.kind === 'stopped') replay.stopped();
  };

  /** Set by Pause, cleared by the next request to train: a play still queued then never starts. */
  let pauseAsked = false;
  /**
   * Play, Step and Epoch go through the engine's queue, after the setup, like every call
   * that reads or writes the model. A step holds the queue until it is done; a play or an
   * epoch only until the engine took it, so saves and predictions carry on meanwhile (the
   * engine gives them turns between steps).
   */
  const startRun = (go: (api: EngineApi) => Promise<void>, holdsQueue: boolean) => {
    if (runMismatchOf(state())) return;
    pauseAsked = false;
    setRun({ phase: 'running', message: null });
    void runSync.sync().then(() =>
      bridge.serial(async (api) => {
        if (!api || !runSync.isSetUp() || state().run.phase !== 'running') return;
        if (pauseAsked) return setRun({ phase: 'paused' });
        const done = go(api).catch((error: unknown) => {
          if (!isEngineStopped(error))
            setRun({ phase: 'error', message: `Training stopped: ${messageOf(error)}` });
        });
        if (holdsQueue) await done;
      }),
    );
  };

  const controls: TrainingControls = {
    play: () => {
      if (!bridge.api || state().run.phase === 'running') return;
      startRun((api) => api.play(), false);
    },
    pause: () => {
      pauseAsked = true;
      void bridge.api?.pause();
    },
    step: () => startRun((api) => api.step(), true),
    epoch: () => startRun((api) => api.epoch(), false),
    // The run is kept in the library first, so a Reset never loses it.
    reset: () =>
      void runs.keepBeforeWipe().then(async (kept) => {
        if (!kept.ok) return;
        await wipe(
          `Fresh weights from the seed.${kept.name ? ` The run before was kept as “${kept.name}”.` : ''}`,
        );
      }),
    evaluateTest: () =>
      void bridge.serial(async (api) => {
        if (!api) return;
        setRun({ message: 'Evaluating on the test split…' });
        const result = await api.evaluateTest();
        setRun({ test: result, message: null });
      }),
    loadPretrained: checkpoints.loadPretrained,
    downloadCheckpoint: checkpoints.downloadCheckpoint,
    loadCheckpoint: checkpoints.loadCheckpoint,
  };

  /**
   * Brings a new engine into step with the store: backend, the person's setup, their last run.
   * The setup goes out while the backend is still starting, so the worker reads and splits
   * the dataset meanwhile (it builds the model once the backend is up): the first picture
   * then waits for the slower of the two, not for both one after the other.
   */
  async function initialise(api: EngineApi): Promise<void> {
    runSync.forget();
    setRun({ phase: 'starting', message: 'Starting the training engine…' });
    try {
      await withinLimit(Promise.resolve(api.listen(onEvent)), ENGINE_ANSWER_LIMIT_MS, NO_ANSWER);
      startedWith = state().backend;
      const starting = api.start({ preferred: startedWith, dataBaseUrl: deps.dataBaseUrl() });
      const setUp = runSync.sync();
      // When the start fails the setup fails too; its message must not outlive the start's.
      const { backend, note, gpuAdapter } = await starting.catch(async (error: unknown) => {
        await setUp;
        throw error;
      });
      markMoment(ENGINE_STARTED_MARK);
      setRun({ backend, backendNote: note, gpuAdapter });
      await setUp;
      markMoment(RUN_SET_UP_MARK);
      // A link's `train=N` replays its run from the seed; otherwise the run this browser kept
      // resumes, which the seed alone may not reproduce (it may hold loaded weights).
      // The link's run kept in this browser at the link's step is the same run: it opens at
      // once, with its curves, instead of being retrained (the kept run holds the optimiser's
      // state and its place in the epoch, so it carries on as the replayed run would).
      const steps = state().trainSteps;
      if (carried && runSync.isSetUp()) {
        await carryOver(carried);
      } else if (steps > 0 && (await checkpoints.resumeLatestRun(steps))) {
        replay.fromSeed();
      } else if (steps > 0) {
        state().setControls(controls);
        await replay.replayLink();
      } else {
        await checkpoints.resumeLatestRun();
        if (state().run.step > 0) replay.stopped();
      }
      state().setControls(controls);
      state().setProbes(inspection.probes);
      state().setExperimentPorts(experimentPorts);
      if (state().run.phase === 'starting') setRun({ phase: 'ready', message: null });
    } catch (error) {
      // An engine replaced while it started (a new backend) says nothing: the new one reports.
      if (bridge.api !== api) return;
      setRun({
        phase: 'error',
        message: `The training engine could not start: ${messageOf(error)}`,
      });
    }
  }

  /** The backend the current engine was asked for. */
  let startedWith: string | null = null;
  /** The run a backend change carries from the old engine to the new one, while it starts. */
  let carried: CarriedRun | null = null;
  let switching = false;
  let switchAgain = false;

  /** Puts the old engine's run into the new one: weights, step, epoch, curves. */
  async function carryOver(run: CarriedRun): Promise<void> {
    const { weights, state: runState, optimizer } = run.snapshot;
    await bridge.serial(async (a) => a?.restore(weights, runState, optimizer));
    state().metrics.load(run.train, run.validation);
    setRun({
      step: runState.step,
      epoch: runState.epoch,
      phase: 'paused',
      savedStep: run.savedStep,
      message: null,
    });
  }

  /**
   * A new backend choice restarts the worker; the run comes along. Changes made while one
   * is under way are folded into one more restart at most, so two quick changes never
   * leave two engines starting side by side.
   */
  async function changeBackend(): Promise<void> {
    if (switching) {
      switchAgain = true;
      return;
    }
    switching = true;
    try {
      do {
        switchAgain = false;
        carried = await carriedRun();
        await bridge.restart();
        carried = null;
      } while (switchAgain && state().backend !== startedWith);
    } finally {
      switching = false;
      carried = null;
    }
  }

  /** The current run, to carry to a new engine; null before its first step. */
  async function carriedRun(): Promise<CarriedRun | null> {
    const snapshot = await bridge
      .serial(async (api) => (api ? api.snapshot() : null))
      .catch(() => null);
    if (!snapshot || snapshot.state.step === 0) return null;
    // Events run ahead of a snapshot taken while training: the curves stop at its step.
    const upTo = (p: StepPoint) => p.step <= snapshot.state.step;
    const { train, validation } = state().metrics;
    return {
      snapshot,
      train: train.filter(upTo),
      validation: validation.filter(upTo),
      savedStep: state().run.savedStep ?? null,
    };
  }

  const unsubscribe = store.subscribe((s, previous) => {
    if ((panelNeedsEngine(s.panel) || s.engineWanted) && !bridge.started) void bridge.start();
    if (!bridge.api) return;
    if (s.backend !== previous.backend) return void changeBackend();
    const ownChanged = s.datasetStatus[OWN_DATASET_ID] !== previous.datasetStatus[OWN_DATASET_ID];
    const setupChanged = runSetupChanged(s, previous);
    if (setupChanged || ownChanged) runSync.syncSoon();
    // Until the first step, the run's starting point follows the settings (see replay.ts).
    if (s.run.step === 0 && (setupChanged || previous.run.step !== 0)) replay.fromSeed();
    const inputChanged =
      s.sample !== previous.sample ||
      s.ownImage !== previous.ownImage ||
      s.datasetStatus[s.dataset] !== previous.datasetStatus[previous.dataset] ||
      s.panel !== previous.panel;
    if (inputChanged) inspection.refreshPrediction();
  });
  if (panelNeedsEngine(state().panel) || state().engineWanted) void bridge.start();
  const stopKeeping = keepBeforeLeaving(() => {
    const { step, savedStep } = state().run;
    if (bridge.api && step > 0 && step !== savedStep) void checkpoints.persist();
  });
  return {
    dispose: () => {
      unsubscribe();
      stopKeeping();
    },
  };
}

/** Starts the lab's engine client: the real worker, the browser's storage, the page's address. */
export function startEngineClient(): void {
  createEngineClient({
    store: useLabStore,
    connect: connectWorker,
    storage: browserRunStorage,
    runLibrary: createRunLibrary(browserRunKeyValues()),
    dataBaseUrl: () => dataBaseUrl(),
  });
}
