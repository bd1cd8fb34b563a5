import { lessonById, stepOf } from '../../lessons/runner';
import { stepPatch } from '../../lessons/stepState';
import type { Lesson } from '../../lessons/types';
import type { ActionStore, LabAction } from '../../state/actions/registry';
import type { LabStore } from '../../state/store';

/**
 * Enters a step: sets the lesson and step and applies the step's own lab state (only the
 * keys it names, panel aside), so an exercise starts from the state its check expects.
 * Opening a link does not come here: the rest of a link overrides the step's state.
 */
export function enterStep(store: ActionStore, lesson: Lesson, n: number): void {
  const step = stepOf(lesson, n);
  if (!step) return;
  const { settings } = stepPatch(step.state);
  store.setState({ ...settings, lesson: lesson.id, step: n });
}

/** The open lesson and step, when the lesson exists. */
function openLesson(s: Pick<LabStore, 'lesson' | 'step'>): Lesson | undefined {
  return s.lesson ? lessonById(s.lesson) : undefined;
}

/** True when the open lesson has a step after the current one. */
export const hasNextStep = (s: Pick<LabStore, 'lesson' | 'step'>): boolean => {
  const lesson = openLesson(s);
  return lesson !== undefined && s.step < lesson.steps.length;
};

/** True when the open lesson has a step before the current one. */
export const hasPreviousStep = (s: Pick<LabStore, 'lesson' | 'step'>): boolean =>
  openLesson(s) !== undefined && s.step > 1;

/** Moves the open lesson by `delta` steps, clamped to its steps. */
function move(store: ActionStore, delta: number): void {
  const state = store.getState();
  const lesson = openLesson(state);
  if (!lesson) return;
  const n = Math.max(1, Math.min(lesson.steps.length, state.step + delta));
  if (n !== state.step) enterStep(store, lesson, n);
}

const panels = ['lessons'] as const;

/**
 * Stepping through a lesson: buttons, PageUp / PageDown (what a presenter's remote sends)
 * and the palette. The lesson panel registers them while it is mounted.
 */
export const LESSON_ACTIONS: readonly LabAction[] = [
  {
    id: 'lesson.next',
    label: 'Next lesson step',
    group: 'Lessons',
    key: 'PageDown',
    panels,
    keywords: 'forward lesson exercise presenter',
    enabled: hasNextStep,
    whyDisabled: () => 'This is the lesson’s last step',
    perform: (store) => move(store, 1),
  },
  {
    id: 'lesson.previous',
    label: 'Previous lesson step',
    group: 'Lessons',
    key: 'PageUp',
    panels,
    keywords: 'back lesson exercise presenter',
    enabled: hasPreviousStep,
    whyDisabled: () => 'This is the lesson’s first step',
    perform: (store) => move(store, -1),
  },
];
