import { lessonById, stepOf } from '../../lessons/runner';
import { stepPanel, stepSettings } from '../../lessons/stepState';
import type { Lesson } from '../../lessons/types';
import type { ActionStore, LabAction } from '../../state/actions/registry';
import type { LabStore } from '../../state/store';

/**
 * Enters a step: sets the lesson and step and applies the step's own lab state (only the
 * keys it names, panel aside) and its hide flags (none when it names none), so an
 * exercise starts from the state its check expects. Opening a link does not come here:
 * the rest of a link overrides the step's state (app/urlSync's linkOverStep).
 */
export function enterStep(store: ActionStore, lesson: Lesson, n: number): void {
  const step = stepOf(lesson, n);
  if (!step) return;
  store.setState({ ...stepSettings(step), lesson: lesson.id, step: n });
}

/**
 * Leaves the open lesson for the lessons index, keeping the lab as it is but showing
 * everything again: what a step hid was hidden for that step only.
 */
export function leaveLesson(store: ActionStore): void {
  store.setState({ lesson: '', step: 1, hide: [] });
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

/**
 * Moves the open lesson by `delta` steps, clamped to its steps. On the lessons panel the
 * learner stays reading; anywhere else the lab follows the lesson to the panel the new
 * step names (a presenter pressing PageDown on the Architecture panel lands where the
 * next step is done, with its text in the dock beside it).
 */
function move(store: ActionStore, delta: number): void {
  const state = store.getState();
  const lesson = openLesson(state);
  if (!lesson) return;
  const n = Math.max(1, Math.min(lesson.steps.length, state.step + delta));
  if (n === state.step) return;
  enterStep(store, lesson, n);
  const panel = stepPanel(stepOf(lesson, n)?.state);
  if (state.panel !== 'lessons' && panel) store.setState({ panel });
}

/**
 * Stepping through a lesson: buttons, PageUp / PageDown (what a presenter's remote sends)
 * and the palette. The keys work on every panel while a lesson is open, since the dock
 * shows the step beside each panel, and they win over the browser's page scrolling there.
 * While no lesson is open the actions are disabled, so the keys scroll the page as usual;
 * a focused control that moves by PageUp / PageDown itself (the receptive-field unit
 * picker jumps a column) handles the key first and keeps it, since the window's
 * dispatcher leaves a key alone once an element has handled it. Registered once, when
 * the lesson step view's code loads (`LessonStep.tsx`, shared by the panel and the dock).
 */
export const LESSON_ACTIONS: readonly LabAction[] = [
  {
    id: 'lesson.next',
    label: 'Next lesson step',
    group: 'Lessons',
    key: 'PageDown',
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
    keywords: 'back lesson exercise presenter',
    enabled: hasPreviousStep,
    whyDisabled: () => 'This is the lesson’s first step',
    perform: (store) => move(store, -1),
  },
];
