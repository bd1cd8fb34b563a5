import type { Page } from '@playwright/test';
import { expect, saveScreen, test } from './fixtures';
import { labPage, trainingPage, UNTIL_THE_TEST_ENDS } from './pages';

/** The pixels of the first learned filter as drawn, to see whether training changed it. */
const firstFilter = (page: Page) =>
  page
    .getByTestId('filters')
    .locator('canvas')
    .first()
    .evaluate((c) => (c as HTMLCanvasElement).toDataURL());

test.describe('feature maps and filters', () => {
  test.setTimeout(120_000);

  test('every layer’s maps show for the selected input, and the filters change while training', async ({
    lab,
  }) => {
    await lab.goto('./#v=1&panel=features&preset=lenet5&data=mnist&layer=0&ch=2&seed=3');
    await expect(lab.getByTestId('channel-thumb').first()).toBeVisible(UNTIL_THE_TEST_ENDS);
    // LeNet-5: 6 + 6 + 16 + 16 channel thumbnails for its four spatial layers.
    await expect(lab.getByTestId('channel-thumb')).toHaveCount(44);
    await expect(lab.getByText('conv2d_1, channel 3 of 6 (28×28)')).toBeVisible();
    await expect(lab.getByTestId('filters').locator('canvas')).toHaveCount(6);
    const before = await firstFilter(lab);

    await lab.getByTestId('channel-thumb').nth(7).click();
    await expect(lab.getByText('maxpool2d_1, channel 2 of 6 (14×14)')).toBeVisible();
    await lab.getByTestId('find-top').click();
    await expect(lab.getByTestId('top-activations').getByRole('button')).toHaveCount(
      9,
      UNTIL_THE_TEST_ENDS,
    );
    await saveScreen(lab, 'features-lenet5', true);

    await labPage(lab).openPanel('Training');
    await trainingPage(lab).trainSteps(40);
    await labPage(lab).openPanel('Feature maps');
    await expect.poll(() => firstFilter(lab), UNTIL_THE_TEST_ENDS).not.toBe(before);
  });
});
