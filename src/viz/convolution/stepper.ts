/**
 * Play / pause / step / scrub for an animation of `total` steps, as a pure reducer so the
 * buttons, the keyboard and the timer share one set of named transitions.
 */
export interface StepperState {
  /** The step shown, 0 … total − 1. */
  readonly index: number;
  readonly playing: boolean;
}

export type StepperAction =
  | { readonly type: 'play' }
  | { readonly type: 'pause' }
  | { readonly type: 'toggle' }
  | { readonly type: 'forward' }
  | { readonly type: 'back' }
  | { readonly type: 'first' }
  | { readonly type: 'last' }
  | { readonly type: 'seek'; readonly index: number }
  /** The timer's beat while playing: one step forward, stopping at the last. */
  | { readonly type: 'tick' };

/** Speeds a person can choose, in steps per second. */
export const STEPPER_SPEEDS = [0.5, 1, 2, 4, 8] as const;

const clamp = (index: number, total: number): number =>
  Math.max(0, Math.min(Number.isFinite(index) ? Math.trunc(index) : 0, Math.max(0, total - 1)));

/** The state after an action, for an animation of `total` steps (0 steps: nothing to show). */
export function stepperReduce(
  state: StepperState,
  action: StepperAction,
  total: number,
): StepperState {
  const last = Math.max(0, total - 1);
  const index = clamp(state.index, total);
  switch (action.type) {
    case 'play':
      // Playing from the last step starts again from the first.
      return total > 1
        ? { index: index >= last ? 0 : index, playing: true }
        : { index, playing: false };
    case 'pause':
      return { index, playing: false };
    case 'toggle':
      return stepperReduce(state, { type: state.playing ? 'pause' : 'play' }, total);
    case 'forward':
      return { index: Math.min(index + 1, last), playing: false };
    case 'back':
      return { index: Math.max(index - 1, 0), playing: false };
    case 'first':
      return { index: 0, playing: false };
    case 'last':
      return { index: last, playing: false };
    case 'seek':
      return { index: clamp(action.index, total), playing: false };
    case 'tick':
      if (!state.playing) return { index, playing: false };
      return index + 1 >= last
        ? { index: last, playing: false }
        : { index: index + 1, playing: true };
  }
}
