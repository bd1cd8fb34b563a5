import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../../src/lessons/catalogue';
import { linkOf } from '../../../src/lessons/links';
import type { Lesson, MakeItSoExercise } from '../../../src/lessons/types';
import { validateLesson, validateLessons } from '../../../src/lessons/validate';
import { DECK_NETWORK } from './helpers';

const makeItSo: MakeItSoExercise = {
  kind: 'make-it-so',
  question: 'Make conv1 have exactly 760 parameters.',
  check: { id: 'param-count-equals', params: { layer: 'conv1', count: 760 } },
  start: {
    link: linkOf({
      network: {
        ...DECK_NETWORK,
        layers: [{ ...DECK_NETWORK.layers[0]!, filters: 8 }, ...DECK_NETWORK.layers.slice(1)],
      },
    }),
  },
  solution: { link: linkOf({ network: DECK_NETWORK }) },
};

const good: Lesson = {
  id: 'probe-lesson',
  title: 'A probe',
  summary: 'A lesson the tests break on purpose.',
  deck: '003',
  minutes: 5,
  steps: [
    {
      title: 'Count',
      prose: 'Count the parameters.',
      state: 'panel=architecture&preset=conv-example&layer=0',
      hide: ['curves'],
      actions: [{ id: 'training.step' }],
      exercise: makeItSo,
    },
  ],
};

/** The lesson with its one step changed. */
const withStep = (change: object): Lesson => ({
  ...good,
  steps: [{ ...good.steps[0]!, ...change }],
});

describe('validateLesson', () => {
  it('finds no problem in every lesson of the catalogue', () => {
    for (const [lesson, problems] of validateLessons(LESSONS))
      expect([lesson.id, problems]).toEqual([lesson.id, []]);
  });

  it('passes a sound lesson', () => {
    expect(validateLesson(good)).toEqual([]);
  });

  it('catches a start state that already passes and a solution that fails', () => {
    const swapped = withStep({
      exercise: { ...makeItSo, start: makeItSo.solution, solution: makeItSo.start },
    });
    const problems = validateLesson(swapped);
    expect(problems).toHaveLength(2);
    expect(problems[0]).toContain('step 1: the start already passes the check');
    expect(problems[1]).toContain(
      'step 1: the solution fails the check (conv1 (layer 1) has 608 parameters, 152 fewer than the 760 asked for',
    );
  });

  it('catches a step whose own state already solves its exercise', () => {
    expect(validateLesson(withStep({ state: makeItSo.solution.link }))).toEqual([
      'step 1: the state it opens already passes its exercise (conv1 (layer 1) has exactly 760 parameters.)',
    ]);
  });

  it('catches an unknown action, a bad link, an unknown hide flag and a broken checker', () => {
    expect(validateLesson(withStep({ actions: [{ id: 'pass.forward' }] }))).toEqual([
      'step 1: no registered action "pass.forward"',
    ]);
    const link = validateLesson(withStep({ state: 'panel=nowhere&lr=abc' }));
    expect(link).toHaveLength(2);
    expect(link[0]).toContain('step 1: its state: Ignored the open panel');
    expect(validateLesson(withStep({ hide: ['everything'] }))[0]).toContain(
      'unknown hide flag "everything"',
    );
    const checker = withStep({
      exercise: { ...makeItSo, check: { id: 'param-count-equals', params: { count: -1 } } },
    });
    expect(validateLesson(checker)[0]).toContain(
      'count (the parameter count wanted) must be at least 0',
    );
    const startLink = withStep({ exercise: { ...makeItSo, start: { link: 'arch=garbage' } } });
    expect(validateLesson(startLink)[0]).toContain("the start's link: Ignored the network");
  });

  it('catches a bad id, numeric and choice exercises that cannot be answered', () => {
    expect(validateLesson({ ...good, id: 'Bad Id' })[0]).toContain('the id "Bad Id" must be');
    const numeric = withStep({
      exercise: {
        kind: 'numeric',
        question: 'How many?',
        answer: Number.NaN,
        tolerance: -1,
        hint: '',
      },
    });
    expect(validateLesson(numeric)).toHaveLength(3);
    const choice = withStep({
      exercise: {
        kind: 'choice',
        question: 'Which?',
        choices: [
          { text: 'a', correct: true, why: 'yes' },
          { text: 'b', correct: true, why: '' },
        ],
      },
    });
    expect(validateLesson(choice)).toEqual([
      'step 1: exactly one choice must be correct, not 2',
      'step 1: choice 2 has no "why"',
    ]);
  });

  it('catches two lessons with one id', () => {
    const problems = [...validateLessons([good, good]).values()];
    expect(problems[0]?.[0]).toBe('the id "probe-lesson" is used by 2 lessons');
  });
});
