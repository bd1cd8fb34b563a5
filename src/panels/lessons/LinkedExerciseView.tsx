import { useId, useState } from 'react';
import { resolveCheck, runCheck } from '../../lessons/checkers';
import { liveContext } from '../../lessons/runner';
import type { CheckOutcome } from '../../lessons/types';
import { MAX_QUESTION_LENGTH, type LinkedExercise } from '../../state/exerciseLinkCodec';
import { useLabStore } from '../../state/store';
import { Markdown } from '../shared/Markdown';
import { CheckMyLab } from './CheckMyLab';
import './exerciseLink.css';

/** Runs the link's check on the live lab; a reference that broke since it was resolved fails with its problems. */
function checkLiveLab(exercise: LinkedExercise): CheckOutcome {
  const result = runCheck(exercise.check, liveContext(useLabStore.getState()));
  return result.ok
    ? result.outcome
    : { pass: false, feedback: `This exercise cannot be checked: ${result.problems.join(' ')}` };
}

/** The card for one exercise: question, task, and Check my lab, or why it cannot be checked. */
export function LinkedExerciseCard({ exercise }: { readonly exercise: LinkedExercise }) {
  const headingId = useId();
  const [solved, setSolved] = useState(false);
  // The reference came from a link: the library validates it before anything runs.
  const resolved = resolveCheck(exercise.check);
  return (
    <section className="linked-exercise" aria-labelledby={headingId} data-testid="linked-exercise">
      <h2 id={headingId}>
        Exercise{' '}
        {solved ? (
          <span className="lesson-solved" data-testid="exercise-solved">
            solved
          </span>
        ) : null}
      </h2>
      <Markdown
        source={exercise.question}
        maxLength={MAX_QUESTION_LENGTH}
        headingOffset={2}
        className="linked-question"
        testId="linked-question"
      />
      {resolved.ok ? (
        <>
          <p className="linked-task" data-testid="linked-task">
            {resolved.checker.describe(resolved.params)}
          </p>
          <CheckMyLab
            run={() => checkLiveLab(exercise)}
            onOutcome={(o) => o.pass && setSolved(true)}
          />
        </>
      ) : (
        <div className="linked-broken" role="alert" data-testid="linked-exercise-problem">
          <p>
            <strong>This exercise link cannot be checked:</strong> {resolved.problems.join(' ')}
          </p>
          <p>Ask whoever sent it for a new link; the lab beside it works as usual.</p>
        </div>
      )}
    </section>
  );
}

/**
 * The exercise an instructor's link carries, shown beside the lab (the lesson dock mounts
 * it) and checked there; nothing while the link carries none. The question is untrusted
 * text: the shared Markdown renderer shows it without HTML, links or images.
 */
export function LinkedExerciseView() {
  const exercise = useLabStore((s) => s.exercise);
  // Keyed by the exercise, so a new link's exercise starts unchecked and unsolved.
  return exercise ? (
    <LinkedExerciseCard key={JSON.stringify(exercise)} exercise={exercise} />
  ) : null;
}
