import type { StoreApi } from 'zustand';
import type { GradientNorms, StepPoint } from '../../state/metricsLog';
import type { NoticeInput } from '../../state/notices';
import type { LabStore } from '../../state/store';
import type { RunStatus } from '../../state/trainingSlice';
import type { EngineEvent } from '../../worker/api';
import { throttle } from './throttle';

/** The run status reaches the store at most this often (the step counter, the speed). */
export const STATUS_EVERY_MS = 250;
/**
 * While training, the run is kept in this browser at most this often: a reload or a
 * crashed tab then loses a few seconds of training, while a save (a snapshot of the
 * weights and a write to IndexedDB, a few milliseconds for the lab's networks) costs
 * the run well under 1% of its time.
 */
export const SAVE_EVERY_MS = 5000;

/** What one engine event changes in the page. */
export interface EventEffects {
  readonly gradients: GradientNorms | null;
  readonly train: StepPoint | null;
  readonly validation: StepPoint | null;
  /** Status held back until the next throttled flush. */
  readonly pending: Partial<RunStatus>;
  /** Status to set at once (it carries any held-back status with it), or null. */
  readonly run: Partial<RunStatus> | null;
  readonly notice: NoticeInput | null;
  /** 'soon': within the prediction's throttle; 'now': the run stopped, ask at once. */
  readonly prediction: 'none' | 'soon' | 'now';
  /**
   * When the run is kept in this browser: 'now' when it stopped or an epoch ended, 'soon'
   * (within SAVE_EVERY_MS) after any other step, or not at all.
   */
  readonly persist: 'none' | 'soon' | 'now';
}

const NOTHING: Omit<EventEffects, 'pending'> = {
  gradients: null,
  train: null,
  validation: null,
  run: null,
  notice: null,
  prediction: 'none',
  persist: 'none',
};

/** The page's updates for one engine event, given the status still held back. */
export function effectsOfEvent(event: EngineEvent, pending: Partial<RunStatus>): EventEffects {
  switch (event.kind) {
    case 'step':
      return {
        ...NOTHING,
        gradients: { step: event.step, norms: event.gradNorms },
        train: { step: event.step, epoch: event.epoch, loss: event.loss, accuracy: event.accuracy },
        pending: {
          ...pending,
          step: event.step,
          epoch: event.epoch,
          samplesPerSecond: event.samplesPerSecond,
        },
        prediction: 'soon',
        persist: event.endsEpoch ? 'now' : 'soon',
      };
    case 'validation':
      return {
        ...NOTHING,
        validation: {
          step: event.step,
          epoch: event.epoch,
          loss: event.loss,
          accuracy: event.accuracy,
        },
        pending,
      };
    case 'stopped':
      return {
        ...NOTHING,
        pending: {},
        run: {
          ...pending,
          phase: event.reason === 'error' ? 'error' : event.reason === 'paused' ? 'paused' : 'done',
          message: event.message,
        },
        prediction: 'now',
        persist: 'now',
      };
    case 'backend':
      return {
        ...NOTHING,
        pending,
        run: { backend: event.name, backendNote: event.note, gpuAdapter: event.gpuAdapter },
        notice: event.fellBack
          ? { tone: 'warning', title: 'The training backend changed.', details: [event.note] }
          : null,
      };
    case 'loading':
      return { ...NOTHING, pending, run: { message: event.message } };
  }
}

export interface EventHandlerDeps {
  readonly store: StoreApi<LabStore>;
  /** Asks for the selected input's prediction within its throttle. */
  refreshPrediction(): void;
  /** Asks for it at once. */
  predictNow(): void;
  /** Keeps the run in this browser. */
  persist(): void;
}

/** The listener the engine calls with its events: applies each one's effects to the store. */
export function createEventHandler(deps: EventHandlerDeps): (event: EngineEvent) => void {
  let pending: Partial<RunStatus> = {};
  const state = () => deps.store.getState();
  const flushStatus = throttle(() => {
    state().setRun(pending);
    pending = {};
  }, STATUS_EVERY_MS);
  const persistSoon = throttle(() => deps.persist(), SAVE_EVERY_MS);

  return (event) => {
    const effects = effectsOfEvent(event, pending);
    const { metrics } = state();
    // Gradients before the training point, whose notification redraws the gradient-flow chart too.
    if (effects.gradients) metrics.pushGradients(effects.gradients);
    if (effects.train) metrics.pushTrain(effects.train);
    if (effects.validation) metrics.pushValidation(effects.validation);
    pending = effects.pending;
    if (effects.run) state().setRun(effects.run);
    if (effects.notice) state().pushNotice(effects.notice);
    if (event.kind === 'step') flushStatus();
    if (effects.prediction === 'soon') deps.refreshPrediction();
    if (effects.prediction === 'now') deps.predictNow();
    if (effects.persist === 'now') deps.persist();
    if (effects.persist === 'soon') persistSoon();
  };
}
