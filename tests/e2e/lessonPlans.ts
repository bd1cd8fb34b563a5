import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect } from './fixtures';
import { labPage, lessonsPage } from './pages';

/**
 * What a learner does at each step of the lessons that lessonPaths.spec.ts walks, and the
 * keyboard moves it makes. The right answers are worked out here from the decks' formulas
 * and published figures, never read from the lesson catalogue, so a wrong answer in a lesson
 * fails the test.
 */

/** Output side of a convolution or pool (deck 003): ⌊(W − K + 2P) / S⌋ + 1. */
export const outputSide = (w: number, k: number, s: number, p = 0) =>
  Math.floor((w - k + 2 * p) / s) + 1;
/** Parameters of a conv layer (deck 003): (K · K · D + 1) · filters. */
export const convParams = (k: number, depth: number, filters: number) =>
  (k * k * depth + 1) * filters;

/** What the learner does at one step. */
export type Task =
  /** Types answer + 1 (too large), answer − 1 (too small, the hint shows), then the answer. */
  | { readonly kind: 'numeric'; readonly answer: number; readonly formula: RegExp }
  /** Picks a wrong choice (its explanation shows), then the right one. */
  | {
      readonly kind: 'choice';
      readonly wrong: RegExp;
      readonly wrongWhy: RegExp;
      readonly right: RegExp;
    }
  /** Changes the lab until "Check my lab" passes, the failing feedback first. */
  | { readonly kind: 'lab'; readonly solve: (page: Page) => Promise<void> };

/** axe's WCAG 2.1 A/AA rules on the page as it is now. */
export async function wcagViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes)`);
}

/** Does one step's task the way a learner would, with the wrong tries first. */
export async function doTask(page: Page, task: Task): Promise<void> {
  const lessons = lessonsPage(page);
  if (task.kind === 'numeric') {
    await lessons.answer(String(task.answer + 1));
    await expect(lessons.feedback).toContainText('Too large');
    await expect(lessons.hint).toBeHidden();
    await lessons.answer(String(task.answer - 1));
    await expect(lessons.feedback).toContainText('Too small');
    await expect(lessons.hint).toBeVisible();
    await expect(lessons.hint).toContainText(task.formula);
    await lessons.answer(String(task.answer));
    await expect(lessons.feedback).toContainText('Correct');
    await expect(lessons.hint).toBeHidden();
  } else if (task.kind === 'choice') {
    await lessons.choose(task.wrong);
    await expect(lessons.feedback).toContainText('Not quite');
    await expect(lessons.feedback).toContainText(task.wrongWhy);
    await expect(lessons.solved).toBeHidden();
    await lessons.choose(task.right);
    await expect(lessons.feedback).toContainText(/^Right\./);
  } else {
    await task.solve(page);
  }
  await expect(lessons.solved).toBeVisible();
}

/** Walks a whole lesson from the index: each step opened with Next (or PageDown on even steps). */
export async function walkLesson(page: Page, title: string, tasks: readonly Task[]): Promise<void> {
  const lessons = lessonsPage(page);
  await lessons.start(title);
  const { step, of } = await lessons.stepShown();
  expect(step).toBe(1);
  expect(of, `the plan for “${title}” covers each of its steps`).toBe(tasks.length);
  for (const [i, task] of tasks.entries()) {
    if (i > 0) await (i % 2 ? lessons.next() : lessons.nextByKey());
    await doTask(page, task);
  }
  await expect(lessons.main.getByRole('button', { name: 'Next', exact: true })).toBeDisabled();
}

/** A layer field of the architecture explorer, by its layer number (from 1) and field name. */
export const layerField = (page: Page, layer: number, field: string): Locator =>
  page.getByRole('textbox', { name: new RegExp(`^Layer ${layer} .*: ${field}$`) });

// Deck 003: a 3×3 kernel on a 7×7 input; ten 5×5 filters on 32×32×3 with padding 2.
export const CONV_ARITHMETIC: readonly Task[] = [
  { kind: 'numeric', answer: outputSide(7, 3, 1), formula: /\(N - F\)\/S \+ 1/ },
  { kind: 'numeric', answer: outputSide(7, 3, 2), formula: /\(7 - 3\)\/2 \+ 1/ },
  {
    kind: 'choice',
    wrong: /the output is 3 ?× ?3/,
    wrongWhy: /is not 2/,
    right: /do not tile the input/,
  },
  // The size is kept at stride 1 when 2P = F − 1.
  { kind: 'numeric', answer: (5 - 1) / 2, formula: /P = \(F - 1\)\/2/ },
  // 760, the deck's worked number.
  { kind: 'numeric', answer: convParams(5, 3, 10), formula: /5 \\cdot 5 \\cdot 3/ },
  {
    kind: 'choice',
    wrong: /^28 ?× ?28 ?× ?10/,
    wrongWhy: /without padding/,
    right: new RegExp(`^${outputSide(32, 5, 1, 2)} ?× ?32 ?× ?10`),
  },
];

// Deck 000: 2×2 and 3×3 pools, LeNet-5's conv (K = 5) and pool (P = 2): P + K − 1.
export const POOLING: readonly Task[] = [
  { kind: 'numeric', answer: outputSide(6, 2, 2), formula: /\(6 - 2\)\/2 \+ 1/ },
  { kind: 'numeric', answer: outputSide(7, 3, 2), formula: /\(7 - 3\)\/2 \+ 1/ },
  { kind: 'choice', wrong: /= 64/, wrongWhy: /does not weigh its inputs/, right: /^0$/ },
  { kind: 'numeric', answer: 2 + 5 - 1, formula: /P \+ K - 1/ },
  {
    kind: 'choice',
    wrong: /moves one pixel as well/,
    wrongWhy: /one value per window/,
    right: /stays the same/,
  },
  {
    kind: 'lab',
    // LeNet-5's first conv: 28×28 input, 5×5 kernel, padding 2, 6 filters. 8 filters at
    // stride 2 give ⌊(28 − 5 + 4)/2⌋ + 1 = 14, so 14×14×8.
    async solve(page) {
      const lessons = lessonsPage(page);
      await lessons.checkMyLab();
      await expect(lessons.feedback).toContainText(/28\s*[x×]\s*28\s*[x×]\s*6/);
      await lessons.main.getByRole('button', { name: 'Go to Architecture' }).click();
      await layerField(page, 1, 'filters').fill('8');
      await lessons.backToLesson();
      await lessons.checkMyLab();
      // Still wrong: the feedback says what is left, the side, and suggests a stride.
      await expect(lessons.feedback).toContainText(/28\s*[x×]\s*28\s*[x×]\s*8/);
      await expect(lessons.feedback).toContainText(/stride/i);
      await expect(lessons.solved).toBeHidden();
      await labPage(page).openPanel('Architecture');
      expect(outputSide(28, 5, 2, 2)).toBe(14);
      await layerField(page, 1, 'stride').fill('2');
      await expect(page.getByTestId('output-shape').first()).toContainText('14');
      await lessons.backToLesson();
      await lessons.checkMyLab();
      await expect(lessons.feedback).toContainText(/14\s*[x×]\s*14\s*[x×]\s*8/);
      await expect(lessons.feedback.locator('xpath=..')).not.toHaveClass(/is-wrong/);
    },
  },
];

/** Presses Tab until the focus is on something that is not a form field (a button, a link). */
export async function tabOutOfFields(page: Page, most = 50) {
  const inField = () =>
    page.evaluate(() =>
      ['INPUT', 'SELECT', 'TEXTAREA'].includes(document.activeElement?.tagName ?? ''),
    );
  for (let presses = 0; presses < most && (await inField()); presses++)
    await page.keyboard.press('Tab');
  expect(await inField(), 'Tab leads out of the form fields').toBe(false);
}

/**
 * Presses Tab (or Shift+Tab for a negative direction) until `target` has the focus, as a
 * keyboard user does; fails when it never comes, which means it cannot be reached.
 */
export async function tabTo(page: Page, target: Locator, direction: 1 | -1 = 1, most = 200) {
  await expect(target).toBeVisible();
  for (let presses = 0; presses < most; presses++) {
    if (await target.evaluate((el) => el === document.activeElement)) return;
    await page.keyboard.press(direction === 1 ? 'Tab' : 'Shift+Tab');
  }
  throw new Error(`${String(target)} did not get the focus after ${most} presses of Tab.`);
}
