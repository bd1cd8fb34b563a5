import { useEffect, useReducer, useState, type Dispatch } from 'react';
import {
  STEPPER_SPEEDS,
  stepperReduce,
  type StepperAction,
  type StepperState,
} from '../../viz/convolution/stepper';
import { registerPanelStepper } from '../../state/panelStepper';
import { choicesOf } from '../shared/choices';
import { RangeField } from '../shared/NumberField';
import { SelectField } from '../shared/SelectField';

/** Keys that drive the step-through while this panel is open and no form field has focus. */
export const STEP_SHORTCUTS = [
  { key: 'Space', action: 'play or pause' },
  { key: '→', action: 'next step' },
  { key: '←', action: 'previous step' },
  { key: 'Home / End', action: 'first / last step' },
] as const;

const isFormField = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** The stepper's state for an animation of `total` steps, with its timer and keyboard shortcuts. */
export function useStepper(total: number) {
  const [speed, setSpeed] = useState<number>(2);
  const [raw, dispatch] = useReducer(
    (state: StepperState, action: StepperAction) => stepperReduce(state, action, total),
    { index: 0, playing: false },
  );
  // New settings with fewer steps clamp the step shown.
  const shown: StepperState = {
    index: Math.min(raw.index, Math.max(0, total - 1)),
    playing: raw.playing && total > 1,
  };
  useEffect(() => {
    if (!shown.playing) return;
    const timer = window.setInterval(() => dispatch({ type: 'tick' }), 1000 / speed);
    return () => window.clearInterval(timer);
  }, [shown.playing, speed]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.defaultPrevented || isFormField(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      const onButton = e.target instanceof HTMLElement && e.target.tagName === 'BUTTON';
      const actions: Record<string, StepperAction> = {
        ArrowRight: { type: 'forward' },
        ArrowLeft: { type: 'back' },
        Home: { type: 'first' },
        End: { type: 'last' },
      };
      // Space on a focused button presses that button instead.
      const action = e.key === ' ' && !onButton ? ({ type: 'toggle' } as const) : actions[e.key];
      if (!action) return;
      e.preventDefault();
      dispatch(action);
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, []);
  // Presenter mode's PageDown / PageUp and the presenter window drive the same stepper.
  useEffect(
    () =>
      registerPanelStepper('convolution', {
        next: () => dispatch({ type: 'forward' }),
        previous: () => dispatch({ type: 'back' }),
        toggle: () => dispatch({ type: 'toggle' }),
      }),
    [],
  );
  return { state: shown, dispatch, speed, setSpeed };
}

/** Play / pause, step back and forward, a scrubber and the speed. */
export function PlayBar({
  state,
  total,
  dispatch,
  speed,
  onSpeed,
}: {
  readonly state: StepperState;
  readonly total: number;
  readonly dispatch: Dispatch<StepperAction>;
  readonly speed: number;
  readonly onSpeed: (speed: number) => void;
}) {
  const none = total === 0;
  return (
    <div className="play-bar" role="group" aria-label="Step through the convolution">
      <button
        type="button"
        className="primary"
        onClick={() => dispatch({ type: 'toggle' })}
        disabled={total < 2}
        data-testid="conv-play"
      >
        {state.playing ? '❚❚ Pause' : '▶ Play'}
      </button>
      <button type="button" onClick={() => dispatch({ type: 'first' })} disabled={none}>
        First
      </button>
      <button
        type="button"
        onClick={() => dispatch({ type: 'back' })}
        disabled={none || state.index === 0}
        data-testid="conv-back"
      >
        <span aria-hidden="true">◀</span> Back
      </button>
      <button
        type="button"
        onClick={() => dispatch({ type: 'forward' })}
        disabled={none || state.index >= total - 1}
        data-testid="conv-forward"
      >
        Step <span aria-hidden="true">▶</span>
      </button>
      <RangeField
        className="scrubber"
        label={<span className="visually-hidden">Step</span>}
        min={1}
        max={Math.max(1, total)}
        value={none ? 1 : state.index + 1}
        disabled={none}
        onChange={(step) => dispatch({ type: 'seek', index: step - 1 })}
        testId="conv-scrub"
      />
      <span className="step-count" data-testid="conv-step-count">
        {none ? 'no steps' : `step ${state.index + 1} of ${total}`}
      </span>
      <SelectField
        className="field"
        label="Speed"
        value={speed}
        choices={choicesOf(STEPPER_SPEEDS, (s) =>
          s === 1 ? '1 step a second' : `${s} steps a second`,
        )}
        onChange={onSpeed}
      />
      <p className="small muted shortcut-list">
        Keys:{' '}
        {STEP_SHORTCUTS.map((s, i) => (
          <span key={s.key}>
            {i > 0 && ', '}
            <kbd>{s.key}</kbd> {s.action}
          </span>
        ))}
      </p>
    </div>
  );
}
