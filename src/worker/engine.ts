import { gatherBatch, type Batch, type BatchOptions } from '../data/batches';
import type { LoadedDataset } from '../data/loader';
import type { ImageSet } from '../data/types';
import {
  chooseBackend,
  createSession,
  EARLY_STOPPING_START,
  fallBackFrom,
  gradientCheck,
  isBackendName,
  topActivations,
  unitInputGradient,
  updateEarlyStopping,
  type BackendSelection,
  type BackendOptions,
  type EarlyStoppingState,
  type SessionStep,
  type TrainingSession,
} from '../engine';
import { messageOf } from '../core/errors';
import type { InspectionData } from '../core/inspection';
import type { EngineApi, EngineEvent, RunSetup, SampleRequest } from './api';
import { singleImageSet } from '../data/runSets';
import { evaluateTestOf, prepareRunData, type RunData } from './runData';
import { createTurns } from './modelTurns';
import type { ExperimentContext } from './experimentContext';
import { createExperimentApi } from './experiments';
import { assertFits, isRunFault } from './runFaults';
import { isStructuralChange } from './runSetupChanges';
import { createThroughputMeter } from './throughput';
import { pauseFor, yieldToEvents } from './yieldToEvents';

/** Validation runs this often (in steps), and at every epoch's end. */
const VALIDATE_EVERY = 100;
/** A copy of the weights and optimiser state is kept this often, to carry on after a backend fails. */
const SAFEKEEP_EVERY = 100;

export interface EngineDeps {
  loadDataset(id: string, baseUrl: string): Promise<LoadedDataset>;
  now(): number;
  /** Where the WASM backend's binaries are served (the lab's own files, never a CDN). */
  readonly wasmPaths?: BackendOptions['wasmPaths'];
  /** Builds a training session; tests put a failing one here to exercise the backend fallback. */
  readonly createSession?: typeof createSession;
}

/** The worker's engine: one run at a time, driven by the main thread through EngineApi. */
export function createEngine(deps: EngineDeps): EngineApi {
  let backend: BackendSelection | null = null;
  /** The backend being chosen, from the first `start`; what a setup waits on before building. */
  let starting: Promise<BackendSelection> | null = null;
  const backendOptions: BackendOptions = deps.wasmPaths ? { wasmPaths: deps.wasmPaths } : {};
  let dataBaseUrl = '';
  let listener: (event: EngineEvent) => void = () => {};
  let setup: RunSetup | null = null;
  let session: TrainingSession | null = null;
  let data: RunData | null = null;
  let playing = false;
  let early: EarlyStoppingState = EARLY_STOPPING_START;
  let safekept: Awaited<ReturnType<TrainingSession['snapshot']>> | null = null;
  const datasets = new Map<string, LoadedDataset>();
  /** Datasets the page made and handed over (provideDataset); never loaded by id. */
  const provided = new Map<string, LoadedDataset>();
  /** A provided dataset that changed under the current run: the next setup rebuilds. */
  let staleDataset: string | null = null;
  const meter = createThroughputMeter();
  // Steps, snapshots and inspections take turns on the model (see modelTurns.ts).
  const withModel = createTurns();

  const emit = (event: EngineEvent) => listener(event);
  const need = (): { session: TrainingSession; data: RunData; setup: RunSetup } => {
    if (!session || !data || !setup) throw new Error('The run is not set up yet.');
    return { session, data, setup };
  };
  const backendStarted = (): Promise<BackendSelection> =>
    starting ?? Promise.reject(new Error('The engine was set up before it was started.'));
  const trainingConfig = (s: RunSetup) => ({
    optimizer: { name: s.optimizer, learningRate: s.learningRate, l1: s.l1, l2: s.l2 },
    batchSize: s.batchSize,
    augmentation: s.augmentation,
  });
  const newSession = deps.createSession ?? createSession;
  const build = (s: RunSetup, d: RunData) =>
    newSession({
      network: s.network,
      seed: s.seed,
      init: s.init,
      train: d.train,
      normalisation: s.normalisation,
      stats: d.stats,
      config: trainingConfig(s),
    });

  /** A dataset by id, loaded once; `announce` tells the run status while it downloads. */
  async function dataset(id: string, announce = true): Promise<LoadedDataset> {
    const given = provided.get(id);
    if (given && datasets.get(id) !== given) datasets.clear();
    if (given) datasets.set(id, given);
    const cached = datasets.get(id);
    if (cached) return cached;
    if (announce) emit({ kind: 'loading', message: `Loading the ${id} dataset…` });
    const loaded = await deps.loadDataset(id, dataBaseUrl);
    // One dataset at a time, but never the current run's: an experiment that loads another
    // (the shift experiment's MNIST) must not take away the images the run's samples index.
    for (const key of [...datasets.keys()]) if (key !== setup?.dataset) datasets.delete(key);
    datasets.set(id, loaded);
    return loaded;
  }

  async function validate(step: SessionStep): Promise<void> {
    const { session: s, data: d } = need();
    if (d.validation.count === 0) return;
    const result = await s.evaluate(d.validation);
    emit({
      kind: 'validation',
      step: step.step,
      epoch: step.epoch,
      loss: result.loss,
      accuracy: result.accuracy,
    });
    // Patience 0 means early stopping is off.
    const patience = setup?.patience ?? 0;
    if (step.endsEpoch && patience > 0)
      early = updateEarlyStopping(early, result.loss, { patience });
  }

  /** After a backend fails mid-run: the next backend, the model rebuilt, the last safe weights back. */
  async function fallBack(error: unknown): Promise<void> {
    const failed = backend?.name;
    if (!failed || !setup || !data) throw error;
    backend = await fallBackFrom(failed, backendOptions);
    try {
      session?.dispose();
    } catch {
      // The failed backend may not be able to free its memory; it is abandoned either way.
    }
    session = build(setup, data);
    if (safekept) session.restore(safekept);
    emit({
      kind: 'backend',
      name: backend.name,
      note: `${failed} failed (${messageOf(error)}); the run moved to ${backend.name} and carries on from step ${session.step}.`,
      gpuAdapter: backend.gpuAdapter,
      fellBack: true,
    });
  }

  async function oneStep(): Promise<SessionStep> {
    const { session: s, setup: current } = need();
    let result: SessionStep;
    try {
      result = await s.trainStep();
    } catch (error) {
      // Only a failing backend moves the run: a network that does not fit its data fails
      // on every backend, and would leave the run on the slowest for nothing.
      if (isRunFault(error)) throw error;
      await fallBack(error);
      result = await need().session.trainStep();
    }
    const rate = meter.record(Math.min(current.batchSize, need().data.train.count), deps.now());
    emit({
      kind: 'step',
      step: result.step,
      epoch: result.epoch,
      loss: result.loss,
      accuracy: result.accuracy,
      samplesPerSecond: rate,
      gradNorms: result.gradNorms,
      endsEpoch: result.endsEpoch,
    });
    if (result.step % SAFEKEEP_EVERY === 0) safekept = await need().session.snapshot();
    if (result.step % VALIDATE_EVERY === 0 || result.endsEpoch) await validate(result);
    return result;
  }

  /** Trains until paused, or until `until` says stop; reports why it stopped. */
  async function run(
    until: (step: SessionStep) => 'go' | 'stop',
    fullSpeed = false,
  ): Promise<void> {
    if (playing) return;
    playing = true;
    meter.reset();
    try {
      for (;;) {
        const step = await withModel(oneStep);
        const current = need().setup;
        if (step.endsEpoch && step.epoch + 1 >= current.epochs) {
          emit({
            kind: 'stopped',
            reason: 'finished',
            message: `Finished ${current.epochs} epoch(s).`,
          });
          return;
        }
        if (step.endsEpoch && current.patience > 0 && early.stop) {
          emit({
            kind: 'stopped',
            reason: 'early-stopping',
            message: `Stopped early: validation loss has not improved for ${current.patience} epoch(s).`,
          });
          return;
        }
        if (until(step) === 'stop' || !playing) {
          emit({ kind: 'stopped', reason: 'paused', message: `Paused at step ${step.step}.` });
          return;
        }
        // A replay keeps the event loop turning (pause requests) but never waits for slow motion.
        await (fullSpeed ? yieldToEvents() : pauseFor(current.delayMs));
        if (!playing) {
          emit({ kind: 'stopped', reason: 'paused', message: `Paused at step ${step.step}.` });
          return;
        }
      }
    } catch (error) {
      emit({ kind: 'stopped', reason: 'error', message: `Training stopped: ${messageOf(error)}` });
    } finally {
      playing = false;
    }
  }

  /** The set and index a sample request points at. */
  function sampleSet(sample: SampleRequest): { set: ImageSet; index: number } {
    const { data: d } = need();
    const set =
      sample.source === 'own'
        ? singleImageSet(
            sample.pixels,
            sample.height,
            sample.width,
            sample.channels,
            d.test.classCount,
          )
        : sample.source === 'test'
          ? d.test
          : datasets.get(setup?.dataset ?? '')?.train;
    if (!set) throw new Error('The dataset is not loaded.');
    const index = sample.source === 'own' ? 0 : sample.index;
    if (index >= set.count)
      throw new Error(`There is no image ${index} in the ${sample.source} split.`);
    return { set, index };
  }

  /** How the run turns bytes into inputs: its normalisation and the training split's statistics. */
  function inputNormalisation(): BatchOptions {
    const { data: d, setup: current } = need();
    return { normalisation: current.normalisation, stats: d.stats };
  }

  /** The sample as the network sees it: a normalised batch of one. */
  function sampleBatch(sample: SampleRequest): Batch {
    const { set, index } = sampleSet(sample);
    return gatherBatch(set, Uint32Array.of(index), inputNormalisation());
  }

  /** Inspects one input: a dataset image, or the person's own (scored against its predicted class). */
  async function inspectOne(
    sample: SampleRequest,
    includeWeights: boolean,
  ): Promise<InspectionData> {
    const { session: s } = need();
    const { set, index } = sampleSet(sample);
    let inspection = await s.inspect(set, index, { includeWeights });
    if (sample.source === 'own' && inspection.predicted !== 0) {
      // An own image has no true class: its loss and gradients are taken against the class the network chose.
      set.labels[0] = inspection.predicted;
      inspection = await s.inspect(set, index, { includeWeights });
    }
    return { ...inspection, step: s.step };
  }

  const experimentContext: ExperimentContext = {
    need,
    withModel,
    // An experiment's dataset is its own: its progress shows in its tab, not in the run's status.
    dataset: (id) => dataset(id, false),
    sampleSet,
    sampleBatch,
    inputNormalisation,
    createSession: newSession,
    backendStarted,
  };

  return {
    ...createExperimentApi(experimentContext),
    async start(options) {
      dataBaseUrl = options.dataBaseUrl;
      starting = chooseBackend({
        ...backendOptions,
        preferred: isBackendName(options.preferred) ? options.preferred : 'auto',
      });
      // A setup that arrives meanwhile waits on this; its own failure is reported there.
      starting.catch(() => undefined);
      backend = await starting;
      const skipped = backend.attempts.filter((a) => !a.ok).map((a) => `${a.name}: ${a.reason}`);
      const chosen = backend.attempts.find((a) => a.ok)?.reason ?? '';
      const note = [chosen, ...(skipped.length ? [`Not used: ${skipped.join(' ')}`] : [])].join(
        ' ',
      );
      const { gpuAdapter } = backend;
      emit({ kind: 'backend', name: backend.name, note, gpuAdapter, fellBack: false });
      return { backend: backend.name, note, gpuAdapter };
    },
    async provideDataset(id, given) {
      provided.set(id, given);
      if (setup?.dataset === id) staleDataset = id;
    },
    listen(onEvent) {
      listener = onEvent;
    },
    async setup(next) {
      const rebuild =
        !setup || !session || isStructuralChange(setup, next) || staleDataset === next.dataset;
      staleDataset = null;
      if (!rebuild && session) {
        setup = next;
        session.configure(trainingConfig(next));
        return {
          rebuilt: false,
          trainCount: data?.train.count ?? 0,
          validationCount: data?.validation.count ?? 0,
        };
      }
      playing = false;
      // The data is read and split while the backend may still be starting (the page sends
      // the setup without waiting for it); only the model needs the backend.
      const preparing = dataset(next.dataset).then((loaded) => {
        assertFits(next.network, loaded);
        return prepareRunData(loaded, next.validationSplit, next.seed, next.trainLimit ?? 0);
      });
      preparing.catch(() => undefined);
      await backendStarted();
      const prepared = await preparing;
      await withModel(() => {
        const fresh = build(next, prepared);
        session?.dispose();
        session = fresh;
        data = prepared;
        setup = next;
        early = EARLY_STOPPING_START;
        safekept = null;
      });
      return {
        rebuilt: true,
        trainCount: prepared.train.count,
        validationCount: prepared.validation.count,
      };
    },
    play: () => run(() => 'go'),
    pause() {
      playing = false;
    },
    step: () => run(() => 'stop'),
    epoch: () => run((step) => (step.endsEpoch ? 'stop' : 'go')),
    async trainTo(target) {
      if (need().session.step >= target) return;
      await run((step) => (step.step >= target ? 'stop' : 'go'), true);
    },
    async reset() {
      playing = false;
      await yieldToEvents();
      await withModel(() => {
        need().session.reset();
        early = EARLY_STOPPING_START;
        safekept = null;
      });
    },
    predict: (sample: SampleRequest) =>
      withModel(async () => (await inspectOne(sample, false)).probabilities),
    inspect: (sample: SampleRequest, includeWeights: boolean) =>
      withModel(() => inspectOne(sample, includeWeights)),
    topActivations: (layerIndex, channel, count) =>
      withModel(() => {
        const { session: s, data: d } = need();
        return topActivations(s.model, d.test, layerIndex, channel, count, inputNormalisation());
      }),
    gradientCheck: (sample, weight, epsilon) =>
      withModel(async () => {
        const { session: s } = need();
        const batch = sampleBatch(sample);
        const label =
          sample.source === 'own'
            ? (await inspectOne(sample, false)).label
            : (batch.labels[0] ?? 0);
        return gradientCheck(s.model, batch.images, label, weight, epsilon);
      }),
    unitInputGradient: (sample, layerIndex, unit) =>
      withModel(() => {
        const { session: s } = need();
        const batch = sampleBatch(sample);
        return unitInputGradient(s.model, batch.images, layerIndex, unit);
      }),
    evaluateTest: () =>
      withModel(() => {
        const { session: s, data: d } = need();
        return evaluateTestOf(s, d);
      }),
    snapshot: () =>
      withModel(async () => {
        const snap = await need().session.snapshot();
        return {
          weights: snap.weights,
          state: { step: snap.step, epoch: snap.position.epoch, offset: snap.position.offset },
          optimizer: snap.optimizer,
        };
      }),
    restore: (weights, state, optimizer) =>
      withModel(() => {
        need().session.restore({
          step: state.step,
          position: { epoch: state.epoch, offset: state.offset },
          weights,
          ...(optimizer ? { optimizer } : {}),
        });
        safekept = null;
      }),
  };
}
