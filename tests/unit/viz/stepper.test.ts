import { describe, expect, test } from 'vitest';
import {
  stepperReduce,
  type StepperAction,
  type StepperState,
} from '../../../src/viz/convolution/stepper';

const run = (
  actions: StepperAction[],
  total: number,
  from: StepperState = { index: 0, playing: false },
) => actions.reduce((state, action) => stepperReduce(state, action, total), from);

describe('the stepper', () => {
  test('steps forward and back within the animation and stops at either end', () => {
    expect(run([{ type: 'forward' }, { type: 'forward' }], 9).index).toBe(2);
    expect(run([{ type: 'back' }], 9).index).toBe(0);
    expect(run([{ type: 'last' }, { type: 'forward' }], 9).index).toBe(8);
    expect(run([{ type: 'last' }, { type: 'back' }, { type: 'first' }], 9).index).toBe(0);
  });

  test('plays one step per tick and pauses by itself on the last step', () => {
    let state = run([{ type: 'play' }], 3);
    expect(state).toEqual({ index: 0, playing: true });
    state = stepperReduce(state, { type: 'tick' }, 3);
    expect(state).toEqual({ index: 1, playing: true });
    state = stepperReduce(state, { type: 'tick' }, 3);
    expect(state).toEqual({ index: 2, playing: false });
  });

  test('play on the last step starts again from the first; toggle pauses a playing one', () => {
    expect(run([{ type: 'last' }, { type: 'play' }], 5)).toEqual({ index: 0, playing: true });
    expect(run([{ type: 'play' }, { type: 'toggle' }], 5)).toEqual({ index: 0, playing: false });
  });

  test('any manual step pauses, and a tick while paused does nothing', () => {
    expect(run([{ type: 'play' }, { type: 'forward' }], 5)).toEqual({ index: 1, playing: false });
    expect(run([{ type: 'tick' }], 5)).toEqual({ index: 0, playing: false });
  });

  test('scrubbing clamps to the steps there are, and a smaller animation clamps the current step', () => {
    expect(run([{ type: 'seek', index: 99 }], 9).index).toBe(8);
    expect(run([{ type: 'seek', index: -3 }], 9).index).toBe(0);
    expect(run([{ type: 'seek', index: Number.NaN }], 9).index).toBe(0);
    expect(stepperReduce({ index: 20, playing: false }, { type: 'pause' }, 4).index).toBe(3);
  });

  test('an animation of one step or none cannot play', () => {
    expect(run([{ type: 'play' }], 1)).toEqual({ index: 0, playing: false });
    expect(run([{ type: 'play' }, { type: 'forward' }], 0)).toEqual({ index: 0, playing: false });
  });
});
