import { checkExperimentScreens } from './experimentChecks';
import { expect, saveScreen, test } from './fixtures';
import { UNTIL_THE_TEST_ENDS } from './pages';

const PAGE = './#v=1&panel=experiments&exp=initialisation&preset=lenet5&data=mnist&seed=3';

test.describe('initialisation and batch norm', () => {
  test.setTimeout(300_000);

  test('He breaks the symmetry and zeros never does; batch norm trains beside a run without and its outputs have std 1', async ({
    lab,
  }) => {
    await lab.goto(PAGE);
    const figure = lab.getByTestId('init-figure');
    const symmetry = lab.getByTestId('init-symmetry');

    // He at step 0: a histogram of outputs and one of gradients per layer, units different.
    await expect(figure).toHaveAttribute('data-scheme', 'he', UNTIL_THE_TEST_ENDS);
    await expect(figure.locator('.init-layer').first().locator('svg')).toHaveCount(2);
    expect(await figure.locator('.init-layer').count()).toBeGreaterThanOrEqual(6);
    await expect(symmetry).toHaveAttribute('data-unbroken', 'false');
    await lab.getByTestId('init-train').click();
    await expect(figure).toHaveAttribute('data-steps', '0,50,200', UNTIL_THE_TEST_ENDS);
    await expect(figure).toHaveAttribute('data-step', '200');
    await expect(symmetry).toHaveAttribute('data-unbroken', 'false');
    expect(Number(await symmetry.getAttribute('data-spread'))).toBeGreaterThan(0);

    // Zeros: every unit identical at step 0, and still after 200 steps of training.
    await lab.getByRole('radio', { name: 'Zeros' }).check();
    await expect(figure).toHaveAttribute('data-scheme', 'zeros', UNTIL_THE_TEST_ENDS);
    await expect(symmetry).toHaveAttribute('data-unbroken', 'true');
    await expect(symmetry).toContainText('Symmetry unbroken at step 0');
    await lab.getByTestId('init-train').click();
    await expect(figure).toHaveAttribute('data-steps', '0,50,200', UNTIL_THE_TEST_ENDS);
    await expect(symmetry).toHaveAttribute('data-unbroken', 'true');
    await expect(symmetry).toHaveAttribute('data-spread', '0');
    await expect(symmetry).toContainText('Symmetry unbroken at step 200');
    await lab.getByRole('radio', { name: '50', exact: true }).check();
    await expect(figure).toHaveAttribute('data-step', '50');
    await saveScreen(lab, 'experiment-initialisation-zeros', true);

    // Batch norm: two runs of 60 steps from the same seed, two curves; after BN std ≈ 1.
    await lab.getByLabel('Steps per run').fill('60');
    await lab.getByTestId('init-bn-compare').click();
    const chart = lab.getByTestId('init-bn-chart');
    await expect(chart).toBeVisible(UNTIL_THE_TEST_ENDS);
    await expect(chart).toHaveAttribute('data-curves', '2');
    const std = Number(await lab.getByTestId('init-bn-after').getAttribute('data-std'));
    expect(std).toBeGreaterThan(0.95);
    expect(std).toBeLessThanOrEqual(1.001);
    expect(
      Math.abs(Number(await lab.getByTestId('init-bn-after').getAttribute('data-mean'))),
    ).toBeLessThan(0.01);
    await expect(lab.getByTestId('init-lcn-example')).toContainText('y = (');

    // The toggle puts batch norm into the person's network: 2·6 + 2·16 = 44 parameters more.
    const counts = lab.getByTestId('init-bn-counts');
    await expect(counts).toContainText('61,706 trainable parameters now');
    await lab.getByTestId('init-bn-toggle').check();
    await expect(counts).toContainText('61,750 trainable parameters now');
    await lab.getByTestId('init-bn-toggle').uncheck();
    await expect(counts).toContainText('61,706 trainable parameters now');

    const problems = await checkExperimentScreens(lab, 'initialisation', async () => {
      await expect(chart).toBeVisible();
      await expect(figure).toBeVisible();
    });
    expect(problems).toEqual([]);
  });

  test('a long comparison shows its progress, leaves the page live, and stops on Cancel', async ({
    lab,
  }) => {
    await lab.goto(PAGE);
    await expect(lab.getByTestId('init-figure')).toBeVisible(UNTIL_THE_TEST_ENDS);
    await lab.getByLabel('Steps per run').fill('2000');
    await lab.getByTestId('init-bn-compare').click();
    const progress = lab.getByRole('progressbar', { name: 'Training progress' });
    await expect(progress).toBeVisible(UNTIL_THE_TEST_ENDS);
    await expect
      .poll(async () => Number(await progress.getAttribute('value')), UNTIL_THE_TEST_ENDS)
      .toBeGreaterThan(0);
    // The page still answers: the scheme's description follows the radio at once.
    await lab.getByRole('radio', { name: 'Large random' }).check();
    await expect(lab.getByText('w ~ N(0, 1):')).toBeVisible();
    await lab.getByTestId('init-cancel').click();
    await expect(lab.getByText('Stopped: the run was cancelled.')).toBeVisible(UNTIL_THE_TEST_ENDS);
    await expect(lab.getByTestId('init-bn-chart')).toHaveCount(0);
    await expect(lab.getByTestId('init-bn-compare')).toBeEnabled();
  });
});
