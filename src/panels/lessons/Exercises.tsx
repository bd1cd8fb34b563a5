import { useId, useState, type FormEvent } from 'react';
import {
  checkChoice,
  checkMakeItSo,
  checkNumeric,
  liveContext,
  parseAnswer,
} from '../../lessons/runner';
import type {
  ChoiceExercise,
  Exercise,
  MakeItSoExercise,
  NumericExercise,
} from '../../lessons/types';
import { useLabStore } from '../../state/store';
import { Markdown } from '../shared/Markdown';
import { CheckMyLab, Feedback } from './CheckMyLab';

type Solved = () => void;

const NUMERIC_WORDS = {
  correct: 'Correct.',
  'too large': 'Too large: try a smaller number.',
  'too small': 'Too small: try a larger number.',
  'not a number': 'That is not a number: type digits, e.g. 42 or 0.5.',
} as const;

/** A typed number: Check (or Enter), too large / too small, the hint after two wrong tries. */
function NumericTask({ exercise, onSolved }: { exercise: NumericExercise; onSolved: Solved }) {
  const id = useId();
  const [text, setText] = useState('');
  const [wrong, setWrong] = useState(0);
  // The last wrong number: the same one checked again (Enter pressed twice) is not a new try.
  const [lastWrong, setLastWrong] = useState<number | null>(null);
  const [result, setResult] = useState<ReturnType<typeof checkNumeric> | null>(null);
  const [seq, setSeq] = useState(0);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    const value = parseAnswer(text);
    const again = value !== null && value === lastWrong;
    const r = checkNumeric(exercise, text, again ? wrong - 1 : wrong);
    setResult(r);
    setSeq(seq + 1);
    if (r.correct) onSolved();
    else if (r.countsAsTry && !again) {
      setWrong(wrong + 1);
      setLastWrong(value);
    }
  };
  return (
    <form className="lesson-exercise" onSubmit={submit}>
      <label htmlFor={id}>
        <Markdown source={exercise.question} />
      </label>
      <div className="lesson-answer">
        <input
          id={id}
          type="text"
          inputMode="decimal"
          autoComplete="off"
          value={text}
          onChange={(e) => setText(e.target.value)}
        />
        {exercise.unit ? <span className="lesson-unit">{exercise.unit}</span> : null}
        <button type="submit">Check</button>
      </div>
      <Feedback ok={result?.correct ?? null} seq={seq}>
        {result ? NUMERIC_WORDS[result.feedback] : null}
      </Feedback>
      {result?.showHint && !result.correct ? (
        <div className="lesson-hint" data-testid="exercise-hint">
          <strong>Hint.</strong> <Markdown source={exercise.hint} />
        </div>
      ) : null}
    </form>
  );
}

/** Multiple choice: radio buttons, Check, and the chosen option's explanation. */
function ChoiceTask({ exercise, onSolved }: { exercise: ChoiceExercise; onSolved: Solved }) {
  const name = useId();
  const [chosen, setChosen] = useState<number | null>(null);
  const [result, setResult] = useState<ReturnType<typeof checkChoice> | null>(null);
  const [seq, setSeq] = useState(0);
  const submit = (e: FormEvent) => {
    e.preventDefault();
    setSeq(seq + 1);
    if (chosen === null)
      return setResult({ correct: false, why: 'Pick one of the choices first.' });
    const r = checkChoice(exercise, chosen);
    setResult(r);
    if (r.correct) onSolved();
  };
  return (
    <form className="lesson-exercise" onSubmit={submit}>
      <fieldset>
        <legend>
          <Markdown source={exercise.question} />
        </legend>
        {exercise.choices.map((choice, i) => (
          <label key={i} className="lesson-choice">
            <input type="radio" name={name} checked={chosen === i} onChange={() => setChosen(i)} />
            <Markdown source={choice.text} />
          </label>
        ))}
      </fieldset>
      <button type="submit">Check</button>
      <Feedback ok={result?.correct ?? null} seq={seq}>
        {result ? `${result.correct ? 'Right. ' : 'Not quite. '}${result.why}` : null}
      </Feedback>
    </form>
  );
}

/** Make it so: the learner changes the lab, then the checker reads the live state. */
function MakeItSoTask({ exercise, onSolved }: { exercise: MakeItSoExercise; onSolved: Solved }) {
  return (
    <div className="lesson-exercise">
      <Markdown source={exercise.question} />
      <CheckMyLab
        run={() => checkMakeItSo(exercise, liveContext(useLabStore.getState()))}
        onOutcome={(o) => o.pass && onSolved()}
        hint={exercise.hint}
      />
    </div>
  );
}

/** A step's exercise, by kind; `onSolved` records it in the learner's progress. */
export function ExerciseView({
  exercise,
  solved,
  onSolved,
}: {
  readonly exercise: Exercise;
  readonly solved: boolean;
  readonly onSolved: Solved;
}) {
  return (
    <section className="lesson-task" aria-label="Exercise">
      <h3>
        Exercise{' '}
        {solved ? (
          <span className="lesson-solved" data-testid="exercise-solved">
            solved
          </span>
        ) : null}
      </h3>
      {exercise.kind === 'numeric' ? (
        <NumericTask exercise={exercise} onSolved={onSolved} />
      ) : exercise.kind === 'choice' ? (
        <ChoiceTask exercise={exercise} onSolved={onSolved} />
      ) : (
        <MakeItSoTask exercise={exercise} onSolved={onSolved} />
      )}
    </section>
  );
}
