import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../../src/lessons/catalogue';
import {
  isSolved,
  parseProgress,
  progressReducer,
  solvedCount,
} from '../../../src/lessons/progress';
import { exerciseCount, lessonById } from '../../../src/lessons/runner';

describe('the learner progress', () => {
  it('records a solved step once, sorted, and keeps the same object when nothing changes', () => {
    let p = progressReducer({}, { type: 'solved', lesson: 'a', step: 3 });
    p = progressReducer(p, { type: 'solved', lesson: 'a', step: 1 });
    expect(p).toEqual({ a: [1, 3] });
    expect(progressReducer(p, { type: 'solved', lesson: 'a', step: 3 })).toBe(p);
    expect(progressReducer(p, { type: 'solved', lesson: 'a', step: 0 })).toBe(p);
    expect(isSolved(p, 'a', 3)).toBe(true);
    expect(isSolved(p, 'b', 3)).toBe(false);
  });

  it('resets to nothing', () => {
    const empty = {};
    expect(progressReducer({ a: [1] }, { type: 'reset' })).toEqual({});
    expect(progressReducer(empty, { type: 'reset' })).toBe(empty);
  });

  it('reads stored progress of any shape, keeping only what is valid', () => {
    expect(parseProgress(undefined)).toEqual({});
    expect(parseProgress('x')).toEqual({});
    expect(parseProgress([1])).toEqual({});
    expect(parseProgress({ a: [2, 2, 1, -1, 1.5, 'x'], b: 'no', c: [] })).toEqual({ a: [1, 2] });
  });

  it('counts solved exercises only on steps that have one', () => {
    const lesson = lessonById('conv-arithmetic');
    expect(lesson).toBeDefined();
    if (!lesson) return;
    const withExercise = lesson.steps.findIndex((s) => s.exercise) + 1;
    const without = lesson.steps.findIndex((s) => !s.exercise) + 1;
    const steps = [withExercise, ...(without > 0 ? [without] : []), 999];
    expect(solvedCount({ [lesson.id]: steps }, lesson)).toBe(1);
    for (const l of LESSONS) expect(solvedCount({}, l)).toBe(0);
    expect(exerciseCount(lesson)).toBeGreaterThan(0);
  });
});
