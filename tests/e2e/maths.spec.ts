import AxeBuilder from '@axe-core/playwright';
import type { Locator } from '@playwright/test';
import { expect, saveScreen, test } from './fixtures';
import { labPage, trainingPage, UNTIL_THE_TEST_ENDS } from './pages';

/** A number as the panel displays it (Unicode minus, maybe scientific notation). */
const numberIn = async (locator: Locator): Promise<number> =>
  Number(((await locator.textContent()) ?? '').trim().replace(/−/g, '-'));

test.describe('the maths panel', () => {
  test.setTimeout(150_000);

  test('formulas with the MLP’s real numbers, a gradient check, and the 2-2-1 network step by step', async ({
    lab,
  }) => {
    await lab.goto('./#v=1&panel=maths&preset=mlp&data=mnist');
    const panel = lab.getByRole('region', { name: 'The maths with its numbers' });
    await expect(panel).toBeVisible();
    // The engine starts in its worker and reports on the selected input.
    await expect(lab.getByTestId('maths-status')).toBeVisible(UNTIL_THE_TEST_ENDS);

    // A dense unit: Σ xᵢwᵢ + b through ReLU equals the engine's activation.
    const dense = lab.getByRole('region', { name: 'A dense unit: h = act(Wx + b)' });
    await expect(dense.getByTestId('dense-sum')).toContainText('more terms');
    await expect(dense.getByTestId('dense-check')).toHaveClass(/maths-check-ok/);
    await dense.getByLabel(/Unit j/).fill('5');
    await expect(lab).toHaveURL(/ch=5/);
    await expect(dense.getByTestId('dense-check')).toHaveClass(/maths-check-ok/);

    // Softmax: the probabilities as displayed add up to 1, and L = −log p_y as displayed.
    const softmax = lab.getByRole('region', { name: 'Softmax and cross-entropy' });
    const ps = softmax.getByTestId('softmax-p');
    await expect(ps).toHaveCount(10);
    let total = 0;
    for (const p of await ps.all()) total += await numberIn(p);
    expect(Math.abs(total - 1)).toBeLessThan(1e-4);
    expect(await numberIn(softmax.getByTestId('softmax-sum'))).toBeCloseTo(1, 5);
    const py = await numberIn(softmax.getByTestId('loss-py'));
    const loss = await numberIn(softmax.getByTestId('loss-value'));
    expect(py).toBeGreaterThan(0);
    expect(Math.abs(loss + Math.log(py))).toBeLessThan(1e-4 * Math.max(1, loss));
    await expect(softmax.getByTestId('loss-check')).toHaveClass(/maths-check-ok/);
    await saveScreen(lab, 'maths-dense-softmax', true);

    // The chain rule: output layer, then the hidden layer before it.
    const chain = lab.getByRole('region', { name: 'The chain rule for one weight' });
    await expect(chain.getByTestId('chain-check')).toHaveClass(/maths-check-ok/);
    await chain.getByLabel('Layer').selectOption({ label: 'dense_2 (hidden)' });
    await expect(chain.getByTestId('chain-upstream-check')).toHaveClass(/maths-check-ok/);
    await expect(chain.getByTestId('chain-check')).toHaveClass(/maths-check-ok/);
    await expect(chain.getByTestId('chain-gate')).toContainText('ReLU');
    await chain.scrollIntoViewIfNeeded();
    await saveScreen(lab, 'maths-chain-hidden');

    // The gradient check on the chain rule's weight.
    const check = lab.getByRole('region', { name: 'The gradient check' });
    await check.getByRole('button', { name: 'Take the chain rule’s weight' }).click();
    await check.getByRole('button', { name: 'Run the check' }).click();
    const error = check.getByTestId('check-relative-error');
    await expect(error).toBeVisible(UNTIL_THE_TEST_ENDS);
    expect(await numberIn(error)).toBeLessThan(1e-3);
    const backprop = await numberIn(check.getByTestId('check-backprop'));
    expect(Math.abs(backprop)).toBeGreaterThan(0);
    await check.scrollIntoViewIfNeeded();
    await saveScreen(lab, 'maths-gradient-check');

    // Every formula, table and control passes WCAG A/AA checks (contrast included).
    const axe = await new AxeBuilder({ page: lab })
      .include('main')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(axe.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes)`)).toEqual([]);

    // The 2-2-1 network: every forward value, then every delta, one step at a time.
    const tiny = lab.getByRole('region', { name: /2-2-1 tanh network/ });
    const next = tiny.getByRole('button', { name: 'Next ▶' });
    const steps = tiny.getByTestId('tiny-steps').locator('li');
    await expect(steps).toHaveCount(1);
    await expect(tiny.getByTestId('tiny-step')).toHaveText(/Step 1 of 14: forward/);
    for (let k = 2; k <= 14; k++) {
      await next.click();
      await expect(steps).toHaveCount(k);
    }
    await expect(next).toBeDisabled();
    await expect(tiny.getByTestId('tiny-step')).toHaveText(/Step 14 of 14: backward/);
    const text = (await tiny.getByTestId('tiny-steps').textContent()) ?? '';
    for (const d of ['δ₁', 'δ₂', 'δ₃', 'δ₄', 'δ₅']) expect(text).toContain(d);
    await tiny.scrollIntoViewIfNeeded();
    await saveScreen(lab, 'maths-tiny-net-all');
    // Back one step, and edit a weight: the values follow.
    await tiny.getByRole('button', { name: '◀ Back' }).click();
    await expect(steps).toHaveCount(13);
    const before = await tiny.getByTestId('tiny-steps').textContent();
    await tiny.getByLabel('w5', { exact: true }).fill('-1.5');
    await expect(tiny.getByTestId('tiny-steps')).not.toHaveText(before ?? '');
    await tiny.getByRole('button', { name: 'First' }).focus();
    await lab.keyboard.press('Enter');
    await expect(steps).toHaveCount(1);
    await saveScreen(lab, 'maths-tiny-net-first');

    // After training, the formulas carry the new weights' numbers and still match the engine.
    const lossBefore = await numberIn(softmax.getByTestId('loss-value'));
    await labPage(lab).openPanel('Training');
    await trainingPage(lab).trainSteps(20);
    await labPage(lab).openPanel('The maths');
    await expect(lab.getByTestId('maths-status')).not.toContainText('after 0 training steps');
    expect(await numberIn(softmax.getByTestId('loss-value'))).not.toBe(lossBefore);
    await expect(dense.getByTestId('dense-check')).toHaveClass(/maths-check-ok/);
    await expect(softmax.getByTestId('loss-check')).toHaveClass(/maths-check-ok/);
    await expect(chain.getByTestId('chain-check')).toHaveClass(/maths-check-ok/);
  });
});
