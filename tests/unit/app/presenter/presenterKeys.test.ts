import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest';
import { APP_ACTIONS } from '../../../../src/app/appActions';
import { PASS_ACTIONS } from '../../../../src/app/passActions';
import { PRESENTER_ACTIONS } from '../../../../src/app/presenter/presenterActions';
import { usePresenterUi } from '../../../../src/app/presenter/presenterUi';
import type { InspectionData } from '../../../../src/core/inspection';
import { LESSON_ACTIONS } from '../../../../src/panels/lessons/navigate';
import { actionForKey, registerActions } from '../../../../src/state/actions/registry';
import { registerPanelStepper } from '../../../../src/state/panelStepper';
import { useLabStore } from '../../../../src/state/store';

// The order the shell registers them in (App.tsx), then the lessons' when their code loads.
let unregister = () => {};
beforeAll(() => {
  unregister = registerActions([
    ...PRESENTER_ACTIONS,
    ...PASS_ACTIONS,
    ...APP_ACTIONS,
    ...LESSON_ACTIONS,
  ]);
});
afterAll(() => unregister());

const initial = useLabStore.getState();
beforeEach(() => {
  useLabStore.setState(initial, true);
  usePresenterUi.setState({ blanked: false, spotlight: null });
});

const keyOn = (key: string) => actionForKey(key, useLabStore.getState())?.id;
const onNetwork = {
  panel: 'network' as const,
  inspection: { step: 0 } as unknown as InspectionData,
};

describe('the presenter keys', () => {
  it('leave B to the backward pass outside presenter mode, and blank the screen in it', () => {
    useLabStore.setState(onNetwork);
    expect(keyOn('b')).toBe('pass.backward');
    expect(keyOn('B')).toBe('pass.backward');
    useLabStore.setState({ presenting: true });
    expect(keyOn('b')).toBe('present.blank');
    expect(keyOn('m')).toBe('present.toggle');
    expect(keyOn('f')).toBe('present.fullscreen');
  });

  it('step the lesson with PageDown and the arrows in presenter mode, the pass without a lesson', () => {
    useLabStore.setState({ ...onNetwork, lesson: 'conv-arithmetic', step: 1 });
    // Outside presenter mode the arrows step the pass and PageDown the lesson, as before.
    expect(keyOn('ArrowRight')).toBe('pass.forward');
    expect(keyOn('PageDown')).toBe('lesson.next');
    useLabStore.setState({ presenting: true });
    expect(keyOn('ArrowRight')).toBe('present.next');
    useLabStore.setState({ presenting: true });
    const step = useLabStore.getState().step;
    const action = actionForKey('PageDown', useLabStore.getState());
    action?.perform(useLabStore);
    expect(useLabStore.getState().step).toBe(step + 1);
    // (ArrowUp: the step may have opened the convolution panel, whose stepper keeps ←.)
    actionForKey('ArrowUp', useLabStore.getState())?.perform(useLabStore);
    expect(useLabStore.getState().step).toBe(step);
    // No lesson: PageDown moves the pass animation a stage.
    useLabStore.setState({ ...onNetwork, lesson: '', step: 1, passStage: { pass: 'f', layer: 0 } });
    actionForKey('PageDown', useLabStore.getState())?.perform(useLabStore);
    expect(useLabStore.getState().passStage).toEqual({ pass: 'f', layer: 1 });
  });

  it('drive a panel’s own stepper, and leave PageDown to the page where there is none', () => {
    useLabStore.setState({ panel: 'maths', presenting: true });
    expect(keyOn('PageDown')).toBeUndefined();
    const moves: string[] = [];
    const remove = registerPanelStepper('maths', {
      next: () => moves.push('next'),
      previous: () => moves.push('previous'),
    });
    actionForKey('PageDown', useLabStore.getState())?.perform(useLabStore);
    actionForKey('ArrowUp', useLabStore.getState())?.perform(useLabStore);
    expect(moves).toEqual(['next', 'previous']);
    // This stepper does not play, so Space is not taken.
    expect(keyOn(' ')).toBeUndefined();
    remove();
    expect(keyOn('PageDown')).toBeUndefined();
  });

  it('play the pass with Space in presenter mode, and blank with B until any key', () => {
    useLabStore.setState({ ...onNetwork, presenting: true });
    expect(keyOn(' ')).toBe('present.play');
    actionForKey(' ', useLabStore.getState())?.perform(useLabStore);
    expect(useLabStore.getState().passPlaying).toBe(true);
    actionForKey('b', useLabStore.getState())?.perform(useLabStore);
    expect(usePresenterUi.getState().blanked).toBe(true);
  });
});
