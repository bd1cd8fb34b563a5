/**
 * A learner's progress, pure: which steps' exercises they solved, per lesson. The panel
 * keeps it in this browser's IndexedDB; nothing here stores or sends anything.
 */
import type { Lesson } from './types';

/** Solved steps (1-based, sorted, no repeats) by lesson id. */
export type Progress = Readonly<Record<string, readonly number[]>>;

/** What can happen to the progress. */
export type ProgressEvent =
  | { readonly type: 'solved'; readonly lesson: string; readonly step: number }
  | { readonly type: 'reset' };

/** The progress after an event; the same object when nothing changed (so no save). */
export function progressReducer(progress: Progress, event: ProgressEvent): Progress {
  if (event.type === 'reset') return Object.keys(progress).length === 0 ? progress : {};
  const { lesson, step } = event;
  if (!Number.isInteger(step) || step < 1) return progress;
  const solved = progress[lesson] ?? [];
  if (solved.includes(step)) return progress;
  return { ...progress, [lesson]: [...solved, step].sort((a, b) => a - b) };
}

/** Reads stored progress of unknown shape (an older version, a hand edit): what is valid, else empty. */
export function parseProgress(stored: unknown): Progress {
  if (typeof stored !== 'object' || stored === null || Array.isArray(stored)) return {};
  const out: Record<string, number[]> = {};
  for (const [id, steps] of Object.entries(stored as Record<string, unknown>)) {
    if (!Array.isArray(steps)) continue;
    const valid = steps.filter((n): n is number => Number.isInteger(n) && n >= 1 && n <= 999);
    if (valid.length) out[id] = [...new Set(valid)].sort((a, b) => a - b);
  }
  return out;
}

/** How many of a lesson's exercises the learner solved (steps that still carry an exercise). */
export function solvedCount(progress: Progress, lesson: Lesson): number {
  const solved = progress[lesson.id] ?? [];
  return solved.filter((n) => lesson.steps[n - 1]?.exercise !== undefined).length;
}

/** True when the learner solved this step's exercise. */
export const isSolved = (progress: Progress, lesson: string, step: number): boolean =>
  (progress[lesson] ?? []).includes(step);
