/**
 * The lesson beside the lab: while a lesson is open and the learner is on any panel but
 * Lessons, its current step (the same LessonStepView the Lessons panel shows) stands in
 * a column beside the panel, or above it as a collapsible card on a narrow screen; an
 * instructor's linked exercise shows in the same place. Loaded only once a lesson or an
 * exercise is open (App mounts it lazily), so the Markdown and KaTeX code waits until then.
 */
import { useEffect, useId, useRef, useState, useSyncExternalStore } from 'react';
import { lessonById } from '../lessons/runner';
import { openPanelActionId } from '../state/actions/panelActions';
import { performAction } from '../state/actions/registry';
import { useLabStore } from '../state/store';
import { LessonStepView } from '../panels/lessons/LessonStep';
import { LinkedExerciseView } from '../panels/lessons/LinkedExerciseView';
import { leaveLesson } from '../panels/lessons/navigate';
import { loadProgress } from '../panels/lessons/progressStore';

/** At this width and below the dock is a card above the panel (the layout's breakpoint too). */
export const NARROW_QUERY = '(max-width: 900px)';

/** Whether the narrow card is open, kept for the browser tab's session. */
const OPEN_KEY = 'cnn-lab.lesson-dock-open';

function subscribeNarrow(onChange: () => void): () => void {
  const query = window.matchMedia(NARROW_QUERY);
  query.addEventListener('change', onChange);
  return () => query.removeEventListener('change', onChange);
}

/** True while the window is at most 900 px wide. */
const useNarrow = (): boolean =>
  useSyncExternalStore(subscribeNarrow, () => window.matchMedia(NARROW_QUERY).matches);

/** Session storage may be refused (a privacy mode): then the choice lasts until reload. */
function readOpen(): boolean {
  try {
    return window.sessionStorage.getItem(OPEN_KEY) === '1';
  } catch {
    return false;
  }
}

function writeOpen(open: boolean): void {
  try {
    window.sessionStorage.setItem(OPEN_KEY, open ? '1' : '0');
  } catch {
    // Not remembered; the card still opens and closes.
  }
}

/**
 * The narrow card starts closed, one line tall, so the panel is what a phone shows first;
 * once the learner opens (or closes) it, that choice holds for the rest of the session.
 */
function useCardOpen(): [boolean, (open: boolean) => void] {
  const [open, setOpen] = useState(readOpen);
  return [
    open,
    (next) => {
      writeOpen(next);
      setOpen(next);
    },
  ];
}

/** Leaves the lesson for the lessons index (the panel's own "All lessons" is already there). */
function AllLessonsHere() {
  return (
    <button
      type="button"
      className="lessons-all"
      onClick={() => {
        leaveLesson(useLabStore);
        performAction(openPanelActionId('lessons'));
      }}
    >
      All lessons
    </button>
  );
}

/** Leaves the lesson and stays on this panel, with everything the step hid shown again. */
function CloseLesson() {
  return (
    <button
      type="button"
      className="dock-close"
      aria-label="Close the lesson"
      title="Close the lesson"
      onClick={() => leaveLesson(useLabStore)}
    >
      ✕
    </button>
  );
}

/**
 * The open lesson's step under a bar with the lesson's name, All lessons (to the index)
 * and Close (leaves the lesson, stays on the panel). On a narrow screen the bar is the
 * card's one line, "Lesson: title · Step n of N", and opens or closes the step below it.
 */
function DockedLesson({
  lessonId,
  narrow,
}: {
  readonly lessonId: string;
  readonly narrow: boolean;
}) {
  const n = useLabStore((s) => s.step);
  const [cardOpen, setCardOpen] = useCardOpen();
  const bodyId = useId();
  const lesson = lessonById(lessonId);
  if (!lesson)
    return (
      <div className="dock-lesson lesson-missing" role="alert">
        <p>This lab has no lesson “{lessonId}”. The link may be from another version.</p>
        <p className="lesson-actions">
          <AllLessonsHere /> <CloseLesson />
        </p>
      </div>
    );
  const open = !narrow || cardOpen;
  const line = `Step ${n} of ${lesson.steps.length}`;
  return (
    <div className="dock-lesson">
      <div className="dock-bar">
        {narrow ? (
          <button
            type="button"
            className="dock-toggle"
            aria-expanded={open}
            aria-controls={bodyId}
            onClick={() => setCardOpen(!open)}
            data-testid="lesson-dock-toggle"
          >
            <span className="dock-chevron" aria-hidden="true">
              {open ? '▾' : '▸'}
            </span>
            <span className="dock-line">
              Lesson: {lesson.title} · {line}
            </span>
          </button>
        ) : (
          <span className="dock-kicker">Lesson</span>
        )}
        <span className="dock-tools">
          <AllLessonsHere />
          <CloseLesson />
        </span>
        {narrow ? null : <p className="dock-title">{lesson.title}</p>}
      </div>
      {open ? (
        <div id={bodyId} className="dock-body">
          <LessonStepView lesson={lesson} n={n} compact />
        </div>
      ) : null}
    </div>
  );
}

/**
 * The dock; renders nothing while there is neither a lesson beside the panel nor an
 * exercise. A lesson this lab does not have (a link from another version that names its
 * own panel) is said here, so the learner is not left wondering where it went.
 */
export function LessonDock() {
  const lessonId = useLabStore((s) => (s.panel === 'lessons' ? '' : s.lesson));
  const step = useLabStore((s) => s.step);
  const exercise = useLabStore((s) => s.exercise !== null);
  const narrow = useNarrow();
  const dock = useRef<HTMLElement>(null);
  // The progress (what the learner solved) is read once per page, as the panel does.
  useEffect(() => void loadProgress(), []);
  // A new step starts at its top, not where the last one was scrolled to.
  // (A block, not an expression: Chromium's scrollTo now returns a promise, which React
  // would take for the effect's cleanup.)
  useEffect(() => {
    if (dock.current) dock.current.scrollTop = 0;
  }, [lessonId, step]);
  if (!lessonId && !exercise) return null;
  return (
    <aside
      className="lesson-dock"
      aria-label={lessonId && exercise ? 'Lesson and exercise' : lessonId ? 'Lesson' : 'Exercise'}
      ref={dock}
      data-testid="lesson-dock"
    >
      {lessonId ? <DockedLesson lessonId={lessonId} narrow={narrow} /> : null}
      {exercise ? <LinkedExerciseView /> : null}
    </aside>
  );
}
