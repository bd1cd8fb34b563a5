import { expect, test } from './fixtures';
import { trainingPage, UNTIL_THE_TEST_ENDS } from './pages';

test.describe('a tiny training set', () => {
  test.setTimeout(240_000);

  test('limit=100 in the link: the run trains on 100 images and its training accuracy pulls away from validation', async ({
    lab,
  }) => {
    const training = trainingPage(lab);
    // Batches of 25, so every batch is a quarter of the 100 images: with batches of 32 the
    // epoch's last batch held 4 images, and a pause there read its accuracy (0.25) as training's.
    await training.open('preset=mlp&data=mnist&seed=3&limit=100&epochs=200&batch=25');
    // The field reads the link and says how many of the split's images are used.
    await expect(lab.getByTestId('train-limit')).toHaveValue('100');
    await expect(lab.getByTestId('train-limit-note')).toHaveText(/^using 100 of 7,200$/);

    const readout = lab.getByTestId('readout-accuracy');
    const reading = async () => ({
      train: Number((await readout.getAttribute('data-training')) || 0),
      validation: Number((await readout.getAttribute('data-validation')) || 0),
    });
    await training.play();
    // The network learns its 100 images by heart (every batch right) while on held-out digits it
    // stays well short. Both are waited for together: early in the run one batch of 25 at 0.76
    // against 0.55 on validation is already a gap, before anything has been learnt by heart.
    await expect
      .poll(async () => {
        const { train, validation } = await reading();
        return validation > 0 && train > 0.95 && train - validation > 0.15;
      }, UNTIL_THE_TEST_ENDS)
      .toBe(true);
    await training.pause();
    const { train, validation } = await reading();
    expect(train).toBeGreaterThan(0.9);
    expect(validation).toBeLessThan(train);
    // 100 images in batches of 25 are an epoch of 4 steps (7,200 would be 288).
    const epoch = await training.epochShown();
    expect(epoch).toBeGreaterThanOrEqual(3);
    expect(await training.stepShown()).toBeLessThanOrEqual(4 * (epoch + 1));
  });
});
