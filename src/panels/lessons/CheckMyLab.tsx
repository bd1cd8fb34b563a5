import { useState } from 'react';
import type { CheckOutcome } from '../../lessons/types';
import { Markdown } from '../shared/Markdown';

/** The feedback line under an exercise, announced when it changes. */
export function Feedback({
  ok,
  children,
}: {
  readonly ok: boolean | null;
  readonly children: string;
}) {
  return (
    <div
      className={`lesson-feedback ${ok === null ? '' : ok ? 'is-right' : 'is-wrong'}`}
      role="status"
      data-testid="exercise-feedback"
    >
      <Markdown source={children} />
    </div>
  );
}

/**
 * "Check my lab": runs a make-it-so check on the live lab when pressed (not on every
 * change, so the learner decides when to be marked) and shows its feedback, with the
 * hint after a failed check. Shared by a lesson's exercise and an exercise link's card.
 */
export function CheckMyLab({
  run,
  onOutcome,
  hint,
}: {
  /** Checks the live lab; called on each press. */
  readonly run: () => CheckOutcome;
  /** Told each outcome (a lesson records a pass in the learner's progress). */
  readonly onOutcome?: (outcome: CheckOutcome) => void;
  /** Markdown shown after a check that failed. */
  readonly hint?: string | undefined;
}) {
  const [outcome, setOutcome] = useState<CheckOutcome | null>(null);
  const check = () => {
    const o = run();
    setOutcome(o);
    onOutcome?.(o);
  };
  return (
    <>
      <button type="button" onClick={check}>
        Check my lab
      </button>
      {outcome ? <Feedback ok={outcome.pass}>{outcome.feedback}</Feedback> : null}
      {outcome && !outcome.pass && hint ? (
        <div className="lesson-hint" data-testid="exercise-hint">
          <strong>Hint.</strong> <Markdown source={hint} />
        </div>
      ) : null}
    </>
  );
}
