/**
 * One lesson step as a learner reads it, the same component on the Lessons panel and in
 * the dock beside every other panel (app/LessonDock.tsx), so the two cannot drift.
 */
import { useEffect, useId, useRef } from 'react';
import { isSolved } from '../../lessons/progress';
import { stepOf } from '../../lessons/runner';
import { stepPanel } from '../../lessons/stepState';
import type { Lesson } from '../../lessons/types';
import { actionOf, performAction, registerActions } from '../../state/actions/registry';
import { openPanelActionId } from '../../state/actions/panelActions';
import { panelInfoOf } from '../../state/panels';
import { useLabStore } from '../../state/store';
import { ActionButton } from '../shared/ActionButton';
import { Markdown } from '../shared/Markdown';
import { ExerciseView } from './Exercises';
import { enterStep, leaveLesson, LESSON_ACTIONS } from './navigate';
import { useProgress } from './progressStore';
import './lessons.css';

// Registered once, when this code first loads: with the Lessons panel, or with the dock
// as soon as a link or a Start opens a lesson on any panel. Back / Next find the actions
// on their first render, and PageUp / PageDown work on every panel from then on. A hot
// reload in development replaces them rather than registering them twice.
const unregisterLessonActions = registerActions(LESSON_ACTIONS);
import.meta.hot?.dispose(unregisterLessonActions);

/** Back to the index, keeping the lab as it is (what the step hid shows again). */
export function AllLessons() {
  return (
    <button type="button" className="lessons-all" onClick={() => leaveLesson(useLabStore)}>
      All lessons
    </button>
  );
}

/**
 * One step: its prose, the lab it opens, its actions and exercise, Back / Next.
 * `compact` is the dock's form: a smaller heading, and no "Go to" for the panel the
 * learner is already on.
 */
export function LessonStepView({
  lesson,
  n,
  compact = false,
}: {
  readonly lesson: Lesson;
  readonly n: number;
  readonly compact?: boolean;
}) {
  const titleId = useId();
  const step = stepOf(lesson, n);
  const openPanel = useLabStore((s) => s.panel);
  const solved = useProgress((s) => isSolved(s.progress, lesson.id, n));
  const dispatch = useProgress((s) => s.dispatch);
  const heading = useRef<HTMLHeadingElement>(null);
  // A step whose buttons drive training starts the engine, whichever panel shows it.
  const drivesTraining = step?.actions?.some((a) => actionOf(a.id)?.group === 'Training') ?? false;
  useEffect(() => {
    if (drivesTraining) useLabStore.getState().wantEngine();
  }, [drivesTraining]);
  // PageDown rebuilds the step; a focus left on nothing comes to its heading, so a screen
  // reader reads the new step and Tab goes on from there.
  useEffect(() => {
    const active = document.activeElement;
    if (!active || active === document.body) heading.current?.focus({ preventScroll: true });
  }, [lesson.id, n]);
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
  const panelHere =
    panel && panel !== 'lessons' && panel !== openPanel ? panelInfoOf(panel) : undefined;
  return (
    <article
      className={`lesson-step${compact ? ' is-compact' : ''}`}
      aria-labelledby={titleId}
      data-testid="lesson-step"
    >
      {compact ? null : (
        <p className="lesson-crumbs">
          <AllLessons />
        </p>
      )}
      <p className="lesson-count" data-testid="lesson-step-count">
        Step {n} of {lesson.steps.length}
      </p>
      <h2 id={titleId} ref={heading} tabIndex={-1}>
        {step.title}
      </h2>
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
      {panelHere && !compact ? (
        <p className="lesson-return">
          The lab is set up for this step; its text stays beside the lab on every panel.
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
