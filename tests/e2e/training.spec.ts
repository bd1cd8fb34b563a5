import { expect, saveScreen, test } from './fixtures';
import { trainingPage, UNTIL_THE_TEST_ENDS } from './pages';

test.describe('training', () => {
  test.setTimeout(180_000);

  test('LeNet-5 learns MNIST in the tab, pauses, steps once, and survives a reload', async ({
    lab,
  }) => {
    const training = trainingPage(lab);
    await training.open('preset=lenet5&data=mnist&seed=7');
    // Two whole epochs, however long this machine takes; each end is validated before the next step.
    await training.trainEpochs(2);
    // After two epochs LeNet-5 (seed 7) is at about 95% on the held-out images; 90% leaves room.
    await expect.poll(() => training.validationAccuracy()).toBeGreaterThan(0.9);
    const paused = await training.stepShown();
    expect(paused).toBeGreaterThan(50);
    await saveScreen(lab, 'training-lenet5', true);

    await lab.getByTestId('step').click();
    await expect.poll(() => training.stepShown(), UNTIL_THE_TEST_ENDS).toBe(paused + 1);
    await expect(lab.getByTestId('run-status')).toHaveAttribute('data-phase', 'paused');
    await expect(lab.getByTestId('prediction-bars')).toBeVisible();
    // The page says when the stepped run is kept; a reload before that would lose the step.
    await expect(lab.getByTestId('run-saved')).toContainText(
      `step ${(paused + 1).toLocaleString('en-US')}`,
      UNTIL_THE_TEST_ENDS,
    );
    // And the link holds the run's step, so the reload opens this run, not the one before.
    await expect(lab).toHaveURL(new RegExp(`[&#]train=${paused + 1}(&|$)`));

    await lab.reload();
    await training.ready();
    await expect.poll(() => training.stepShown(), UNTIL_THE_TEST_ENDS).toBe(paused + 1);
    await expect(lab.getByText('Loaded your last run')).toBeVisible();
    await expect.poll(() => training.validationAccuracy()).toBeGreaterThan(0.9);
  });

  test('a checkpoint that does not fit the network is refused with the reason', async ({ lab }) => {
    const training = trainingPage(lab);
    await training.open('preset=mlp&data=mnist');
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
    await expect(lab.getByText(/does not fit the current network/)).toBeVisible(
      UNTIL_THE_TEST_ENDS,
    );
    await expect(lab.getByText(/Something else/)).toBeVisible();
    await lab.getByLabel('Open a checkpoint').setInputFiles({
      name: 'broken.json',
      mimeType: 'application/json',
      buffer: Buffer.from('{ not json'),
    });
    await expect(lab.getByText(/broken.json could not be loaded/)).toBeVisible();
    expect(await training.stepShown()).toBe(0);
  });
});

test.describe('trained weights', () => {
  test.setTimeout(120_000);

  test('LeNet-5 starts from the lab’s trained weights and scores above 97.5% on the test split', async ({
    lab,
  }) => {
    // The person has another normalisation chosen; the weights bring back their own ('scale').
    const training = trainingPage(lab);
    await training.open('preset=lenet5&data=mnist&norm=standardise');
    await training.loadTrainedWeights();
    await expect
      .poll(() => lab.evaluate(() => window.location.hash))
      .not.toContain('norm=standardise');
    await expect(
      lab.getByText('These weights were trained ahead of time by the lab.'),
    ).toBeVisible();
    await lab.getByTestId('evaluate-test').click();
    await expect(lab.getByTestId('test-accuracy')).toBeVisible(UNTIL_THE_TEST_ENDS);
    const accuracy = Number(
      (await lab.getByTestId('test-accuracy').textContent())?.replace('%', ''),
    );
    expect(accuracy).toBeGreaterThan(97.5);
    await saveScreen(lab, 'training-pretrained', true);
  });

  test('a network with no trained weights for the dataset is told which ones exist', async ({
    lab,
  }) => {
    await trainingPage(lab).open('preset=vgg-mini-28&data=mnist');
    await lab.getByTestId('load-pretrained').click();
    await expect(
      lab.getByText(/No trained weights ship for this network on mnist.*LeNet-5/),
    ).toBeVisible(UNTIL_THE_TEST_ENDS);
  });
});
