import type { LabStore } from '../store';
import type { LabAction } from './types';

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
  {
    id: 'training.step',
    label: 'Train one step (one batch)',
    group,
    key: 's',
    panels,
    enabled: (s) => !isBusy(s) && !isRunning(s),
    whyDisabled: whyBusyOrRunning,
    perform: (store) => store.getState().controls?.step(),
  },
  {
    id: 'training.epoch',
    label: 'Train one epoch',
    group,
    key: 'e',
    panels,
    enabled: (s) => !isBusy(s) && !isRunning(s),
    whyDisabled: whyBusyOrRunning,
    perform: (store) => store.getState().controls?.epoch(),
  },
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
  {
    id: 'training.evaluate-test',
    label: 'Evaluate on the test split',
    group,
    keywords: 'confusion matrix accuracy',
    enabled: hasControls,
    whyDisabled: () => noEngine,
    perform: (store) => store.getState().controls?.evaluateTest(),
  },
  {
    id: 'training.load-pretrained',
    label: 'Load trained weights',
    group,
    keywords: 'pretrained',
    enabled: hasControls,
    whyDisabled: () => noEngine,
    perform: (store) => store.getState().controls?.loadPretrained(),
  },
  {
    id: 'training.download-checkpoint',
    label: 'Download checkpoint',
    group,
    keywords: 'save weights file',
    enabled: hasControls,
    whyDisabled: () => noEngine,
    perform: (store) => store.getState().controls?.downloadCheckpoint(),
  },
];
