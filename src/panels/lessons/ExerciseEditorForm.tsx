/** The exercise editor's form, inside the dialog ExerciseEditor.tsx opens. */
import { useId, useState } from 'react';
import { CHECKERS, runCheck, type CheckContext } from '../../lessons/checkers';
import { liveContext } from '../../lessons/runner';
import { MAX_QUESTION_LENGTH, type LinkedExercise } from '../../state/exerciseLinkCodec';
import { HIDEABLE, HIDEABLE_LABELS } from '../../state/hidden';
import { PANEL_INFOS, type PanelId } from '../../state/panels';
import { settingsOf, useLabStore } from '../../state/store';
import { Markdown } from '../shared/Markdown';
import { CheckerFields } from './CheckerFields';
import {
  checkerOfDraft,
  exerciseLinkFragment,
  newDraft,
  reviewDraft,
  withChecker,
  withParam,
  type ExerciseDraft,
} from './exerciseDraft';
import { useExerciseEditor } from './exerciseEditorStore';
import './exerciseLink.css';

const count = (n: number): string => n.toLocaleString('en-US');

/**
 * Whether the instructor's lab passes the check now, and whether a learner opening the
 * link would: the link carries the settings but not the training or a panel's
 * measurements, so a learner starts without them. A start that already passes is flagged.
 */
function Verdict({
  exercise,
  ctx,
}: {
  readonly exercise: LinkedExercise;
  readonly ctx: CheckContext;
}) {
  const now = runCheck(exercise.check, ctx);
  const start = runCheck(exercise.check, { ...ctx, engine: {} });
  if (!now.ok || !start.ok) return null; // the review listed the problems already
  const words = (pass: boolean) => (pass ? 'passes' : 'fails');
  return (
    <div
      className={`ee-verdict ${start.outcome.pass ? 'is-warning' : 'is-fine'}`}
      data-testid="exercise-verdict"
    >
      <p>
        <strong>Your lab as it is now {words(now.outcome.pass)} this check:</strong>{' '}
        {now.outcome.feedback}
      </p>
      {start.outcome.pass !== now.outcome.pass ? (
        <p>
          A learner starts from your settings without your training or measurements, so for them it{' '}
          {words(start.outcome.pass)} at first: {start.outcome.feedback}
        </p>
      ) : null}
      {start.outcome.pass ? (
        <p>
          <strong>A learner opening this link would be done at once.</strong> Ask for something the
          lab does not do yet: change the parameters, or change your lab before copying the link.
        </p>
      ) : (
        <p className="ee-help">Good: that is where a learner starts.</p>
      )}
    </div>
  );
}

/** The link, once the draft is whole: Copy (to the clipboard) and the link itself to copy by hand. */
function LinkOutput({ link, fragment }: { readonly link: string; readonly fragment: string }) {
  const id = useId();
  const close = useExerciseEditor((s) => s.close);
  // Which link the last Copy was for: once a field changes, that message no longer holds.
  const [copied, setCopied] = useState<{ link: string; ok: boolean } | null>(null);
  const copy = async () => {
    try {
      await navigator.clipboard.writeText(link);
      setCopied({ link, ok: true });
    } catch {
      // Clipboard access can be refused (insecure origin, permissions): the field below holds the link.
      setCopied({ link, ok: false });
    }
  };
  const status = copied?.link !== link ? null : copied.ok;
  return (
    <div className="ee-link">
      <div className="ee-link-buttons">
        <button
          type="button"
          className="primary"
          onClick={() => void copy()}
          data-testid="copy-exercise-link"
        >
          Copy link
        </button>
        <button
          type="button"
          onClick={() => {
            close();
            // The hash listener reads it as any opened link: the exercise appears beside the lab.
            window.location.hash = fragment;
          }}
        >
          Try it in this tab
        </button>
        <span role="status" className="ee-copy-status">
          {status === true
            ? 'Link copied to the clipboard.'
            : status === false
              ? 'The browser did not let the lab copy: select the link below and copy it.'
              : ''}
        </span>
      </div>
      <label htmlFor={id}>The link ({count(link.length)} characters)</label>
      <input
        id={id}
        type="text"
        readOnly
        value={link}
        onFocus={(e) => e.currentTarget.select()}
        data-testid="exercise-link"
      />
    </div>
  );
}

/**
 * The editor's form: question and preview, checker and its fields, what to hide, the
 * verdict and the link. Its own module, loaded when the dialog first opens, so the
 * Markdown and KaTeX code stays out of the page until someone writes an exercise.
 */
export function ExerciseEditorForm() {
  const state = useLabStore();
  const ctx = liveContext(state);
  const stored = useExerciseEditor((s) => s.draft);
  const setDraft = useExerciseEditor((s) => s.setDraft);
  const [first] = useState(() => newDraft(ctx));
  const draft: ExerciseDraft = stored ?? first;
  const checker = checkerOfDraft(draft);
  const review = reviewDraft(draft);
  const ids = { question: useId(), count: useId(), checker: useId(), panel: useId() };
  const length = draft.question.length;
  const fragment = review.ok ? exerciseLinkFragment(settingsOf(state), review.exercise, draft) : '';
  const link = review.ok ? `${window.location.href.split('#')[0]}#${fragment}` : '';
  const toggleHide = (flag: (typeof HIDEABLE)[number], on: boolean) =>
    setDraft({
      ...draft,
      hide: HIDEABLE.filter((f) => (f === flag ? on : draft.hide.includes(f))),
    });
  return (
    <div className="exercise-editor" data-testid="exercise-editor">
      <p className="ee-intro">
        The link opens your lab as it is now, with your question beside it and a “Check my lab”
        button that marks the learner’s lab with the checker you pick.
      </p>
      <div className="ee-columns">
        <section className="ee-part" aria-labelledby={`${ids.question}-h`}>
          <h3 id={`${ids.question}-h`}>Question</h3>
          <label htmlFor={ids.question}>
            Question for the learner (Markdown, with <code>$…$</code> for maths)
          </label>
          <textarea
            id={ids.question}
            rows={7}
            // The form arrives after the dialog opened (it loads on demand), so it takes the focus itself.
            autoFocus
            value={draft.question}
            aria-describedby={ids.count}
            aria-invalid={length > MAX_QUESTION_LENGTH || undefined}
            placeholder="e.g. Change **conv1** so it outputs $14 \times 14 \times 8$."
            onChange={(e) => setDraft({ ...draft, question: e.target.value })}
            data-testid="exercise-question"
          />
          <p id={ids.count} className={`ee-count${length > MAX_QUESTION_LENGTH ? ' is-over' : ''}`}>
            {count(length)} of {count(MAX_QUESTION_LENGTH)} characters
            {length > MAX_QUESTION_LENGTH
              ? ` (${count(length - MAX_QUESTION_LENGTH)} too many)`
              : ''}
          </p>
          <h4>Preview</h4>
          {/* Focusable, so a long preview scrolls from the keyboard too. */}
          <div
            className="ee-preview"
            role="region"
            aria-label="Preview of the question"
            tabIndex={0}
            data-testid="exercise-preview"
          >
            {draft.question.trim() ? (
              <Markdown source={draft.question} maxLength={MAX_QUESTION_LENGTH} headingOffset={2} />
            ) : (
              <p className="ee-help">The question shows here as the learner will read it.</p>
            )}
          </div>
        </section>
        <section className="ee-part" aria-labelledby={`${ids.checker}-h`}>
          <h3 id={`${ids.checker}-h`}>Check</h3>
          <div className="ee-field">
            <label htmlFor={ids.checker}>What the lab checks</label>
            <select
              id={ids.checker}
              value={checker.id}
              onChange={(e) => setDraft(withChecker(draft, e.target.value, ctx))}
              data-testid="exercise-checker"
            >
              {[...CHECKERS.values()].map((c) => (
                <option key={c.id} value={c.id}>
                  {c.label}
                </option>
              ))}
            </select>
          </div>
          <CheckerFields
            checker={checker}
            values={draft.params}
            report={ctx.report}
            problems={review.ok ? [] : review.problems}
            onChange={(name, text) => setDraft(withParam(draft, name, text, ctx))}
          />
          <p className="ee-task" data-testid="exercise-task">
            <strong>The task:</strong> {review.task ?? 'fix the fields above to see it.'}
          </p>
          {review.ok ? <Verdict exercise={review.exercise} ctx={ctx} /> : null}
        </section>
      </div>
      <div className="ee-columns">
        <fieldset className="ee-part ee-hide">
          <legend>Hide from the learner</legend>
          {HIDEABLE.map((flag) => (
            <label key={flag} className="ee-check">
              <input
                type="checkbox"
                checked={draft.hide.includes(flag)}
                onChange={(e) => toggleHide(flag, e.target.checked)}
                data-testid={`hide-${flag}`}
              />
              Hide {HIDEABLE_LABELS[flag]}
            </label>
          ))}
        </fieldset>
        <div className="ee-part">
          <div className="ee-field">
            <label htmlFor={ids.panel}>The learner starts on</label>
            <select
              id={ids.panel}
              value={draft.panel}
              onChange={(e) => setDraft({ ...draft, panel: e.target.value as PanelId })}
            >
              {PANEL_INFOS.map((p) => (
                <option key={p.id} value={p.id}>
                  {p.title}
                </option>
              ))}
            </select>
          </div>
          <button type="button" onClick={() => setDraft(withChecker(draft, draft.checkerId, ctx))}>
            Refill the check’s fields from my lab
          </button>
        </div>
      </div>
      {review.ok ? (
        <LinkOutput link={link} fragment={fragment} />
      ) : (
        <div className="ee-problems" data-testid="exercise-problems">
          <p>Before the link can be made:</p>
          <ul>
            {review.problems.map((p, i) => (
              <li key={i}>{p}</li>
            ))}
          </ul>
        </div>
      )}
    </div>
  );
}
