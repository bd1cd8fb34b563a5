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

/** Asks the engine's controls for something, when there are controls. */
const withControls =
  (run: (controls: TrainingControls) => void) =>
  (store: ActionStore): void => {
    const { controls } = store.getState();
    if (controls) run(controls);
  };

/** One more training step or epoch: only while paused, on the training panel's key. */
const pausedCommand = (
  id: string,
  label: string,
  key: string,
  run: (controls: TrainingControls) => void,
): LabAction => ({
  id,
  label,
  group,
  key,
  panels,
  enabled: (s) => !isBusy(s) && !isRunning(s),
  whyDisabled: whyBusyOrRunning,
  perform: withControls(run),
});

/** A request the engine answers whenever it has started (test, trained weights, download). */
const engineCommand = (
  id: string,
  label: string,
  keywords: string,
  run: (controls: TrainingControls) => void,
): LabAction => ({
  id,
  label,
  group,
  keywords,
  enabled: hasControls,
  whyDisabled: () => noEngine,
  perform: withControls(run),
});

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
    enabled: (s) => hasControls(s) && (isRunning(s) || !isBusy(s)),
    whyDisabled: whyBusy,
    perform: (store) => {
      const { controls, run } = store.getState();
      if (run.phase === 'running') controls?.pause();
      else controls?.play();
    },
  },
  pausedCommand('training.step', 'Train one step (one batch)', 's', (c) => c.step()),
  pausedCommand('training.epoch', 'Train one epoch', 'e', (c) => c.epoch()),
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
  engineCommand(
    'training.evaluate-test',
    'Evaluate on the test split',
    'confusion matrix accuracy',
    (c) => c.evaluateTest(),
  ),
  engineCommand('training.load-pretrained', 'Load trained weights', 'pretrained', (c) =>
    c.loadPretrained(),
  ),
  engineCommand('training.download-checkpoint', 'Download checkpoint', 'save weights file', (c) =>
    c.downloadCheckpoint(),
  ),
];
