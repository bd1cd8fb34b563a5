import { beforeEach, describe, expect, it } from 'vitest';
import { lessonById } from '../../../src/lessons/runner';
import type { Lesson } from '../../../src/lessons/types';
import {
  enterStep,
  hasNextStep,
  hasPreviousStep,
  leaveLesson,
  LESSON_ACTIONS,
} from '../../../src/panels/lessons/navigate';
import { actionForKey, registerActions } from '../../../src/state/actions/registry';
import { PANELS } from '../../../src/state/panels';
import { defaultSettings } from '../../../src/state/settings';
import { useLabStore } from '../../../src/state/store';

const lesson = lessonById('conv-arithmetic');
const action = (id: string) => {
  const found = LESSON_ACTIONS.find((a) => a.id === id);
  if (!found) throw new Error(id);
  return found;
};

describe('stepping through a lesson', () => {
  beforeEach(() => useLabStore.getState().applySettings(defaultSettings()));

  it("enters a step with its own lab state, keeping the panel and the learner's other settings", () => {
    if (!lesson) throw new Error('no conv-arithmetic lesson');
    useLabStore.setState({ panel: 'lessons', seed: 42 });
    enterStep(useLabStore, lesson, 2);
    const s = useLabStore.getState();
    expect([s.lesson, s.step, s.panel, s.seed]).toEqual(['conv-arithmetic', 2, 'lessons', 42]);
    expect(s.convParams).not.toEqual(defaultSettings().convParams);
    enterStep(useLabStore, lesson, 99);
    expect(useLabStore.getState().step).toBe(2);
  });

  it('Next and Back are enabled only where there is a step to go to', () => {
    if (!lesson) throw new Error('no conv-arithmetic lesson');
    const last = lesson.steps.length;
    useLabStore.setState({ panel: 'lessons', lesson: lesson.id, step: 1 });
    expect(hasPreviousStep(useLabStore.getState())).toBe(false);
    expect(hasNextStep(useLabStore.getState())).toBe(true);
    action('lesson.next').perform(useLabStore);
    expect(useLabStore.getState().step).toBe(2);
    action('lesson.previous').perform(useLabStore);
    expect(useLabStore.getState().step).toBe(1);
    useLabStore.setState({ step: last });
    expect(hasNextStep(useLabStore.getState())).toBe(false);
    useLabStore.setState({ lesson: 'no-such-lesson', step: 2 });
    expect(hasNextStep(useLabStore.getState())).toBe(false);
    expect(hasPreviousStep(useLabStore.getState())).toBe(false);
  });
});

/** A lesson of two steps: the first hides the curves and the navigation, the second nothing. */
const HIDING: Lesson = {
  id: 'hiding',
  title: 'Hiding',
  summary: '',
  deck: '000',
  minutes: 1,
  steps: [
    { title: 'One', prose: 'one', hide: ['curves', 'navigation'] },
    { title: 'Two', prose: 'two' },
  ],
};

describe("a step's hidden parts", () => {
  beforeEach(() => useLabStore.getState().applySettings(defaultSettings()));

  it('are hidden on entering the step, shown again on a step that hides nothing', () => {
    enterStep(useLabStore, HIDING, 1);
    expect(useLabStore.getState().hide).toEqual(['curves', 'navigation']);
    enterStep(useLabStore, HIDING, 2);
    expect(useLabStore.getState().hide).toEqual([]);
  });

  it('are shown again on leaving the lesson, which keeps the rest of the lab', () => {
    enterStep(useLabStore, HIDING, 1);
    useLabStore.setState({ seed: 42, panel: 'training' });
    leaveLesson(useLabStore);
    const s = useLabStore.getState();
    expect([s.lesson, s.hide, s.seed, s.panel]).toEqual(['', [], 42, 'training']);
  });
});

describe('PageUp and PageDown', () => {
  beforeEach(() => useLabStore.getState().applySettings(defaultSettings()));

  it('step the lesson on every panel while a lesson is open, and scroll the page otherwise', () => {
    const unregister = registerActions(LESSON_ACTIONS);
    try {
      for (const panel of PANELS) {
        useLabStore.setState({ panel, lesson: 'conv-arithmetic', step: 2 });
        expect(actionForKey('PageDown', useLabStore.getState())?.id, panel).toBe('lesson.next');
        expect(actionForKey('PageUp', useLabStore.getState())?.id, panel).toBe('lesson.previous');
        useLabStore.setState({ lesson: '' });
        expect(actionForKey('PageDown', useLabStore.getState()), panel).toBeUndefined();
      }
    } finally {
      unregister();
    }
  });

  it("take the lab to the next step's panel from the lab, and stay on the Lessons panel", () => {
    if (!lesson) throw new Error('no conv-arithmetic lesson');
    const toArchitecture = lesson.steps.findIndex(
      (s, i) => i > 0 && s.state?.includes('panel=architecture'),
    );
    expect(toArchitecture).toBeGreaterThan(0);
    useLabStore.setState({ panel: 'convolution', lesson: lesson.id, step: toArchitecture });
    action('lesson.next').perform(useLabStore);
    expect([useLabStore.getState().step, useLabStore.getState().panel]).toEqual([
      toArchitecture + 1,
      'architecture',
    ]);
    useLabStore.setState({ panel: 'lessons', step: toArchitecture });
    action('lesson.next').perform(useLabStore);
    expect(useLabStore.getState().panel).toBe('lessons');
  });
});
