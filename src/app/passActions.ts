import type { LabAction } from '../state/actions/registry';
import type { PassStage } from '../state/passStage';
import { selectReport, type LabStore } from '../state/store';
import { stageAt, stageCount, stageIndex, stepStage } from '../viz/network/stages';

// Registered by the shell because the stage arithmetic lives in viz, which state may not import.
const panels = ['network'] as const;
const group = 'Forward & backward passes';

/** Where the pass animation stands for the current network. */
export function passPosition(state: LabStore) {
  const layers = selectReport(state).layers.length;
  const index = stageIndex(state.passStage, layers);
  return { layers, index, last: stageCount(layers) - 1, stage: stageAt(index, layers) };
}

// The pass controls exist once the engine has run the selected input on the open network view.
const shown = (s: LabStore): boolean => s.panel === 'network' && s.inspection !== null;
const whyHidden = (s: LabStore): string =>
  s.panel === 'network' ? 'Waiting for the engine to run the input' : 'Open Forward & backward';

/** A manual move stops the animation, then goes to the stage (staying put at either end). */
function moveTo(target: (state: LabStore) => PassStage | null): LabAction['perform'] {
  return (store) => {
    const state = store.getState();
    const stage = target(state);
    state.setPassPlaying(false);
    if (stage) state.setPassStage(stage);
  };
}

/** A stage further along the pass (1) or back (−1), from where it stands. */
const stepBy =
  (direction: 1 | -1) =>
  (state: LabStore): PassStage | null => {
    const { stage, layers } = passPosition(state);
    return stepStage(stage, layers, direction);
  };

// What every pass action shares: its group, its panel and when its controls are there.
const onThePassControls = { group, panels, enabled: shown, whyDisabled: whyHidden } as const;

/** Stepping through the forward and backward passes of the network view. */
export const PASS_ACTIONS: readonly LabAction[] = [
  {
    id: 'pass.forward',
    label: 'Step the pass forward',
    ...onThePassControls,
    key: 'ArrowRight',
    altKeys: ['.'],
    keyLabel: '→',
    keywords: 'next layer stage',
    perform: moveTo(stepBy(1)),
  },
  {
    id: 'pass.back',
    label: 'Step the pass back',
    ...onThePassControls,
    key: 'ArrowLeft',
    altKeys: [','],
    keyLabel: '←',
    keywords: 'previous layer stage',
    perform: moveTo(stepBy(-1)),
  },
  {
    id: 'pass.start',
    label: 'First stage of the pass',
    ...onThePassControls,
    key: 'Home',
    keywords: 'start beginning input',
    perform: moveTo((s) => stageAt(0, passPosition(s).layers)),
  },
  {
    id: 'pass.end',
    label: 'Last stage of the pass',
    ...onThePassControls,
    key: 'End',
    keywords: 'end',
    perform: moveTo((s) => {
      const { last, layers } = passPosition(s);
      return stageAt(last, layers);
    }),
  },
  {
    id: 'pass.backward',
    label: 'Start of the backward pass',
    ...onThePassControls,
    key: 'b',
    keywords: 'gradient loss backpropagation',
    perform: moveTo((s) => {
      const { layers } = passPosition(s);
      return stageAt(layers, layers);
    }),
  },
  {
    id: 'pass.play',
    label: 'Play or pause the pass',
    ...onThePassControls,
    key: 'p',
    keywords: 'animate',
    perform: (store) => {
      const state = store.getState();
      const { index, last, layers } = passPosition(state);
      // Playing from the last stage starts over.
      if (!state.passPlaying && index >= last) state.setPassStage(stageAt(0, layers));
      state.setPassPlaying(!state.passPlaying);
    },
  },
];
