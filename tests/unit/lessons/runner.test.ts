import { describe, expect, it } from 'vitest';
import { LESSONS } from '../../../src/lessons/catalogue';
import { linkOf } from '../../../src/lessons/links';
import {
  checkChoice,
  checkMakeItSo,
  checkNumeric,
  exerciseStateContext,
  lessonById,
  parseAnswer,
  stepOf,
} from '../../../src/lessons/runner';
import type { ChoiceExercise, MakeItSoExercise, NumericExercise } from '../../../src/lessons/types';
import { DECK_NETWORK } from './helpers';

const params760: NumericExercise = {
  kind: 'numeric',
  question: 'How many parameters?',
  answer: 760,
  tolerance: 0,
  hint: '$(5 \\cdot 5 \\cdot 3 + 1) \\cdot 10$',
};

describe('numeric answers', () => {
  it('says too large or too small, and shows the hint from the second wrong try', () => {
    expect(checkNumeric(params760, '750', 0)).toEqual({
      correct: false,
      feedback: 'too small',
      showHint: false,
      countsAsTry: true,
    });
    expect(checkNumeric(params760, '770', 1)).toMatchObject({
      feedback: 'too large',
      showHint: true,
    });
    expect(checkNumeric(params760, '760', 2)).toMatchObject({ correct: true, feedback: 'correct' });
  });

  it('does not count text that is not a number as a try', () => {
    expect(checkNumeric(params760, 'seven hundred', 0)).toMatchObject({
      feedback: 'not a number',
      countsAsTry: false,
      showHint: false,
    });
    expect(checkNumeric(params760, '', 2)).toMatchObject({
      feedback: 'not a number',
      showHint: true,
    });
  });

  it('reads thousands separators, a unit word and the tolerance', () => {
    expect(parseAnswer('26,370')).toBe(26370);
    expect(parseAnswer(' 760 parameters ')).toBe(760);
    expect(parseAnswer('1e-3')).toBe(0.001);
    expect(parseAnswer('1,5')).toBeNull();
    const share: NumericExercise = { ...params760, answer: 0.5, tolerance: 0.01 };
    expect(checkNumeric(share, '0.505', 0).correct).toBe(true);
    expect(checkNumeric(share, '0.52', 0).feedback).toBe('too large');
  });
});

describe('choices', () => {
  const exercise: ChoiceExercise = {
    kind: 'choice',
    question: 'What shape?',
    choices: [
      { text: '32×32×10', correct: true, why: 'Pad 2 keeps 32.' },
      { text: '28×28×10', why: 'Without padding.' },
    ],
  };
  it('gives each choice its own explanation', () => {
    expect(checkChoice(exercise, 0)).toEqual({ correct: true, why: 'Pad 2 keeps 32.' });
    expect(checkChoice(exercise, 1)).toEqual({ correct: false, why: 'Without padding.' });
    expect(checkChoice(exercise, 5).correct).toBe(false);
  });
});

describe('make it so', () => {
  const exercise: MakeItSoExercise = {
    kind: 'make-it-so',
    question: 'Make conv1 output 16×16×10.',
    check: { id: 'layer-output-shape', params: { layer: 'conv1', h: 16, w: 16, c: 10 } },
    start: { link: linkOf({ network: DECK_NETWORK }) },
    solution: {
      link: linkOf({
        network: {
          ...DECK_NETWORK,
          layers: DECK_NETWORK.layers.map((l, i) => (i === 0 ? { ...l, stride: 2 } : l)),
        },
      }),
    },
  };

  it('decodes a state over the defaults and checks it', () => {
    const start = exerciseStateContext(exercise.start);
    expect(start.problems).toEqual([]);
    expect(checkMakeItSo(exercise, start.ctx)).toMatchObject({ pass: false });
    expect(checkMakeItSo(exercise, start.ctx).feedback).toContain(
      'the height and width are still 32, not 16',
    );
    expect(checkMakeItSo(exercise, exerciseStateContext(exercise.solution).ctx).pass).toBe(true);
  });

  it('reports what a broken link lost, and a broken checker without throwing', () => {
    expect(exerciseStateContext({ link: 'opt=rmsprop&zz=1' }).problems).toHaveLength(2);
    const broken = { ...exercise, check: { id: 'no-such-checker', params: {} } };
    const result = checkMakeItSo(broken, exerciseStateContext(exercise.start).ctx);
    expect(result.pass).toBe(false);
    expect(result.feedback).toContain('cannot be checked');
  });
});

describe('the catalogue', () => {
  it('finds lessons by id and steps counted from 1', () => {
    const first = LESSONS[0];
    if (!first) return; // an empty catalogue has nothing to find
    expect(lessonById(first.id)).toBe(first);
    expect(lessonById('no-such-lesson')).toBeUndefined();
    expect(stepOf(first, 1)).toBe(first.steps[0]);
    expect(stepOf(first, 0)).toBeUndefined();
    expect(stepOf(first, first.steps.length + 1)).toBeUndefined();
    expect(stepOf(first, 1.5)).toBeUndefined();
  });
});
