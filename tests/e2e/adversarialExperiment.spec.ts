import { checkExperimentScreens } from './experimentChecks';
import { expect, saveScreen, test } from './fixtures';
import { UNTIL_THE_TEST_ENDS } from './pages';

test.describe('adversarial examples', () => {
  test.setTimeout(180_000);

  test('FGSM flips the trained LeNet-5’s answer for the selected digit at some ε, and the sweep’s flips rise with ε', async ({
    lab,
  }) => {
    await lab.goto(
      './#v=1&panel=experiments&exp=adversarial&preset=lenet5&data=mnist&sample=test-0',
    );
    await expect(lab.getByTestId('adv-load-pretrained')).toBeEnabled(UNTIL_THE_TEST_ENDS);
    await lab.getByTestId('adv-load-pretrained').click();
    await expect(lab.getByTestId('adv-pretrained')).toBeVisible(UNTIL_THE_TEST_ENDS);

    const epsilon = lab.getByTestId('adv-epsilon');
    const verdict = lab.getByTestId('adv-verdict');
    /** Sets ε and waits until the page shows the attack made with it. */
    const attackAt = async (value: number) => {
      await epsilon.fill(String(value));
      await expect(verdict).toHaveAttribute('data-epsilon', String(value), UNTIL_THE_TEST_ENDS);
      return {
        flipped: (await verdict.getAttribute('data-flipped')) === 'true',
        before: Number(await lab.getByTestId('adv-before').getAttribute('data-class')),
        after: Number(await lab.getByTestId('adv-after').getAttribute('data-class')),
      };
    };

    // At ε = 0 nothing changes,: the answer before and after is the same.
    const clean = await attackAt(0);
    expect(clean.flipped).toBe(false);
    expect(clean.after).toBe(clean.before);

    let flippedAt: number | null = null;
    for (let i = 1; i <= 25 && flippedAt === null; i++) {
      const value = Math.round(i * 0.02 * 1000) / 1000;
      const shown = await attackAt(value);
      expect(shown.before).toBe(clean.before);
      if (shown.flipped) {
        expect(shown.after).not.toBe(clean.before);
        flippedAt = value;
      }
    }
    expect(flippedAt, 'some ε up to 0.5 flips the prediction').not.toBeNull();
    await expect(verdict).toContainText('The prediction flipped');
    await saveScreen(lab, 'experiment-adversarial', true);

    // The iterative method (10 steps inside the same ε-ball) is at least as strong here.
    await lab.getByRole('radio', { name: 'Iterative (BIM)' }).check();
    await expect(verdict).toHaveAttribute('data-method', 'iterative', UNTIL_THE_TEST_ENDS);
    let iterativeAt: number | null = null;
    for (let i = 1; i <= Math.round((flippedAt ?? 0) / 0.02) && iterativeAt === null; i++) {
      const value = Math.round(i * 0.02 * 1000) / 1000;
      if ((await attackAt(value)).flipped) iterativeAt = value;
    }
    expect(iterativeAt, 'the iterative method flips it at an ε no larger').not.toBeNull();
    await lab.getByRole('radio', { name: 'FGSM (one step)' }).check();
    await expect(verdict).toHaveAttribute('data-method', 'fgsm', UNTIL_THE_TEST_ENDS);

    await lab.getByTestId('adv-sweep-run').click();
    const chart = lab.getByTestId('adv-sweep-chart');
    await expect(chart).toBeVisible(UNTIL_THE_TEST_ENDS);
    const flipped = ((await chart.getAttribute('data-flipped')) ?? '').split(',').map(Number);
    expect(flipped).toHaveLength(13);
    expect(flipped[0]).toBe(0);
    // More of the 200 images flip at the largest ε than at the smallest non-zero one, and many do.
    expect(flipped[12]).toBeGreaterThan(flipped[1] ?? 0);
    expect(flipped[12]).toBeGreaterThan(50);
    await saveScreen(lab, 'experiment-adversarial-sweep', true);

    const problems = await checkExperimentScreens(lab, 'adversarial', async () => {
      await expect(chart).toBeVisible();
      await expect(verdict).toBeVisible();
    });
    expect(problems).toEqual([]);
  });

  test('a long sweep shows its progress, leaves the page live, and stops on Cancel', async ({
    lab,
  }) => {
    await lab.goto(
      './#v=1&panel=experiments&exp=adversarial&preset=lenet5&data=mnist&sample=test-0',
    );
    await expect(lab.getByTestId('adv-load-pretrained')).toBeEnabled(UNTIL_THE_TEST_ENDS);
    await lab.getByTestId('adv-load-pretrained').click();
    await expect(lab.getByTestId('adv-pretrained')).toBeVisible(UNTIL_THE_TEST_ENDS);
    await lab.getByRole('radio', { name: 'Iterative (BIM)' }).check();
    // 2,000 images × 13 values of ε × 10 steps: minutes of work, far more than this test waits.
    await lab.getByLabel('Test images', { exact: true }).fill('2000');
    await lab.getByTestId('adv-sweep-run').click();
    const progress = lab.getByRole('progressbar', { name: 'Sweep progress' });
    await expect(progress).toBeVisible(UNTIL_THE_TEST_ENDS);
    await expect
      .poll(async () => Number(await progress.getAttribute('value')), UNTIL_THE_TEST_ENDS)
      .toBeGreaterThan(0);
    // The attack on the selected image still answers while the sweep runs.
    await lab.getByTestId('adv-epsilon').fill('0.2');
    await expect(lab.getByTestId('adv-verdict')).toHaveAttribute(
      'data-epsilon',
      '0.2',
      UNTIL_THE_TEST_ENDS,
    );
    await expect(progress).toBeVisible();
    await lab.getByRole('button', { name: 'Cancel' }).click();
    await expect(lab.getByText('Stopped: the sweep was cancelled.')).toBeVisible(
      UNTIL_THE_TEST_ENDS,
    );
    await expect(lab.getByTestId('adv-sweep-chart')).toHaveCount(0);
    await expect(lab.getByTestId('adv-sweep-run')).toBeEnabled();
  });
});
