import { describe, expect, it } from 'vitest';
import { checkLessons } from '../../../src/cli/lessons';
import type { Lesson } from '../../../src/lessons/types';

const lesson = (id: string, state: string): Lesson => ({
  id,
  title: 'Probe',
  summary: 'A probe lesson.',
  deck: '003',
  minutes: 5,
  steps: [
    {
      title: 'One',
      prose: 'Text.',
      state,
      exercise: {
        kind: 'numeric',
        question: 'How many?',
        answer: 3,
        tolerance: 0,
        hint: '(7 − 3)/2 + 1',
      },
    },
    { title: 'Two', prose: 'More text.' },
  ],
});

describe('npm run lessons -- --check', () => {
  it('prints one line per lesson, and the problems of a broken one under it', async () => {
    const { lines, ok } = await checkLessons([
      lesson('conv-arithmetic', 'panel=convolution'),
      lesson('broken', 'panel=convolution&bogus=1'),
    ]);
    expect(ok).toBe(false);
    expect(lines).toEqual([
      '✓ conv-arithmetic: 2 steps, 1 exercise',
      '✗ broken: 2 steps, 1 exercise, 1 problem:',
      '    - step 1: its state: Ignored unknown setting "bogus".',
      '2 lessons, with problems.',
    ]);
  });

  it('passes the catalogue', async () => {
    const { lines, ok } = await checkLessons();
    expect(lines.filter((l) => !l.startsWith('✓')).slice(0, -1)).toEqual([]);
    expect(ok).toBe(true);
  });
});
