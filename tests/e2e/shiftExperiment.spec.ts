import type { Locator, Page } from '@playwright/test';
import { checkExperimentScreens } from './experimentChecks';
import { expect, saveScreen, test } from './fixtures';
import { UNTIL_THE_TEST_ENDS } from './pages';

const LINK = './#v=1&panel=experiments&exp=shift&preset=lenet5&data=mnist&seed=3';

/** The accuracy the table shows for one network at one shift, 0..1. */
async function accuracyAt(page: Page, network: 'mlp' | 'lenet5', shift: number): Promise<number> {
  const cell: Locator = page
    .getByTestId('shift-table')
    .locator(`tr[data-shift="${shift}"] td[data-network="${network}"]`);
  // The text a person reads ("43.1%"), checked against the exact value it was written from.
  const text = (await cell.textContent()) ?? '';
  const exact = Number(await cell.getAttribute('data-accuracy'));
  expect(Number(text.replace('%', '')) / 100).toBeCloseTo(exact, 3);
  return exact;
}

test.describe('shift invariance', () => {
  test.setTimeout(240_000);

  test('an MLP and a CNN trained on centred digits: both good at 0 px, the CNN ahead at 4 px', async ({
    lab,
  }) => {
    await lab.goto(LINK);
    const run = lab.getByTestId('shift-run');
    await expect(run).toBeEnabled(UNTIL_THE_TEST_ENDS);
    await run.click();
    // The progress names the network and the step.
    await expect(lab.getByTestId('shift-progress')).toContainText(
      /step \d+ of 300/,
      UNTIL_THE_TEST_ENDS,
    );
    const chart = lab.getByTestId('shift-chart');
    await expect(chart).toBeVisible(UNTIL_THE_TEST_ENDS);
    await expect(lab.getByTestId('shift-progress')).toHaveCount(0);

    const mlp0 = await accuracyAt(lab, 'mlp', 0);
    const cnn0 = await accuracyAt(lab, 'lenet5', 0);
    const mlp4 = await accuracyAt(lab, 'mlp', 4);
    const cnn4 = await accuracyAt(lab, 'lenet5', 4);
    // Chance is 10%; both have learnt centred digits well.
    expect(mlp0).toBeGreaterThan(0.8);
    expect(cnn0).toBeGreaterThan(0.8);
    // Four pixels over, the CNN keeps clearly more than the MLP.
    expect(cnn4).toBeGreaterThan(mlp4 + 0.05);
    // Both fall as the digits move away from where they were trained.
    expect(mlp4).toBeLessThan(mlp0);
    await expect(lab.getByTestId('shift-verdict')).toContainText('At 4 px to the right');

    // The example digit follows the selected shift.
    await lab.getByTestId('shift-selected').fill('7');
    await expect(lab.getByTestId('shift-example')).toHaveAttribute('data-shift', '7');
    await expect(lab.getByTestId('shift-verdict')).toContainText('At 7 px');
    await lab.getByTestId('shift-selected').fill('4');
    await saveScreen(lab, 'experiment-shift', true);

    // The result stays when the tab is left and reopened.
    await lab.getByRole('tab', { name: 'Overfitting' }).click();
    await lab.getByRole('tab', { name: /Shift/ }).click();
    await expect(chart).toBeVisible(UNTIL_THE_TEST_ENDS);
    expect(await accuracyAt(lab, 'lenet5', 4)).toBe(cnn4);

    const problems = await checkExperimentScreens(lab, 'shift', async () => {
      await expect(chart).toBeVisible();
    });
    expect(problems).toEqual([]);
  });

  test('a long run shows its progress and stops on Cancel, saying so', async ({ lab }) => {
    await lab.goto(LINK);
    const run = lab.getByTestId('shift-run');
    await expect(run).toBeEnabled(UNTIL_THE_TEST_ENDS);
    await lab.getByTestId('shift-steps').fill('2000');
    await run.click();
    const progress = lab.getByRole('progressbar', { name: 'Shift experiment progress' });
    await expect(progress).toBeVisible(UNTIL_THE_TEST_ENDS);
    await expect
      .poll(async () => Number(await progress.getAttribute('value')), UNTIL_THE_TEST_ENDS)
      .toBeGreaterThan(0);
    await expect(lab.getByTestId('shift-progress')).toContainText(
      /Training the MLP.*step \d+ of 2000/,
    );
    await expect(run).toBeDisabled();
    await lab.getByTestId('shift-cancel').click();
    await expect(lab.getByText(/the shift experiment was cancelled/)).toBeVisible(
      UNTIL_THE_TEST_ENDS,
    );
    await expect(lab.getByTestId('shift-chart')).toHaveCount(0);
    await expect(run).toBeEnabled();
  });
});
