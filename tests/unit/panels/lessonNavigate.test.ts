import { beforeEach, describe, expect, it } from 'vitest';
import { lessonById } from '../../../src/lessons/runner';
import {
  enterStep,
  hasNextStep,
  hasPreviousStep,
  LESSON_ACTIONS,
} from '../../../src/panels/lessons/navigate';
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
