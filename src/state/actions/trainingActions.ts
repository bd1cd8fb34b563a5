import { runMismatchOf } from '../runFit';
import type { LabStore } from '../store';
import type { TrainingControls } from '../trainingSlice';
import type { ActionStore, LabAction } from './types';

// The keys drive training on the training panel only, as they always have.
const panels = ['training'] as const;
const group = 'Training';

// These mirror the buttons' rules in panels/training: no controls until the engine has
// started; while it starts only pausing makes sense; stepping waits for a pause.
const hasControls = (s: LabStore): boolean => s.controls !== null;
const isRunning = (s: LabStore): boolean => s.run.phase === 'running';
const isBusy = (s: LabStore): boolean => s.run.phase === 'starting' || s.controls === null;

const noEngine = 'Open a panel that runs the network first (e.g. Training)';
const whyBusy = (s: LabStore): string =>
  s.controls === null ? noEngine : 'The engine is still starting';
const whyBusyOrRunning = (s: LabStore): string =>
  isRunning(s) ? 'Pause training first' : whyBusy(s);
/** A network that does not take the dataset's images: named before a step is tried. */
const misfits = (s: LabStore): boolean => runMismatchOf(s) !== null;
/** The reason training cannot start: the mismatch first, since it outlasts any wait. */
const whyNotTrainable = (s: LabStore): string => runMismatchOf(s) ?? whyBusyOrRunning(s);

/** Asks the engine's controls for something, when there are controls. */
const withControls =
  (run: (controls: TrainingControls) => void) =>
  (store: ActionStore): void => {
    const { controls } = store.getState();
    if (controls) run(controls);
  };

// When each kind of request makes sense: one more step or epoch only while paused (and on
// the training panel's keys); a test, trained weights or a download once the engine started.
const whilePaused = {
  panels,
  enabled: (s: LabStore) => !isBusy(s) && !isRunning(s) && !misfits(s),
  whyDisabled: whyNotTrainable,
};
const onceStarted = { enabled: hasControls, whyDisabled: () => noEngine };

/** An action that asks the engine's controls for one thing. */
const engineRequest = (
  action: Omit<LabAction, 'group' | 'perform'>,
  run: (controls: TrainingControls) => void,
): LabAction => ({ ...action, group, perform: withControls(run) });

/** Training: play or pause, one step, one epoch, reset, test, trained weights, checkpoints. */
export const TRAINING_ACTIONS: readonly LabAction[] = [
  {
    id: 'training.toggle',
    label: 'Train or pause',
    group,
    key: ' ',
    keyLabel: 'Space',
    panels,
    keywords: 'start play run stop',
    // Pausing always works; starting needs a network that fits the data.
    enabled: (s) => hasControls(s) && (isRunning(s) || (!isBusy(s) && !misfits(s))),
    whyDisabled: (s) => runMismatchOf(s) ?? whyBusy(s),
    perform: (store) => {
      const { controls, run } = store.getState();
      if (run.phase === 'running') controls?.pause();
      else controls?.play();
    },
  },
  engineRequest(
    { id: 'training.step', label: 'Train one step (one batch)', key: 's', ...whilePaused },
    (c) => c.step(),
  ),
  engineRequest({ id: 'training.epoch', label: 'Train one epoch', key: 'e', ...whilePaused }, (c) =>
    c.epoch(),
  ),
  {
    id: 'training.reset',
    label: 'Reset to the seed',
    group,
    key: 'r',
    panels,
    keywords: 'restart initialise weights',
    enabled: (s) => !isBusy(s),
    whyDisabled: whyBusy,
    perform: (store) => store.getState().controls?.reset(),
  },
  // No key for these: they are one click away on the panel and in the palette.
  engineRequest(
    {
      id: 'training.evaluate-test',
      label: 'Evaluate on the test split',
      ...onceStarted,
      keywords: 'confusion matrix accuracy',
    },
    (c) => c.evaluateTest(),
  ),
  engineRequest(
    {
      id: 'training.load-pretrained',
      label: 'Load trained weights',
      ...onceStarted,
      keywords: 'pretrained',
    },
    (c) => c.loadPretrained(),
  ),
  {
    id: 'training.keep-run',
    label: 'Keep this run',
    group,
    keywords: 'save compare runs library',
    ...onceStarted,
    perform: (store) => store.getState().runsPorts?.keep(),
  },
  engineRequest(
    {
      id: 'training.download-checkpoint',
      label: 'Download checkpoint',
      ...onceStarted,
      keywords: 'save weights file',
    },
    (c) => c.downloadCheckpoint(),
  ),
];
