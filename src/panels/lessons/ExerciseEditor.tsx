import { lazy, Suspense } from 'react';
import { registerActions } from '../../state/actions/registry';
import { Modal } from '../shared/Modal';
import { useExerciseEditor } from './exerciseEditorStore';
import { EXERCISE_LINK_ACTIONS } from './exerciseLinkActions';

// Registered when the shell loads this module (it mounts the dialog), so the palette finds
// "Make an exercise link…" from the first render on every panel.
registerActions(EXERCISE_LINK_ACTIONS);

const ExerciseEditorForm = lazy(() =>
  import('./ExerciseEditorForm').then((m) => ({ default: m.ExerciseEditorForm })),
);

/** "Make an exercise link": the instructor's editor, as a dialog over the lab. */
export function ExerciseEditorDialog() {
  const open = useExerciseEditor((s) => s.open);
  const close = useExerciseEditor((s) => s.close);
  if (!open) return null;
  return (
    <Modal title="Make an exercise link" onClose={close} wide>
      <Suspense fallback={<p role="status">Loading the exercise editor…</p>}>
        <ExerciseEditorForm />
      </Suspense>
    </Modal>
  );
}
