import type { Page } from '@playwright/test';
import { checkExperimentScreens } from './experimentChecks';
import { expect, saveScreen, test } from './fixtures';
import { UNTIL_THE_TEST_ENDS } from './pages';

const LINK = './#v=1&panel=experiments&exp=surface&preset=lenet5&data=mnist&seed=3';

/** The final loss the readout shows for an optimiser, and whether it says the run diverged. */
async function finalOf(lab: Page, optimiser: string) {
  const cell = lab.getByTestId(`surface-final-${optimiser}`);
  return {
    value: Number(await cell.getAttribute('data-value')),
    diverged: (await cell.getAttribute('data-diverged')) === 'true',
    text: (await cell.textContent()) ?? '',
  };
}

test.describe('the loss surface', () => {
  test.setTimeout(240_000);

  test('classic functions: contours and paths drawn, the learning rate changes the result, too large a rate diverges', async ({
    lab,
  }) => {
    await lab.goto(LINK);
    const contour = lab.getByTestId('surface-contour');
    await expect(contour).toBeVisible(UNTIL_THE_TEST_ENDS);
    expect(Number(await contour.getAttribute('data-bands'))).toBeGreaterThan(5);
    for (const optimiser of ['sgd', 'momentum', 'adam']) {
      const path = lab.getByTestId(`surface-path-${optimiser}`);
      await expect(path).toBeVisible();
      expect(Number(await path.getAttribute('data-points'))).toBe(151);
    }
    const before = await finalOf(lab, 'sgd');
    expect(before.diverged).toBe(false);

    // A smaller η: SGD ends somewhere else, and the readout says so at once.
    await lab.getByTestId('surface-lr').fill('-2');
    await expect(lab.getByTestId('surface-lr-value')).toHaveText('0.01');
    const slower = await finalOf(lab, 'sgd');
    expect(slower.value).not.toBe(before.value);
    expect(slower.value).toBeGreaterThan(before.value);

    // η = 10^−0.5 ≈ 0.32 is past 2/κ = 0.2 on the κ = 10 bowl: SGD diverges and is stopped.
    await lab.getByTestId('surface-lr').fill('-0.5');
    await expect(lab.getByTestId('surface-final-sgd')).toHaveAttribute('data-diverged', 'true');
    await expect(lab.getByTestId('surface-final-sgd')).toHaveText('diverged');
    await expect(lab.getByTestId('surface-steps-sgd')).toContainText('stopped after');
    await saveScreen(lab, 'experiment-surface-diverged', true);

    // Clicking the plot moves the start point there.
    await lab.getByTestId('surface-lr').fill('-1');
    const box = await contour.boundingBox();
    if (!box) throw new Error('The contour plot has no box.');
    await contour.click({ position: { x: box.width * 0.75, y: box.height * 0.3 } });
    await expect(lab.getByTestId('surface-start-x')).not.toHaveValue('-2.6');
    expect(Number(await lab.getByTestId('surface-start-x').inputValue())).toBeGreaterThan(0);

    const problems = await checkExperimentScreens(lab, 'surface', async () => {
      await expect(contour).toBeVisible();
      await expect(lab.getByTestId('surface-readout')).toBeVisible();
    });
    expect(problems).toEqual([]);
  });

  test('this network: the surface is computed round the current weights, its centre is the current loss, and Cancel stops it', async ({
    lab,
  }) => {
    await lab.goto(LINK);
    await lab.getByRole('radio', { name: 'This network' }).check();
    const run = lab.getByTestId('surface-net-run');
    await expect(run).toBeEnabled(UNTIL_THE_TEST_ENDS);
    await lab.getByTestId('surface-net-size').selectOption('11');
    await lab.getByTestId('surface-net-count').fill('100');
    await run.click();
    const contour = lab.getByTestId('surface-net-contour');
    await expect(contour).toBeVisible(UNTIL_THE_TEST_ENDS);
    expect(Number(await contour.getAttribute('data-bands'))).toBeGreaterThan(3);
    const centre = Number(await lab.getByTestId('surface-net-centre').getAttribute('data-value'));
    const current = Number(await lab.getByTestId('surface-net-current').getAttribute('data-value'));
    // An untrained ten-class network: the loss is near ln 10 ≈ 2.3.
    expect(current).toBeGreaterThan(1);
    expect(current).toBeLessThan(5);
    expect(Math.abs(centre - current)).toBeLessThan(1e-5 * current);
    await expect(lab.getByTestId('surface-net-centre')).toHaveText(
      (await lab.getByTestId('surface-net-current').textContent()) ?? '',
    );
    await saveScreen(lab, 'experiment-surface-network', true);

    const problems = await checkExperimentScreens(lab, 'surface-network', async () => {
      await expect(contour).toBeVisible();
    });
    expect(problems).toEqual([]);

    // A large grid on many images takes minutes: it shows progress and stops on Cancel.
    await lab.setViewportSize({ width: 1440, height: 900 });
    await lab.getByTestId('surface-net-size').selectOption('31');
    await lab.getByTestId('surface-net-count').fill('1000');
    await run.click();
    const progress = lab.getByRole('progressbar', { name: 'Surface progress' });
    await expect(progress).toBeVisible(UNTIL_THE_TEST_ENDS);
    await expect
      .poll(async () => Number(await progress.getAttribute('value')), UNTIL_THE_TEST_ENDS)
      .toBeGreaterThan(0);
    await lab.getByRole('button', { name: 'Cancel' }).click();
    await expect(lab.getByText('Stopped: the loss surface was cancelled.')).toBeVisible(
      UNTIL_THE_TEST_ENDS,
    );
    await expect(run).toBeEnabled();
  });
});
