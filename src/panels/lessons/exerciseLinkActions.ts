import type { LabAction } from '../../state/actions/registry';
import { useExerciseEditor } from './exerciseEditorStore';

/** The id of "Make an exercise link…", for a button that runs it (the lessons index has one). */
export const MAKE_EXERCISE_LINK = 'lesson.make-exercise-link';

/**
 * Opening the exercise editor: from any panel and any state of the lab, since the link
 * it makes starts the learner from the instructor's lab as it is. It has no key (the
 * palette and the lessons index open it), so the shortcut list leaves it out.
 */
export const EXERCISE_LINK_ACTIONS: readonly LabAction[] = [
  {
    id: MAKE_EXERCISE_LINK,
    label: 'Make an exercise link…',
    group: 'Lessons',
    keywords: 'instructor teacher assign homework task question checker share url',
    enabled: () => true,
    perform: () => useExerciseEditor.getState().show(),
  },
];
