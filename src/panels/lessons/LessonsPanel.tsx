import { useEffect } from 'react';
import { LESSONS } from '../../lessons/catalogue';
import { isSolved, solvedCount } from '../../lessons/progress';
import { exerciseCount, lessonById, stepOf } from '../../lessons/runner';
import { stepPanel } from '../../lessons/stepState';
import type { Lesson } from '../../lessons/types';
import { actionOf, performAction, registerActions } from '../../state/actions/registry';
import { openPanelActionId } from '../../state/actions/panelActions';
import { panelInfoOf } from '../../state/panels';
import { useLabStore } from '../../state/store';
import { ActionButton } from '../shared/ActionButton';
import { Markdown } from '../shared/Markdown';
import { ExerciseView } from './Exercises';
import { enterStep, LESSON_ACTIONS } from './navigate';
import { loadProgress, useProgress } from './progressStore';
import './lessons.css';

// Registered when the panel's code first loads (once per page), so its Back / Next buttons
// find the actions on the first render; the keys work on this panel only.
registerActions(LESSON_ACTIONS);

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
      <ol className="lessons-index" data-testid="lessons-index">
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

/** Back to the index, keeping the lab as it is. */
function AllLessons() {
  return (
    <button
      type="button"
      className="lessons-all"
      onClick={() => useLabStore.getState().openLesson('')}
    >
      All lessons
    </button>
  );
}

/** One step: its prose, the lab it opens, its actions and exercise, Back / Next. */
function LessonStepView({ lesson, n }: { readonly lesson: Lesson; readonly n: number }) {
  const step = stepOf(lesson, n);
  const solved = useProgress((s) => isSolved(s.progress, lesson.id, n));
  const dispatch = useProgress((s) => s.dispatch);
  if (!step)
    return (
      <div className="lesson-missing" role="alert">
        <p>
          “{lesson.title}” has {lesson.steps.length} steps; there is no step {n}.
        </p>
        <button type="button" onClick={() => enterStep(useLabStore, lesson, 1)}>
          Go to step 1
        </button>{' '}
        <AllLessons />
      </div>
    );
  const panel = stepPanel(step.state);
  const panelHere = panel && panel !== 'lessons' ? panelInfoOf(panel) : undefined;
  return (
    <article className="lesson-step" aria-labelledby="lesson-step-title">
      <p className="lesson-crumbs">
        <AllLessons />
      </p>
      <p className="lesson-count" data-testid="lesson-step-count">
        Step {n} of {lesson.steps.length}
      </p>
      <h2 id="lesson-step-title">{step.title}</h2>
      <Markdown source={step.prose} className="lesson-prose" />
      {panelHere || step.actions?.length ? (
        <div className="lesson-actions">
          {panelHere ? (
            <button type="button" onClick={() => performAction(openPanelActionId(panelHere.id))}>
              Go to {panelHere.title}
            </button>
          ) : null}
          {step.actions?.map((a) => (
            <ActionButton key={a.id} action={a.id}>
              {a.label ?? actionOf(a.id)?.label ?? a.id}
            </ActionButton>
          ))}
        </div>
      ) : null}
      {panelHere ? (
        <p className="lesson-return">
          The lab is set up for this step; the <strong>Lessons</strong> button in the navigation
          (key 0) brings you back here.
        </p>
      ) : null}
      {step.exercise ? (
        <ExerciseView
          key={`${lesson.id}-${n}`}
          exercise={step.exercise}
          solved={solved}
          onSolved={() => dispatch({ type: 'solved', lesson: lesson.id, step: n })}
        />
      ) : null}
      <nav className="lesson-nav" aria-label="Lesson steps">
        <ActionButton action="lesson.previous">Back</ActionButton>
        <ActionButton action="lesson.next">Next</ActionButton>
      </nav>
    </article>
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
