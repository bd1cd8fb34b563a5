import type { Page } from '@playwright/test';
import { expect, saveScreen, test } from './fixtures';

const validationAccuracy = async (page: Page) =>
  Number((await page.getByTestId('readout-accuracy').getAttribute('data-validation')) || 0);
const stepShown = async (page: Page) =>
  Number(((await page.getByTestId('run-step').textContent()) ?? '0').replace(/,/g, ''));

test.describe('training', () => {
  test.setTimeout(180_000);

  test('LeNet-5 learns MNIST in the tab, pauses, steps once, and survives a reload', async ({
    lab,
  }) => {
    await lab.goto('./#v=1&panel=training&preset=lenet5&data=mnist&seed=7');
    const play = lab.getByTestId('play');
    await expect(play).toBeEnabled({ timeout: 60_000 });
    await expect(lab.getByTestId('backend')).not.toHaveText('starting…');
    await play.click();
    await expect(lab.getByTestId('run-status')).toHaveAttribute('data-phase', 'running');
    await expect
      .poll(() => validationAccuracy(lab), { timeout: 120_000, intervals: [1000] })
      .toBeGreaterThan(0.9);
    await lab.getByTestId('pause').click();
    await expect(lab.getByTestId('run-status')).toHaveAttribute('data-phase', 'paused', {
      timeout: 30_000,
    });
    const paused = await stepShown(lab);
    expect(paused).toBeGreaterThan(50);
    await saveScreen(lab, 'training-lenet5', true);

    await lab.getByTestId('step').click();
    await expect.poll(() => stepShown(lab), { timeout: 30_000 }).toBe(paused + 1);
    await expect(lab.getByTestId('run-status')).toHaveAttribute('data-phase', 'paused');
    await expect(lab.getByTestId('prediction-bars')).toBeVisible();

    await lab.reload();
    await expect(lab.getByTestId('play')).toBeEnabled({ timeout: 60_000 });
    await expect.poll(() => stepShown(lab), { timeout: 30_000 }).toBe(paused + 1);
    await expect(lab.getByText('Loaded your last run')).toBeVisible();
    await expect.poll(() => validationAccuracy(lab)).toBeGreaterThan(0.9);
  });

  test('a checkpoint that does not fit the network is refused with the reason', async ({ lab }) => {
    await lab.goto('./#v=1&panel=training&preset=mlp&data=mnist');
    await expect(lab.getByTestId('play')).toBeEnabled({ timeout: 60_000 });
    const checkpoint = {
      format: 'cnn-lab-checkpoint',
      version: 1,
      network: {
        name: 'Something else',
        input: [28, 28, 1],
        layers: [{ type: 'flatten' }, { type: 'dense', units: 10 }],
      },
      dataset: 'mnist',
      settings: {},
      step: 5,
      epoch: 0,
      testAccuracy: null,
      history: { train: [], validation: [] },
      weights: [
        {
          layerIndex: 1,
          name: 'dense_1',
          role: 'kernel',
          shape: [2, 2],
          dtype: 'float32',
          data: 'AAAAAAAAAAAAAAAAAAAAAA==',
        },
      ],
    };
    await lab.getByLabel('Open a checkpoint').setInputFiles({
      name: 'other.json',
      mimeType: 'application/json',
      buffer: Buffer.from(JSON.stringify(checkpoint)),
    });
    await expect(lab.getByText(/does not fit the current network/)).toBeVisible({
      timeout: 30_000,
    });
    await expect(lab.getByText(/Something else/)).toBeVisible();
    await lab.getByLabel('Open a checkpoint').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{ not json'),
    });
    await expect(lab.getByText(/broken.json could not be loaded/)).toBeVisible();
    expect(await stepShown(lab)).toBe(0);
  });
});

test.describe('trained weights', () => {
  test.setTimeout(120_000);

  test('LeNet-5 starts from the lab’s trained weights and scores above 97.5% on the test split', async ({
    lab,
  }) => {
    // The person has another normalisation chosen; the weights bring back their own ('scale').
    await lab.goto('./#v=1&panel=training&preset=lenet5&data=mnist&norm=standardise');
    await expect(lab.getByTestId('play')).toBeEnabled({ timeout: 60_000 });
    await lab.getByTestId('load-pretrained').click();
    await expect
      .poll(() => lab.evaluate(() => window.location.hash))
      .not.toContain('norm=standardise');
    await expect(lab.getByText(/Loaded the lab’s trained weights/)).toBeVisible({
      timeout: 30_000,
    });
    await expect(
      lab.getByText('These weights were trained ahead of time by the lab.'),
    ).toBeVisible();
    await lab.getByTestId('evaluate-test').click();
    await expect(lab.getByTestId('test-accuracy')).toBeVisible({ timeout: 60_000 });
    const accuracy = Number(
      (await lab.getByTestId('test-accuracy').textContent())?.replace('%', ''),
    );
    expect(accuracy).toBeGreaterThan(97.5);
    await saveScreen(lab, 'training-pretrained', true);
  });

  test('a network with no trained weights for the dataset is told which ones exist', async ({
    lab,
  }) => {
    await lab.goto('./#v=1&panel=training&preset=vgg-mini-28&data=mnist');
    await expect(lab.getByTestId('play')).toBeEnabled({ timeout: 60_000 });
    await lab.getByTestId('load-pretrained').click();
    await expect(
      lab.getByText(/No trained weights ship for this network on mnist.*LeNet-5/),
    ).toBeVisible({
      timeout: 30_000,
    });
  });
});
