/**
 * The exercise logic, pure: checking a typed number, a choice, and a make-it-so exercise
 * against a lab state; and finding lessons and steps in the catalogue.
 */
import { analyzeNetwork } from '../core/analyze';
import { decodeSettings } from '../state/url';
import { URL_VERSION, type LabSettings } from '../state/settings';
import { selectReport, settingsOf, type LabStore } from '../state/store';
import { LESSONS } from './catalogue';
import { runCheck, type CheckContext } from './checkers';
import type {
  ChoiceExercise,
  CheckOutcome,
  EngineReport,
  ExerciseState,
  Lesson,
  LessonStep,
  MakeItSoExercise,
  NumericExercise,
} from './types';

/** What a numeric answer got back. */
export interface NumericResult {
  readonly correct: boolean;
  readonly feedback: 'correct' | 'too large' | 'too small' | 'not a number';
  /** True once two tries were wrong: show the exercise's hint (formula and numbers). */
  readonly showHint: boolean;
  /** False for text that is not a number: it does not use up a try. */
  readonly countsAsTry: boolean;
}

/** Wrong tries after which the hint shows. */
export const HINT_AFTER_TRIES = 2;

/**
 * Reads a typed number: spaces, commas and underscores between digits are thousands
 * separators ("26,370"), a trailing unit word is dropped ("760 parameters"), a
 * trailing % stays a percentage of 100. Null when it is not a number.
 */
export function parseAnswer(text: string): number | null {
  const cleaned = text
    .trim()
    .replace(/\s*[A-Za-z][A-Za-z\s]*$/, '')
    .replace(/(\d)[,_\s](?=\d{3}\b)/g, '$1')
    .replace(/^−/, '-');
  const percent = cleaned.endsWith('%');
  const body = percent ? cleaned.slice(0, -1).trim() : cleaned;
  if (!/^[-+]?(\d+\.?\d*|\.\d+)(e[-+]?\d+)?$/i.test(body)) return null;
  const n = Number(body);
  return Number.isFinite(n) ? n : null;
}

/**
 * Checks a typed answer against a numeric exercise: within the tolerance, or too large or
 * too small. `triesSoFar` counts the wrong tries before this one; the hint shows from
 * the second wrong try on.
 */
export function checkNumeric(
  exercise: NumericExercise,
  text: string,
  triesSoFar: number,
): NumericResult {
  const value = parseAnswer(text);
  const earlier = Math.max(0, Math.trunc(triesSoFar) || 0);
  if (value === null)
    return {
      correct: false,
      feedback: 'not a number',
      showHint: earlier >= HINT_AFTER_TRIES,
      countsAsTry: false,
    };
  const tolerance = Math.max(0, exercise.tolerance);
  // A hair of slack so 0.1 + 0.2 typed as 0.3 is not "too small" at tolerance 0.
  const slack = tolerance + 1e-9 * Math.max(1, Math.abs(exercise.answer));
  const diff = value - exercise.answer;
  if (Math.abs(diff) <= slack)
    return { correct: true, feedback: 'correct', showHint: false, countsAsTry: true };
  return {
    correct: false,
    feedback: diff > 0 ? 'too large' : 'too small',
    showHint: earlier + 1 >= HINT_AFTER_TRIES,
    countsAsTry: true,
  };
}

/** Checks a choice by its index: right or wrong, and the choice's own explanation. */
export function checkChoice(
  exercise: ChoiceExercise,
  index: number,
): { correct: boolean; why: string } {
  const choice = Number.isInteger(index) ? exercise.choices[index] : undefined;
  if (!choice) return { correct: false, why: 'That is not one of the choices.' };
  return { correct: choice.correct === true, why: choice.why };
}

/** The context a checker reads, from settings and what the engine reported. */
export function contextOf(settings: LabSettings, engine: EngineReport = {}): CheckContext {
  return { settings, report: analyzeNetwork(settings.network), engine };
}

/**
 * The context of the live lab: the store's settings and its cached network analysis (so a
 * check on every store change does not analyse the network again), with the engine's figures.
 */
export function liveContext(
  state: LabStore,
  engine: EngineReport = engineReportOf(state),
): CheckContext {
  return { settings: settingsOf(state), report: selectReport(state), engine };
}

/**
 * What the store holds of the engine's and the panels' reports: the step, the latest
 * validation accuracy and training loss, and what the playground and the gradient check
 * last measured (a checker that needs a figure no panel reported says where to get it).
 */
export function engineReportOf(
  state: Pick<LabStore, 'run' | 'metrics' | 'panelReports'>,
): EngineReport {
  const validation = state.metrics.validation.at(-1);
  const train = state.metrics.train.at(-1);
  return {
    ...state.panelReports,
    step: state.run.step,
    ...(validation ? { validationAccuracy: validation.accuracy } : {}),
    ...(train ? { trainingLoss: train.loss } : {}),
  };
}

/**
 * Checks a make-it-so exercise against the lab: its outcome, or, for a broken checker
 * reference (an exercise link can carry anything), a failing outcome naming the problem.
 */
export function checkMakeItSo(
  exercise: MakeItSoExercise,
  ctx: CheckContext,
): CheckOutcome & { readonly problems?: readonly string[] } {
  const result = runCheck(exercise.check, ctx);
  if (result.ok) return result.outcome;
  return {
    pass: false,
    feedback: `This exercise cannot be checked: ${result.problems.join(' ')}`,
    problems: result.problems,
  };
}

/**
 * The lab an exercise state describes: its partial link decoded over the defaults, as
 * opening `#v=1&…` would, with what the link's decoding ignored or replaced.
 */
export function exerciseStateContext(state: ExerciseState): {
  ctx: CheckContext;
  problems: readonly string[];
} {
  const decoded = decodeSettings(`v=${URL_VERSION}&${state.link}`);
  return { ctx: contextOf(decoded.settings, state.report ?? {}), problems: decoded.problems };
}

/** The catalogue's lesson with this id, or undefined. */
export const lessonById = (id: string, lessons: readonly Lesson[] = LESSONS): Lesson | undefined =>
  lessons.find((l) => l.id === id);

/** Step `n` of a lesson, counted from 1 as the link's `step=N` counts; undefined past either end. */
export function stepOf(lesson: Lesson, n: number): LessonStep | undefined {
  return Number.isInteger(n) && n >= 1 ? lesson.steps[n - 1] : undefined;
}

/** How many of a lesson's steps carry an exercise. */
export const exerciseCount = (lesson: Lesson): number =>
  lesson.steps.filter((s) => s.exercise !== undefined).length;
