import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { checkExperimentScreens } from './experimentChecks';
import { expect, test } from './fixtures';
import { trainingPage, UNTIL_THE_TEST_ENDS } from './pages';

/**
 * Compared runs: two runs kept, the second started from the same initial weights with a
 * larger learning rate; their curves drawn together and only the learning rate named as
 * different; a twin run with the same settings draws the same curve; renamed, deleted and
 * put back, still there after a reload, exported as a checkpoint.
 */

const STEPS = 4;

/** Presses Step `count` times, each time waiting for the step counter to move on. */
async function stepTimes(lab: Page, count: number): Promise<void> {
  const training = trainingPage(lab);
  const start = await training.stepShown();
  for (let i = 1; i <= count; i++) {
    await lab.getByTestId('step').click();
    await expect.poll(training.stepShown, UNTIL_THE_TEST_ENDS).toBe(start + i);
  }
}

const keptRuns = (lab: Page) => lab.getByTestId('kept-run');
const runNamed = (lab: Page, name: string | RegExp) =>
  keptRuns(lab).filter({ has: lab.getByTestId('kept-run-name').filter({ hasText: name }) });

/** Keeps the run and waits until the library lists `count` runs. */
async function keep(lab: Page, count: number): Promise<void> {
  await lab.getByTestId('keep-run').click();
  await expect(keptRuns(lab)).toHaveCount(count, UNTIL_THE_TEST_ENDS);
}

/** Renames a kept run inline. */
async function rename(lab: Page, from: string | RegExp, to: string): Promise<void> {
  await runNamed(lab, from)
    .getByRole('button', { name: /^Rename / })
    .click();
  const field = lab.getByLabel(/^New name of /);
  await field.fill(to);
  await field.press('Enter');
  await expect(runNamed(lab, to)).toHaveCount(1);
}

/** Starts a run from the same initial weights as the kept run whose name matches. */
async function sameStartAs(lab: Page, name: RegExp): Promise<void> {
  const select = lab.getByLabel('Start from the same initial weights as');
  const option = select.locator('option').filter({ hasText: name });
  await select.selectOption((await option.getAttribute('value')) ?? '');
  await lab.getByTestId('same-start').click();
  await expect(lab.getByText(/^Fresh weights from seed 3/)).toBeVisible(UNTIL_THE_TEST_ENDS);
  await expect(lab.getByTestId('run-step')).toHaveText('0');
}

test.describe('compared runs', () => {
  test.setTimeout(240_000);

  test('two runs from the same initial weights: same curves with the same settings, the learning rate named when it differs', async ({
    lab,
  }) => {
    const training = trainingPage(lab);
    await training.open('preset=lenet5&data=mnist&seed=3&backend=wasm');
    await expect(lab.getByText('No runs kept yet.')).toBeVisible(UNTIL_THE_TEST_ENDS);

    await stepTimes(lab, STEPS);
    await keep(lab, 1);
    await expect(keptRuns(lab).first()).toContainText('LeNet-5 · MNIST · adam 0.001 · seed 3');
    await rename(lab, 'LeNet-5', 'baseline');

    // A twin: the same settings from the same start.
    await sameStartAs(lab, /baseline/);
    await stepTimes(lab, STEPS);
    await keep(lab, 2);
    await rename(lab, 'LeNet-5', 'twin');

    // The changed one: ten times the learning rate, from the same start.
    await lab.getByLabel('Learning rate η').selectOption('0.01');
    await sameStartAs(lab, /baseline/);
    await stepTimes(lab, STEPS);
    await keep(lab, 3);
    await expect(runNamed(lab, 'LeNet-5 · MNIST · adam 0.01 · seed 3')).toHaveCount(1);

    // The twins draw the same training curve, and nothing differs between them.
    await runNamed(lab, 'baseline').getByRole('checkbox').check();
    await runNamed(lab, 'twin').getByRole('checkbox').check();
    const lossTrain = lab.getByTestId('run-overlay-loss').locator('path[data-split="train"]');
    await expect(lossTrain).toHaveCount(2);
    const [first, second] = await lossTrain.evaluateAll((paths) =>
      paths.map((p) => p.getAttribute('d')),
    );
    expect(first).toBeTruthy();
    expect(second).toBe(first);
    await expect(lab.getByTestId('run-differences-none')).toBeVisible();

    // The changed run against the first: two curves that part, only the learning rate differs.
    await runNamed(lab, 'twin').getByRole('checkbox').uncheck();
    await runNamed(lab, 'adam 0.01').getByRole('checkbox').check();
    await expect(lossTrain).toHaveCount(2);
    const [a, b] = await lossTrain.evaluateAll((paths) => paths.map((p) => p.getAttribute('d')));
    expect(a).not.toBe(b);
    const rows = lab.getByTestId('run-differences').locator('tbody tr');
    await expect(rows).toHaveCount(1);
    await expect(rows.first()).toHaveAttribute('data-setting', 'learningRate');
    await expect(rows.first()).toContainText('learning rate');
    await expect(rows.first()).toContainText('0.001');
    await expect(rows.first()).toContainText('0.01');
    await expect(lab.getByTestId('run-overlay').locator('.run-legend li')).toHaveCount(4);
    // The card with its chart and table fits a phone, a projector and a desktop, and axe passes.
    const problems = await checkExperimentScreens(lab, 'compared-runs', async () => {
      await expect(rows).toHaveCount(1);
      await expect(lossTrain).toHaveCount(2);
    });
    expect(problems).toEqual([]);

    // Renamed inline: the table's heading follows.
    await rename(lab, 'adam 0.01', 'ten times the rate');
    await expect(lab.getByTestId('run-differences').locator('thead')).toContainText(
      'ten times the rate',
    );

    // Deleted, then put back.
    await runNamed(lab, 'twin')
      .getByRole('button', { name: /^Delete / })
      .click();
    await expect(keptRuns(lab)).toHaveCount(2);
    await expect(runNamed(lab, 'twin')).toHaveCount(0);
    await lab.getByRole('button', { name: 'Undo' }).click();
    await expect(keptRuns(lab)).toHaveCount(3);

    // Still there after a reload, with the new name.
    await lab.reload();
    await training.ready();
    await expect(keptRuns(lab)).toHaveCount(3, UNTIL_THE_TEST_ENDS);
    await expect(runNamed(lab, 'ten times the rate')).toHaveCount(1);
    await expect(runNamed(lab, 'twin')).toHaveCount(1);

    // Exported as a checkpoint file the lab can open.
    const downloaded = lab.waitForEvent('download');
    await runNamed(lab, 'ten times the rate')
      .getByRole('button', { name: /^Export / })
      .click();
    const download = await downloaded;
    expect(download.suggestedFilename()).toBe(`LeNet-5-mnist-step${STEPS}.json`);
    const file = JSON.parse(readFileSync((await download.path()) ?? '', 'utf8')) as {
      format: string;
      step: number;
      settings: { learningRate: number; seed: number };
      weights: unknown[];
    };
    expect(file.format).toBe('cnn-lab-checkpoint');
    expect(file.step).toBe(STEPS);
    expect(file.settings).toMatchObject({ learningRate: 0.01, seed: 3 });
    expect(file.weights.length).toBeGreaterThan(0);
  });

  test('Reset keeps the run first, and an opened run brings back its settings and weights', async ({
    lab,
  }) => {
    const training = trainingPage(lab);
    await training.open('preset=lenet5&data=mnist&seed=4&backend=wasm&lr=0.002');
    await stepTimes(lab, 3);
    await lab.getByTestId('reset').click();
    await expect(lab.getByText(/The run before was kept as “LeNet-5/)).toBeVisible(
      UNTIL_THE_TEST_ENDS,
    );
    await expect(keptRuns(lab)).toHaveCount(1);
    await lab.getByLabel('Learning rate η').selectOption('0.01');
    await keptRuns(lab)
      .first()
      .getByRole('button', { name: /^Open / })
      .click();
    await expect(lab.getByText(/^Opened “LeNet-5/)).toBeVisible(UNTIL_THE_TEST_ENDS);
    await expect(lab.getByTestId('run-step')).toHaveText('3');
    await expect(lab.getByLabel('Learning rate η')).toHaveValue('0.002');
  });
});
