/**
 * Checks a lesson before it ships: links that decode cleanly, actions that exist,
 * exercises whose checks can tell a start from a solution. `npm run lessons -- --check`
 * and the unit tests run it over the whole catalogue.
 *
 * Actions: a lesson may name only the actions of the state registry
 * (`state/actions/registry.ts`). The shell's own actions (`app/passActions.ts`,
 * `app/appActions.ts`) join that registry when the page starts, but lessons may not import
 * `app`, and this check runs in Node where the shell never starts; a step that wants the
 * pass animation at a layer opens it through its state (`pass=b3`) instead.
 */
import { actionOf } from '../state/actions/registry';
import { decodeSettings } from '../state/url';
import { URL_VERSION } from '../state/settings';
import { resolveCheck } from './checkers';
import { exerciseStateContext, checkMakeItSo } from './runner';
import { HIDEABLE, type Exercise, type Lesson, type LessonStep } from './types';

/** A lesson id as links carry it: lower-case words of letters and digits joined by dashes. */
export const LESSON_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;

/** The problems of one exercise, each starting with where it is. */
function exerciseProblems(exercise: Exercise, where: string): string[] {
  const problems: string[] = [];
  const say = (text: string) => problems.push(`${where}: ${text}`);
  if (!exercise.question?.trim()) say('the exercise has no question');
  if (exercise.kind === 'numeric') {
    if (!Number.isFinite(exercise.answer))
      say(`the answer ${exercise.answer} is not a finite number`);
    if (!(Number.isFinite(exercise.tolerance) && exercise.tolerance >= 0))
      say(`the tolerance ${exercise.tolerance} must be a finite number ≥ 0`);
    if (!exercise.hint?.trim()) say('the numeric exercise has no hint');
  } else if (exercise.kind === 'choice') {
    const right = exercise.choices.filter((c) => c.correct === true).length;
    if (exercise.choices.length < 2) say('a choice exercise needs at least two choices');
    if (right !== 1) say(`exactly one choice must be correct, not ${right}`);
    exercise.choices.forEach((c, i) => {
      if (!c.why?.trim()) say(`choice ${i + 1} has no "why"`);
      if (!c.text?.trim()) say(`choice ${i + 1} has no text`);
    });
  } else if (exercise.kind === 'make-it-so') {
    const check = resolveCheck(exercise.check);
    if (!check.ok) {
      check.problems.forEach(say);
      return problems;
    }
    for (const [name, state, mustPass] of [
      ['start', exercise.start, false],
      ['solution', exercise.solution, true],
    ] as const) {
      const { ctx, problems: linkProblems } = exerciseStateContext(state);
      linkProblems.forEach((p) => say(`the ${name}'s link: ${p}`));
      const outcome = checkMakeItSo(exercise, ctx);
      if (outcome.pass !== mustPass)
        say(`the ${name} ${mustPass ? 'fails' : 'already passes'} the check (${outcome.feedback})`);
    }
  } else {
    say(`unknown exercise kind ${JSON.stringify((exercise as { kind?: unknown }).kind)}`);
  }
  return problems;
}

/** The problems of one step: its link, hide flags, actions and exercise. */
function stepProblems(step: LessonStep, n: number): string[] {
  const where = `step ${n}`;
  const problems: string[] = [];
  if (!step.title?.trim()) problems.push(`${where}: no title`);
  if (!step.prose?.trim()) problems.push(`${where}: no prose`);
  if (step.state !== undefined) {
    for (const p of decodeSettings(`v=${URL_VERSION}&${step.state}`).problems)
      problems.push(`${where}: its state: ${p}`);
  }
  for (const flag of step.hide ?? []) {
    if (!(HIDEABLE as readonly string[]).includes(flag))
      problems.push(
        `${where}: unknown hide flag ${JSON.stringify(flag)} (known: ${HIDEABLE.join(', ')})`,
      );
  }
  for (const action of step.actions ?? []) {
    if (!actionOf(action.id))
      problems.push(`${where}: no registered action ${JSON.stringify(action.id)}`);
  }
  if (step.exercise) problems.push(...exerciseProblems(step.exercise, where));
  // The learner starts from what the step opens, not from the exercise's start: that must
  // fail too, or the exercise is solved before it is tried (the engine's figures are the start's).
  const exercise = step.exercise;
  if (
    exercise?.kind === 'make-it-so' &&
    step.state !== undefined &&
    resolveCheck(exercise.check).ok
  ) {
    const opened = { link: step.state, report: exercise.start.report };
    const outcome = checkMakeItSo(exercise, exerciseStateContext(opened).ctx);
    if (outcome.pass)
      problems.push(
        `${where}: the state it opens already passes its exercise (${outcome.feedback})`,
      );
  }
  return problems;
}

/**
 * Every problem of a lesson, one sentence each (empty when it may ship): the id's form,
 * its fields, and each step's link, hide flags, actions and exercise, where a make-it-so
 * exercise's start must fail its check and its solution pass.
 */
export function validateLesson(lesson: Lesson): string[] {
  const problems: string[] = [];
  if (!LESSON_ID.test(lesson.id))
    problems.push(
      `the id ${JSON.stringify(lesson.id)} must be lower-case letters and digits joined by dashes`,
    );
  if (!lesson.title?.trim()) problems.push('no title');
  if (!lesson.summary?.trim()) problems.push('no summary');
  if (!/^\d{3}$/.test(lesson.deck))
    problems.push(
      `the deck ${JSON.stringify(lesson.deck)} must be a three-digit prefix such as "003"`,
    );
  if (!(Number.isFinite(lesson.minutes) && lesson.minutes > 0))
    problems.push(`the time ${lesson.minutes} must be a positive number of minutes`);
  if (lesson.steps.length === 0) problems.push('no steps');
  lesson.steps.forEach((step, i) => problems.push(...stepProblems(step, i + 1)));
  return problems;
}

/** The problems of every lesson, by id, plus ids used twice (on each lesson that repeats one). */
export function validateLessons(lessons: readonly Lesson[]): Map<Lesson, string[]> {
  const seen = new Map<string, number>();
  for (const l of lessons) seen.set(l.id, (seen.get(l.id) ?? 0) + 1);
  return new Map(
    lessons.map((lesson) => {
      const problems = validateLesson(lesson);
      const count = seen.get(lesson.id) ?? 0;
      if (count > 1)
        problems.unshift(`the id ${JSON.stringify(lesson.id)} is used by ${count} lessons`);
      return [lesson, problems];
    }),
  );
}
