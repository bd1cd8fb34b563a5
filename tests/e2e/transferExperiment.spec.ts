import type { Locator } from '@playwright/test';
import { checkExperimentScreens } from './experimentChecks';
import { expect, saveScreen, test } from './fixtures';
import { UNTIL_THE_TEST_ENDS } from './pages';

const OPEN = './#v=1&panel=experiments&exp=transfer&preset=lenet5&data=mnist&seed=3';

const accuracies = async (curve: Locator) =>
  ((await curve.getAttribute('data-accuracies')) ?? '').split(',').map(Number);

test.describe('transfer learning', () => {
  test.setTimeout(300_000);

  test('fine-tunes LeNet-5’s frozen MNIST convolutions on 300 Fashion-MNIST images against from scratch: two curves, conv1 unchanged, the head trained', async ({
    lab,
  }) => {
    await lab.goto(OPEN);
    await expect(lab.getByTestId('transfer-run')).toBeEnabled(UNTIL_THE_TEST_ENDS);
    await expect(lab.getByTestId('transfer-count')).toHaveValue('300');
    await lab.getByTestId('transfer-run').click();
    const progress = lab.getByTestId('transfer-progress');
    await expect(progress).toContainText('Run 1 of 2', UNTIL_THE_TEST_ENDS);
    const check = lab.getByTestId('transfer-conv1-check');
    await expect(check).toBeVisible(UNTIL_THE_TEST_ENDS);
    await expect(progress).toHaveCount(0);

    const fine = lab.getByTestId('transfer-curve-fine-tuned');
    const scratch = lab.getByTestId('transfer-curve-scratch');
    // 0, then every 20 of the 200 steps: 11 measurements in each curve.
    await expect(fine).toHaveAttribute('data-points', '11');
    await expect(scratch).toHaveAttribute('data-points', '11');
    await expect(fine.locator('path')).toHaveAttribute('d', /^M.+L/);
    await expect(scratch.locator('path')).toHaveAttribute('d', /^M.+L/);

    // The frozen filters are bit-identical; the dense head moved.
    await expect(check).toHaveAttribute('data-max-change', '0');
    await expect(check).toContainText('conv1 filters unchanged by fine-tuning: max |Δw| = 0');
    const head = Number(
      await lab.getByTestId('transfer-head-check').getAttribute('data-max-change'),
    );
    expect(head).toBeGreaterThan(1e-3);

    // Both learn well past chance (10 %), and end close together. Fine-tuned above from scratch
    // is NOT reliably true here (digits → clothing; measured 0.770 against 0.774 at step 200, and
    // a lead of under one point over the first 60 steps), so only what holds is asserted.
    const f = await accuracies(fine);
    const s = await accuracies(scratch);
    expect(f.at(-1)).toBeGreaterThan(0.6);
    expect(s.at(-1)).toBeGreaterThan(0.6);
    expect(Math.abs((f.at(-1) ?? 0) - (s.at(-1) ?? 0))).toBeLessThan(0.1);
    await expect(lab.getByTestId('transfer-final-fine-tuned')).toContainText('%');
    await saveScreen(lab, 'experiment-transfer', true);

    const problems = await checkExperimentScreens(lab, 'transfer', async () => {
      await expect(check).toBeVisible();
      await expect(fine).toBeVisible();
    });
    expect(problems).toEqual([]);
  });

  test('shows its progress and stops on Cancel', async ({ lab }) => {
    await lab.goto(OPEN);
    await expect(lab.getByTestId('transfer-run')).toBeEnabled(UNTIL_THE_TEST_ENDS);
    await lab.getByTestId('transfer-steps').fill('400');
    await lab.getByTestId('transfer-count').fill('1000');
    await lab.getByTestId('transfer-run').click();
    const bar = lab.getByRole('progressbar', { name: 'Progress of both runs' });
    await expect
      .poll(async () => Number(await bar.getAttribute('value')), UNTIL_THE_TEST_ENDS)
      .toBeGreaterThan(0);
    await expect(lab.getByTestId('transfer-progress')).toContainText(/step \d+ of 400/);
    // The page stays live while the runs train: another tab opens, and coming back shows the
    // runs still going (the worker keeps them; the tab asks for their status when it opens).
    await lab.getByRole('tab', { name: 'Overfitting' }).click();
    await expect(lab.getByTestId('transfer-progress')).toHaveCount(0);
    await lab.getByRole('tab', { name: 'Transfer learning' }).click();
    await expect(lab.getByTestId('transfer-progress')).toBeVisible(UNTIL_THE_TEST_ENDS);
    await lab.getByTestId('transfer-cancel').click();
    await expect(lab.getByText('Stopped: the runs were cancelled.')).toBeVisible(
      UNTIL_THE_TEST_ENDS,
    );
    await expect(lab.getByTestId('transfer-conv1-check')).toHaveCount(0);
    await expect(lab.getByTestId('transfer-run')).toBeEnabled();
  });
});

test.describe('frozen layers in the architecture panel', () => {
  test('the Frozen box travels in the link: a reload keeps it, and the totals show the frozen parameters', async ({
    lab,
  }) => {
    await lab.goto('./#v=1&preset=lenet5');
    const box = lab.getByLabel('Layer 1 conv2d_1: frozen');
    await expect(box).not.toBeChecked();
    await box.check();
    await expect(lab.getByTestId('summary-frozen')).toHaveText('156 frozen, 61,550 trained');
    await expect(lab).toHaveURL(/arch=/);
    await lab.reload();
    await expect(lab.getByLabel('Layer 1 conv2d_1: frozen')).toBeChecked(UNTIL_THE_TEST_ENDS);
    await expect(lab.getByTestId('summary-frozen')).toHaveText('156 frozen, 61,550 trained');
  });
});
