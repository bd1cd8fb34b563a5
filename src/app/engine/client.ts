import { proxy, wrap, type Remote } from 'comlink';
import { dataBaseUrl } from '../../data/browserLoader';
import { decodeWeight, parseCheckpoint, type Checkpoint } from '../../data/checkpoint';
import { isNormalisationMode } from '../../data/normalise';
import { selectInputImage } from '../../state/selectedInput';
import { useLabStore, type LabStore } from '../../state/store';
import type { EngineProbes, TrainingControls } from '../../state/trainingSlice';
import type { EngineApi, EngineEvent, RunSetup, SampleRequest } from '../../worker/api';
import {
  checkpointOf,
  downloadCheckpoint,
  forgetLatestRun,
  loadLatestRun,
  saveLatestRun,
} from './persistence';
import { findPretrained } from './pretrained';
import { isStructuralChange, runSetupOf } from './runSetup';

const STATUS_EVERY_MS = 250;
/** Panels that show what the network computes; the worker starts when one first opens. */
const PANELS_NEEDING_ENGINE: ReadonlySet<string> = new Set([
  'training',
  'network',
  'maths',
  'convolution',
  'features',
  'receptive',
]);
const PREDICT_EVERY_MS = 600;
const messageOf = (e: unknown) => (e instanceof Error ? e.message : String(e));
const store = useLabStore;

/** Calls `fn` at most once per `ms`, always running the last call. */
function throttle(fn: () => void, ms: number): () => void {
  let timer: ReturnType<typeof setTimeout> | null = null;
  return () => {
    if (timer) return;
    timer = setTimeout(() => {
      timer = null;
      fn();
    }, ms);
  };
}

/**
 * The main thread's side of the engine: starts the worker when the training
 * panel first opens, keeps the run in step with the store, turns the worker's
 * events into curves and status, and carries out the panel's controls.
 */
export function startEngineClient(): void {
  let worker: Worker | null = null;
  let api: Remote<EngineApi> | null = null;
  let sent: RunSetup | null = null;
  let queue: Promise<unknown> = Promise.resolve();
  let pending: Partial<LabStore['run']> = {};
  const state = () => store.getState();
  const setRun = (changes: Partial<LabStore['run']>) => state().setRun(changes);
  const serial = <T>(job: () => Promise<T>): Promise<T> => {
    const next = queue.then(job, job);
    queue = next.catch(() => undefined);
    return next;
  };

  const flushStatus = throttle(() => {
    setRun(pending);
    pending = {};
  }, STATUS_EVERY_MS);

  const refreshPrediction = throttle(() => void predictSelected(), PREDICT_EVERY_MS);

  /** Asks the engine about the selected input; the answer feeds the prediction bars and the explainers. */
  /** The selected input as the worker takes it, or null when there is none. */
  function sampleRequest(): SampleRequest | null {
    const selected = selectInputImage(state());
    if (!selected.ok) return null;
    const { sample } = state();
    return sample.source === 'own'
      ? {
          source: 'own',
          pixels: selected.image.pixels,
          height: selected.image.height,
          width: selected.image.width,
          channels: selected.image.channels,
        }
      : sample;
  }

  const probes: EngineProbes = {
    topActivations: (layerIndex, channel, count) =>
      serial(async () => (api ? api.topActivations(layerIndex, channel, count) : [])),
    gradientCheck: (weight, epsilon) =>
      serial(async () => {
        const request = sampleRequest();
        return api && request ? api.gradientCheck(request, weight, epsilon) : null;
      }),
    unitInputGradient: (layerIndex, unit) =>
      serial(async () => {
        const request = sampleRequest();
        return api && request ? api.unitInputGradient(request, layerIndex, unit) : null;
      }),
  };

  async function predictSelected(): Promise<void> {
    const selected = selectInputImage(state());
    if (!api || !sent || !selected.ok) {
      state().setInspection(null);
      return setRun({ probabilities: null });
    }
    const { sample } = state();
    const request: SampleRequest =
      sample.source === 'own'
        ? {
            source: 'own',
            pixels: selected.image.pixels,
            height: selected.image.height,
            width: selected.image.width,
            channels: selected.image.channels,
          }
        : sample;
    try {
      // The training panel shows only the probabilities; the weights (and their gradients) are
      // sent only when a panel that draws them is open, to spare the page the copying.
      const inspection = await api.inspect(request, state().panel !== 'training');
      state().setInspection(inspection);
      setRun({ probabilities: Array.from(inspection.probabilities) });
    } catch {
      state().setInspection(null);
      setRun({ probabilities: null });
    }
  }

  function onEvent(event: EngineEvent): void {
    const { metrics } = state();
    if (event.kind === 'step') {
      // Before pushTrain, whose notification redraws the gradient-flow chart too.
      metrics.pushGradients({ step: event.step, norms: event.gradNorms });
      metrics.pushTrain({
        step: event.step,
        epoch: event.epoch,
        loss: event.loss,
        accuracy: event.accuracy,
      });
      pending = {
        ...pending,
        step: event.step,
        epoch: event.epoch,
        samplesPerSecond: event.samplesPerSecond,
      };
      flushStatus();
      refreshPrediction();
    } else if (event.kind === 'validation') {
      metrics.pushValidation({
        step: event.step,
        epoch: event.epoch,
        loss: event.loss,
        accuracy: event.accuracy,
      });
    } else if (event.kind === 'stopped') {
      setRun({
        ...pending,
        phase: event.reason === 'error' ? 'error' : event.reason === 'paused' ? 'paused' : 'done',
        message: event.message,
      });
      pending = {};
      void predictSelected();
      void persist();
    } else if (event.kind === 'backend') {
      setRun({ backend: event.name, backendNote: event.note });
      if (event.fellBack)
        state().pushNotice({
          tone: 'warning',
          title: 'The training backend changed.',
          details: [event.note],
        });
    } else {
      setRun({ message: event.message });
    }
  }

  async function persist(): Promise<void> {
    if (!api) return;
    const { weights, state: runState } = await api.snapshot();
    if (runState.step > 0) await saveLatestRun(checkpointOf(state(), weights, runState));
  }

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

  /** Makes the worker's run match the store; a structural change starts afresh. */
  const sync = () =>
    serial(async () => {
      if (!api) return;
      await datasetSettled(state().dataset);
      const next = runSetupOf(state());
      if (sent && JSON.stringify(sent) === JSON.stringify(next)) return;
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
      void predictSelected();
    });

  async function apply(checkpoint: Checkpoint, source: string): Promise<void> {
    if (checkpoint.dataset !== state().dataset)
      state().chooseDataset(checkpoint.dataset as LabStore['dataset']);
    // Weights only make sense on inputs normalised the way they were trained on.
    const normalisation = checkpoint.settings.normalisation;
    if (isNormalisationMode(normalisation) && normalisation !== state().normalisation) {
      state().setNormalisation(normalisation);
    }
    await sync();
    if (!api || !sent) return;
    try {
      await api.restore(checkpoint.weights.map(decodeWeight), {
        step: checkpoint.step,
        epoch: checkpoint.epoch,
        offset: 0,
      });
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
      pretrained: source === 'The lab’s trained weights',
      phase: 'paused',
      message: `Loaded ${source.toLowerCase()}: step ${checkpoint.step.toLocaleString('en-US')}${checkpoint.testAccuracy === null ? '' : `, test accuracy ${(checkpoint.testAccuracy * 100).toFixed(1)}%`}.`,
    });
    void predictSelected();
    void persist();
  }

  const controls: TrainingControls = {
    play: () => {
      if (!api || state().run.phase === 'running') return;
      setRun({ phase: 'running', message: null });
      void sync().then(() => api?.play());
    },
    pause: () => void api?.pause(),
    step: () => {
      setRun({ phase: 'running', message: null });
      void sync().then(() => api?.step());
    },
    epoch: () => {
      setRun({ phase: 'running', message: null });
      void sync().then(() => api?.epoch());
    },
    reset: () =>
      void serial(async () => {
        await api?.reset();
        state().metrics.clear();
        setRun({
          phase: 'ready',
          step: 0,
          epoch: 0,
          samplesPerSecond: 0,
          test: null,
          pretrained: false,
          message: 'Fresh weights from the seed.',
        });
        await forgetLatestRun();
        void predictSelected();
      }),
    evaluateTest: () =>
      void serial(async () => {
        if (!api) return;
        setRun({ message: 'Evaluating on the test split…' });
        const result = await api.evaluateTest();
        setRun({ test: result, message: null });
      }),
    loadPretrained: () =>
      void (async () => {
        const found = await findPretrained(state());
        if ('problem' in found) setRun({ message: found.problem });
        else await apply(found.checkpoint, 'The lab’s trained weights');
      })(),
    downloadCheckpoint: () =>
      void serial(async () => {
        if (!api) return;
        const { weights, state: runState } = await api.snapshot();
        downloadCheckpoint(checkpointOf(state(), weights, runState));
      }),
    loadCheckpoint: (file) =>
      void (async () => {
        try {
          if (file.size > 50_000_000) throw new Error(`${file.name} is larger than 50 MB`);
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

  async function start(): Promise<void> {
    worker = new Worker(new URL('../../worker/engineWorker.ts', import.meta.url), {
      type: 'module',
      name: 'cnn-lab-engine',
    });
    api = wrap<EngineApi>(worker);
    setRun({ phase: 'starting', message: 'Starting the training engine…' });
    try {
      await api.listen(proxy(onEvent));
      const { backend, note } = await api.start({
        preferred: state().backend,
        dataBaseUrl: dataBaseUrl(),
      });
      setRun({ backend, backendNote: note });
      await sync();
      const saved = await loadLatestRun();
      if (
        saved &&
        JSON.stringify(saved.network) === JSON.stringify(state().network) &&
        saved.dataset === state().dataset
      ) {
        await apply(saved, 'Your last run');
      }
      state().setControls(controls);
      state().setProbes(probes);
      if (state().run.phase === 'starting') setRun({ phase: 'ready', message: null });
    } catch (error) {
      setRun({
        phase: 'error',
        message: `The training engine could not start: ${messageOf(error)}`,
      });
    }
  }

  /** A new backend choice restarts the worker; the weights come along through a snapshot. */
  async function restart(): Promise<void> {
    const snapshot = api ? await api.snapshot().catch(() => null) : null;
    worker?.terminate();
    api = null;
    sent = null;
    await start();
    if (api && snapshot && snapshot.state.step > 0) {
      await (api as Remote<EngineApi>)
        .restore(snapshot.weights, snapshot.state)
        .catch(() => undefined);
      setRun({ step: snapshot.state.step, epoch: snapshot.state.epoch, phase: 'paused' });
    }
  }

  const syncSoon = throttle(() => void sync(), 150);
  store.subscribe((s, previous) => {
    if (PANELS_NEEDING_ENGINE.has(s.panel) && !worker) void start();
    if (!api) return;
    if (s.backend !== previous.backend) return void restart();
    if (JSON.stringify(runSetupOf(s)) !== JSON.stringify(runSetupOf(previous))) syncSoon();
    const inputChanged =
      s.sample !== previous.sample ||
      s.ownImage !== previous.ownImage ||
      s.datasetStatus[s.dataset] !== previous.datasetStatus[previous.dataset] ||
      s.panel !== previous.panel;
    if (inputChanged) refreshPrediction();
  });
  if (PANELS_NEEDING_ENGINE.has(state().panel)) void start();
}
