import AxeBuilder from '@axe-core/playwright';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';

const SCREENS = `${process.env.E2E_RESULTS ?? 'test-results'}/screens`;

const lessonsPanel = (page: Page) => page.getByRole('region', { name: /lessons|convolution/i });
const stepCount = (page: Page) => page.getByTestId('lesson-step-count');
const feedback = (page: Page) => page.getByTestId('exercise-feedback');

/** axe's WCAG 2.1 A/AA rules on the page as it is now. */
async function wcagViolations(page: Page): Promise<string[]> {
  const results = await new AxeBuilder({ page })
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  return results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes)`);
}

test.describe('the lessons panel', () => {
  test('a learner follows Convolution arithmetic, with wrong answers, a hint and a reload', async ({
    lab,
  }) => {
    await lab.setViewportSize({ width: 1400, height: 900 });
    await lab.goto('./#v=1&panel=lessons');
    await expect(lab.getByTestId('lesson-card')).toHaveCount(14);
    await lab.screenshot({ path: `${SCREENS}/lessons-index-1400.png`, fullPage: false });
    expect(await wcagViolations(lab)).toEqual([]);

    await lab.getByRole('button', { name: 'Start Convolution arithmetic' }).click();
    await expect(lab.getByRole('heading', { level: 1 })).toHaveText('Convolution arithmetic');
    await expect(stepCount(lab)).toHaveText(/Step 1 of \d+/);
    await expect(lab).toHaveURL(/lesson=conv-arithmetic&step=1/);

    const answer = lab.getByRole('textbox');
    const hint = lab.getByTestId('exercise-hint');
    await answer.fill('9');
    await answer.press('Enter');
    await expect(feedback(lab)).toContainText('Too large');
    await expect(hint).toBeHidden();
    await answer.fill('2');
    await lab.getByRole('button', { name: 'Check' }).click();
    await expect(feedback(lab)).toContainText('Too small');
    await expect(hint).toBeVisible();
    await expect(hint).toContainText('(N - F)/S + 1');
    await lab.screenshot({ path: `${SCREENS}/lessons-step-1400.png`, fullPage: true });
    expect(await wcagViolations(lab)).toEqual([]);
    await answer.fill('5');
    await answer.press('Enter');
    await expect(feedback(lab)).toContainText('Correct');
    await expect(lab.getByTestId('exercise-solved')).toBeVisible();

    await lab.getByRole('button', { name: 'Next' }).click();
    await expect(stepCount(lab)).toHaveText(/Step 2 of/);
    await expect(lab).toHaveURL(/step=2/);
    // PageUp / PageDown step the lesson as a presenter's remote does.
    await lab.locator('body').press('PageUp');
    await expect(stepCount(lab)).toHaveText(/Step 1 of/);
    await lab.locator('body').press('PageDown');
    await expect(stepCount(lab)).toHaveText(/Step 2 of/);
    // The link is rewritten a moment after a change (a burst of edits writes once).
    await expect(lab).toHaveURL(/step=2/);

    await lab.reload();
    await expect(stepCount(lab)).toHaveText(/Step 2 of/);
    await lab.getByRole('button', { name: 'All lessons' }).click();
    const card = lab.getByTestId('lesson-card').filter({ hasText: 'Convolution arithmetic' });
    await expect(card.getByTestId('lesson-progress')).toHaveText(/^1 of \d+ exercises solved$/);
    await expect(
      card.getByRole('button', { name: 'Continue Convolution arithmetic' }),
    ).toBeVisible();
  });

  test('a choice, the lab for a step, and a lesson that does not exist', async ({ lab }) => {
    await lab.goto('./#v=1&panel=lessons&lesson=conv-arithmetic&step=3');
    await expect(stepCount(lab)).toHaveText(/Step 3 of/);
    const radios = lab.getByRole('radio');
    expect(await radios.count()).toBeGreaterThan(1);
    await lab.getByRole('button', { name: 'Check' }).click();
    await expect(feedback(lab)).toContainText('Pick one');
    await radios.first().check();
    await lab.getByRole('button', { name: 'Check' }).click();
    await expect(feedback(lab)).toContainText(/Right|Not quite/);
    await expect(lab.getByRole('button', { name: 'Go to Convolution & pooling' })).toBeVisible();

    await lab.goto('./#v=1&panel=lessons&lesson=no-such-lesson');
    await expect(lessonsPanel(lab).getByRole('alert')).toContainText('no lesson “no-such-lesson”');
  });

  test('the index and a step read at phone width', async ({ lab }) => {
    await lab.setViewportSize({ width: 390, height: 844 });
    await lab.goto('./#v=1&panel=lessons');
    await expect(lab.getByTestId('lesson-card')).toHaveCount(14);
    await lab.screenshot({ path: `${SCREENS}/lessons-index-390.png` });
    await lab.goto('./#v=1&panel=lessons&lesson=conv-arithmetic&step=2');
    await expect(stepCount(lab)).toHaveText(/Step 2 of/);
    const width = await lab.evaluate(() => document.documentElement.scrollWidth);
    expect(width).toBeLessThanOrEqual(390);
    await lab.screenshot({ path: `${SCREENS}/lessons-step-390.png`, fullPage: true });
    await lab.getByRole('button', { name: 'Large type' }).click();
    await expect(lab.getByRole('button', { name: 'Large type' })).toHaveAttribute(
      'aria-pressed',
      'true',
    );
    expect(await lab.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390);
    await lab.screenshot({ path: `${SCREENS}/lessons-step-390-large.png`, fullPage: true });
  });
});
