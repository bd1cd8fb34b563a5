import { actionOf, isActionEnabled, performAction } from '../../state/actions/registry';
import type { ActionStore, LabAction } from '../../state/actions/registry';
import { panelStepperOf } from '../../state/panelStepper';
import type { LabStore } from '../../state/store';
import { usePresenterUi } from './presenterUi';
import { spotlightTarget } from './spotlightTarget';

const group = 'Presenter';

/**
 * Full screen by the Fullscreen API. A page inside a frame that does not allow it, or a
 * browser without it, refuses: the person is told to use the browser's own key instead,
 * rather than nothing happening.
 */
export async function toggleFullscreen(store: ActionStore, quiet = false): Promise<void> {
  if (typeof document === 'undefined') return;
  try {
    if (document.fullscreenElement) await document.exitFullscreen();
    else if (document.fullscreenEnabled) await document.documentElement.requestFullscreen();
    else
      throw new Error('this page may not use full screen here (a frame or the browser forbids it)');
  } catch (error) {
    if (quiet) return;
    store.getState().pushNotice({
      tone: 'info',
      title: 'Full screen did not open.',
      details: [
        error instanceof Error ? error.message : String(error),
        'Use the browser’s own full-screen key instead (F11, or Ctrl ⌘ F on a Mac).',
      ],
    });
  }
}

/** The presenter view's address: this page with `?view=presenter`, the shell's second route. */
export function presenterViewUrl(location: Pick<Location, 'origin' | 'pathname'>): string {
  return `${location.origin}${location.pathname}?view=presenter`;
}

/** True when a lesson is open and its step can move that way. */
const lessonMoves = (s: LabStore, direction: 1 | -1): boolean =>
  s.lesson !== '' && isActionEnabled(direction > 0 ? 'lesson.next' : 'lesson.previous', s);

/** The open panel's own stepper moves that way: the pass actions, or a registered stepper. */
function panelMoves(s: LabStore, direction: 1 | -1): boolean {
  if (s.panel === 'network')
    return isActionEnabled(direction > 0 ? 'pass.forward' : 'pass.back', s);
  return panelStepperOf(s.panel) !== undefined;
}

/** One step: the lesson's when one is open, else the open panel's own stepper. */
function stepBy(direction: 1 | -1): LabAction['perform'] {
  return (store) => {
    const s = store.getState();
    if (s.lesson !== '' && actionOf('lesson.next')) {
      performAction(direction > 0 ? 'lesson.next' : 'lesson.previous', store);
    } else if (s.panel === 'network') {
      performAction(direction > 0 ? 'pass.forward' : 'pass.back', store);
    } else {
      const stepper = panelStepperOf(s.panel);
      if (direction > 0) stepper?.next();
      else stepper?.previous();
    }
  };
}

/** The action that plays or pauses the open panel's run, when it has one. */
function playActionOf(s: LabStore): string | undefined {
  if (s.panel === 'training') return 'training.toggle';
  if (s.panel === 'network') return 'pass.play';
  return undefined;
}

const canPlay = (s: LabStore): boolean => {
  const id = playActionOf(s);
  return id ? isActionEnabled(id, s) : panelStepperOf(s.panel)?.toggle !== undefined;
};

const presenting = (s: LabStore): boolean => s.presenting;
const notPresenting = () => 'Turn presenter mode on first (M)';

/**
 * Presenter mode's actions, on the keys a presenter's remote sends. The stepping, play and
 * blank keys work only in presenter mode, so outside it the keys keep their old meanings
 * (`B` jumps to the backward pass on Forward & backward; PageDown scrolls with no lesson).
 * The shell registers these before the pass actions, so in presenter mode `B` blanks.
 */
export const PRESENTER_ACTIONS: readonly LabAction[] = [
  {
    id: 'present.toggle',
    label: 'Presenter mode on or off',
    group,
    key: 'm',
    keywords: 'lecture projector present slides remote',
    enabled: () => true,
    perform: (store) => {
      const { presenting: on, setPresenting } = store.getState();
      setPresenting(!on);
      // The key and the button are a person's gesture, so full screen may follow them.
      if (!on !== Boolean(typeof document !== 'undefined' && document.fullscreenElement))
        void toggleFullscreen(store, true);
    },
  },
  {
    id: 'present.fullscreen',
    label: 'Full screen on or off',
    group,
    key: 'f',
    keywords: 'fullscreen projector',
    enabled: () => true,
    perform: (store) => void toggleFullscreen(store),
  },
  {
    id: 'present.blank',
    label: 'Blank the screen (presenter mode; any key brings it back)',
    group,
    key: 'b',
    keywords: 'black screen pause',
    enabled: presenting,
    whyDisabled: notPresenting,
    perform: () => usePresenterUi.getState().setBlanked(!usePresenterUi.getState().blanked),
  },
  {
    id: 'present.next',
    label: 'Next lesson step, or the panel’s next step (presenter mode)',
    group,
    key: 'PageDown',
    altKeys: ['ArrowRight', 'ArrowDown'],
    keywords: 'forward remote clicker',
    enabled: (s) => s.presenting && (lessonMoves(s, 1) || (s.lesson === '' && panelMoves(s, 1))),
    whyDisabled: notPresenting,
    perform: stepBy(1),
  },
  {
    id: 'present.previous',
    label: 'Previous lesson step, or the panel’s step back (presenter mode)',
    group,
    key: 'PageUp',
    altKeys: ['ArrowLeft', 'ArrowUp'],
    keywords: 'back remote clicker',
    enabled: (s) => s.presenting && (lessonMoves(s, -1) || (s.lesson === '' && panelMoves(s, -1))),
    whyDisabled: notPresenting,
    perform: stepBy(-1),
  },
  {
    id: 'present.play',
    label: 'Play or pause the panel’s run (presenter mode)',
    group,
    key: ' ',
    keyLabel: 'Space',
    keywords: 'training pass animation convolution step-through',
    enabled: (s) => s.presenting && canPlay(s),
    whyDisabled: notPresenting,
    perform: (store) => {
      const id = playActionOf(store.getState());
      if (id) performAction(id, store);
      else panelStepperOf(store.getState().panel)?.toggle?.();
    },
  },
  {
    id: 'present.spotlight',
    label: 'Magnify the focused picture for the back row',
    group,
    key: 'z',
    keywords: 'zoom spotlight magnify enlarge',
    enabled: () => spotlightTarget() !== null,
    whyDisabled: () => 'Focus a picture (a feature map, a grid) or point at one first',
    perform: () => usePresenterUi.getState().setSpotlight(spotlightTarget()),
  },
  {
    id: 'present.open-view',
    label: 'Open presenter view (notes, next step, timer) in a second window',
    group,
    keywords: 'speaker notes second screen window timer',
    enabled: () => typeof window !== 'undefined' && typeof BroadcastChannel !== 'undefined',
    whyDisabled: () => 'This browser cannot link two windows (no BroadcastChannel)',
    perform: (store) => {
      store.getState().setPresenting(true);
      window.open(
        presenterViewUrl(window.location),
        'cnn-lab-presenter',
        'popup,width=960,height=720',
      );
    },
  },
];
