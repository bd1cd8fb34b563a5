import { readFileSync } from 'node:fs';
import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { trainingPage, UNTIL_THE_TEST_ENDS } from './pages';

/**
 * Nothing lost, nothing misreported: a run reloaded mid-training comes back, a checkpoint
 * that does not fit changes nothing, a network that does not fit its data is named before
 * training, and a download while training never reads weights a step is replacing.
 */

const countIn = (text: string | null): number => Number((text ?? '').replace(/\D/g, ''));
/** The loss curve, whose label says how many steps it covers and where it ends. */
const lossCurve = (lab: Page) => lab.locator('canvas[aria-label^="Loss over"]');

test.describe('runs kept', () => {
  test.setTimeout(180_000);

  test('a reload during training (not paused) comes back at the step the page said was kept', async ({
    lab,
  }) => {
    const training = trainingPage(lab);
    await training.open('preset=lenet5&data=mnist&seed=7');
    await training.play();
    const saved = lab.getByTestId('run-saved');
    await expect(saved).toBeVisible(UNTIL_THE_TEST_ENDS);
    // Still training: the run was kept while it ran, not because it stopped.
    await expect(lab.getByTestId('run-status')).toHaveAttribute('data-phase', 'running');
    const kept = countIn(await saved.textContent());
    expect(kept).toBeGreaterThan(0);

    await lab.reload();
    await training.ready();
    await expect(lab.getByText('Loaded your last run')).toBeVisible(UNTIL_THE_TEST_ENDS);
    expect(await training.stepShown()).toBeGreaterThanOrEqual(kept);
    // The curves came back with the weights.
    await expect(lossCurve(lab)).toHaveAttribute(
      'aria-label',
      /^Loss over [\d,]+ training steps: /,
    );
  });

  test('a backend change keeps the learning curves, the step and the weights', async ({ lab }) => {
    const training = trainingPage(lab);
    await training.open('preset=lenet5&data=mnist&seed=5&backend=wasm');
    const steps = await training.trainSteps(8);
    // The curve is drawn a frame after the step counter shows the step: wait for it.
    await expect(lossCurve(lab)).toHaveAttribute(
      'aria-label',
      new RegExp(`^Loss over ${steps.toLocaleString('en-US')} training steps: `),
      UNTIL_THE_TEST_ENDS,
    );
    const curve = await lossCurve(lab).getAttribute('aria-label');
    await lab.getByLabel('Backend').selectOption('cpu');
    await expect(lab.getByTestId('backend')).toHaveText('cpu', UNTIL_THE_TEST_ENDS);
    await expect(lab.getByTestId('run-status')).toHaveAttribute('data-phase', 'paused');
    expect(await training.stepShown()).toBe(steps);
    await expect(lossCurve(lab)).toHaveAttribute('aria-label', curve ?? '');
  });

  test('a checkpoint that does not fit leaves the dataset, the step and the weights as they were', async ({
    lab,
  }) => {
    const training = trainingPage(lab);
    // A normalisation other than the checkpoint's ('scale'), so a switch to it would show.
    await training.open('preset=lenet5&data=mnist&norm=channel-mean&seed=3');
    const steps = await training.trainSteps(5);
    const bars = lab.getByTestId('prediction-bars');
    await expect(bars).toBeVisible(UNTIL_THE_TEST_ENDS);
    const prediction = await bars.textContent();

    // The lab's own trained Mini VGG 32 for CIFAR-10: a good file, for another network.
    await lab.getByLabel('Open a checkpoint').setInputFiles({
      name: 'vgg-mini-32-cifar10.json',
      mimeType: 'application/json',
      buffer: readFileSync('public/models/vgg-mini-32-cifar10.json'),
    });
    await expect(
      lab.getByText(/does not fit the current network, so nothing was changed/),
    ).toBeVisible(UNTIL_THE_TEST_ENDS);
    await expect(lab.getByText(/It was trained on Mini VGG 32×32×3/)).toBeVisible();
    expect(await training.stepShown()).toBe(steps);
    // The same probabilities for the same digit: the same weights, the same dataset.
    await expect(bars).toHaveText(prediction ?? '');
    // The run is still the same one: it trains on from where it was.
    await lab.getByTestId('step').click();
    await expect.poll(() => training.stepShown(), UNTIL_THE_TEST_ENDS).toBe(steps + 1);
    // By now any change of the settings would have reached the link.
    await expect(lab).toHaveURL(/[&#]data=mnist(&|$)/);
    await expect(lab).toHaveURL(/[&#]norm=channel-mean(&|$)/);
  });

  test('LeNet-5 on CIFAR-10 is named as a misfit before training, never as a backend failure', async ({
    lab,
  }) => {
    await lab.goto('./#v=1&panel=training&preset=lenet5&data=cifar10');
    const reason =
      "LeNet-5 expects 28x28x1 images; CIFAR-10's are 32x32x3: pick a 32x32x3 network or change the input.";
    await expect(lab.getByTestId('run-mismatch')).toHaveText(reason, UNTIL_THE_TEST_ENDS);
    await expect(lab.getByTestId('backend')).not.toHaveText('starting…', UNTIL_THE_TEST_ENDS);
    await expect(lab.getByTestId('play')).toBeDisabled();
    await expect(lab.getByTestId('step')).toBeDisabled();
    await expect(lab.getByRole('button', { name: 'One epoch' })).toBeDisabled();
    await expect(lab.getByText(/backend changed/i)).toHaveCount(0);
    // Changing the input to the dataset's shape is the way out the message names.
    await lab.goto('./#v=1&panel=training&preset=vgg-mini-32&data=cifar10');
    await trainingPage(lab).ready();
    await expect(lab.getByTestId('run-mismatch')).toHaveCount(0);
  });

  test('a download while training and right after a step reads whole weights', async ({ lab }) => {
    const training = trainingPage(lab);
    await training.open('preset=lenet5&data=mnist&val=0');
    await training.play();
    await expect.poll(() => training.stepShown(), UNTIL_THE_TEST_ENDS).toBeGreaterThan(3);
    const download = lab.waitForEvent('download');
    await lab.getByRole('button', { name: 'Download checkpoint' }).click();
    const during = JSON.parse(readFileSync(await (await download).path(), 'utf8')) as {
      step: number;
      weights: unknown[];
      history: { train: { step: number }[] };
      offset: number;
      optimizer: { name: string; iterations: number; slots: unknown[][] };
    };
    expect(during.step).toBeGreaterThan(0);
    expect(during.weights.length).toBeGreaterThan(0);
    // Adam's m and v for every weight (LeNet-5 has no batch norm statistics), as of that step.
    expect(during.optimizer.name).toBe('adam');
    expect(during.optimizer.iterations).toBe(during.step);
    expect(during.optimizer.slots.map((own) => own.length)).toEqual(during.weights.map(() => 2));
    // Where in the epoch the run was (its value is checked in tests/unit/engine/resume.test.ts).
    expect(Number.isSafeInteger(during.offset) && during.offset >= 0).toBe(true);
    // The curves saved never run past the weights' step, however far the page had got (they
    // may end a step short: the page can hear of a step after the snapshot has taken it).
    const lastPoint = Math.max(...during.history.train.map((p) => p.step));
    expect(lastPoint).toBeLessThanOrEqual(during.step);
    expect(lastPoint).toBeGreaterThan(0);
    await training.pause();

    // Step and download at once: the download waits for the step, and holds it.
    const before = await training.stepShown();
    const next = lab.waitForEvent('download');
    await lab.getByTestId('step').click();
    await lab.getByRole('button', { name: 'Download checkpoint' }).click();
    const after = JSON.parse(readFileSync(await (await next).path(), 'utf8')) as { step: number };
    expect(after.step).toBe(before + 1);
  });
});
