import { useState } from 'react';
import type { CheckOutcome } from '../../lessons/types';
import { Markdown } from '../shared/Markdown';

/**
 * The feedback line under an exercise. The status region is there before any feedback (empty
 * and unstyled), so a screen reader announces the first message too: a live region that
 * appears together with its text is often not read. `seq` counts the checks, so the same
 * message given again (the same wrong answer, a lab still not right) is read again.
 */
export function Feedback({
  ok,
  seq = 0,
  children,
}: {
  readonly ok: boolean | null;
  readonly seq?: number;
  readonly children: string | null;
}) {
  return (
    <div
      className={
        children === null
          ? undefined
          : `lesson-feedback ${ok === null ? '' : ok ? 'is-right' : 'is-wrong'}`
      }
      role="status"
      data-testid="exercise-feedback"
    >
      {children === null ? null : <Markdown key={seq} source={children} />}
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
  const [seq, setSeq] = useState(0);
  const check = () => {
    const o = run();
    setOutcome(o);
    setSeq(seq + 1);
    onOutcome?.(o);
  };
  return (
    <>
      <button type="button" onClick={check}>
        Check my lab
      </button>
      <Feedback ok={outcome?.pass ?? null} seq={seq}>
        {outcome ? outcome.feedback : null}
      </Feedback>
      {outcome && !outcome.pass && hint ? (
        <div className="lesson-hint" data-testid="exercise-hint">
          <strong>Hint.</strong> <Markdown source={hint} />
        </div>
      ) : null}
    </>
  );
}
