import { useEffect, useSyncExternalStore } from 'react';
import { LESSONS } from '../../lessons/catalogue';
import { solvedCount } from '../../lessons/progress';
import { exerciseCount, lessonById } from '../../lessons/runner';
import type { Lesson } from '../../lessons/types';
import { actionOf, subscribeActions } from '../../state/actions/registry';
import { useLabStore } from '../../state/store';
import { ActionButton } from '../shared/ActionButton';
import { MAKE_EXERCISE_LINK } from './exerciseLinkActions';
import { AllLessons, LessonStepView } from './LessonStep';
import { enterStep } from './navigate';
import { loadProgress, useProgress } from './progressStore';
import './lessons.css';

/**
 * The instructor's way in to "Make an exercise link" (exerciseLinkActions.ts, registered
 * by the editor dialog the shell mounts): shown once the action is there, never dead.
 */
function MakeExerciseLink() {
  const registered = useSyncExternalStore(
    subscribeActions,
    () => actionOf(MAKE_EXERCISE_LINK) !== undefined,
  );
  if (!registered) return null;
  return (
    <p className="lessons-make-link">
      Teaching? Write your own question about the lab as it is now, and share it as a link:{' '}
      <ActionButton action={MAKE_EXERCISE_LINK}>Make an exercise link</ActionButton>
    </p>
  );
}

/** The step to continue a lesson at: the first one after the last solved, or the first. */
function continueAt(lesson: Lesson, solved: readonly number[]): number {
  const last = solved.length ? Math.max(...solved) : 0;
  return Math.min(lesson.steps.length, last + 1);
}

/** Every lesson, with its deck, time, steps and what the learner solved. */
function LessonIndex() {
  const progress = useProgress((s) => s.progress);
  const dispatch = useProgress((s) => s.dispatch);
  const anySolved = Object.keys(progress).length > 0;
  return (
    <>
      <p className="lessons-intro">
        Each lesson follows a lecture deck and checks your answers here. Your progress stays in this
        browser and is never sent anywhere.
      </p>
      <MakeExerciseLink />
      <ol className="lessons-index panel-main-figure" data-testid="lessons-index">
        {LESSONS.map((lesson) => {
          const solved = progress[lesson.id] ?? [];
          const done = solvedCount(progress, lesson);
          return (
            <li key={lesson.id} className="lesson-card" data-testid="lesson-card">
              <h3>{lesson.title}</h3>
              <p>{lesson.summary}</p>
              <p className="lesson-meta">
                Deck {lesson.deck} · {lesson.minutes} min · {lesson.steps.length} steps ·{' '}
                <span data-testid="lesson-progress">
                  {done} of {exerciseCount(lesson)} exercises solved
                </span>
              </p>
              <button
                type="button"
                onClick={() =>
                  enterStep(useLabStore, lesson, solved.length ? continueAt(lesson, solved) : 1)
                }
              >
                {solved.length ? 'Continue' : 'Start'}
                <span className="visually-hidden"> {lesson.title}</span>
              </button>
            </li>
          );
        })}
      </ol>
      <button
        type="button"
        className="lessons-reset"
        disabled={!anySolved}
        onClick={() => {
          if (window.confirm('Forget every exercise you solved in this browser?'))
            dispatch({ type: 'reset' });
        }}
      >
        Reset my progress
      </button>
    </>
  );
}

/** The lessons panel: the index, or the open lesson's step (from the link's `lesson` and `step`). */
export function LessonsPanel() {
  const lessonId = useLabStore((s) => s.lesson);
  const n = useLabStore((s) => s.step);
  // The progress is read once per page.
  useEffect(() => void loadProgress(), []);
  const lesson = lessonId ? lessonById(lessonId) : undefined;
  return (
    <section className="panel lessons-panel" aria-labelledby="lessons-title">
      <h1 id="lessons-title">{lesson ? lesson.title : 'Lessons'}</h1>
      {!lessonId ? (
        <LessonIndex />
      ) : !lesson ? (
        <div className="lesson-missing" role="alert">
          <p>This lab has no lesson “{lessonId}”. The link may be from another version.</p>
          <AllLessons />
        </div>
      ) : (
        <LessonStepView lesson={lesson} n={n} />
      )}
    </section>
  );
}
