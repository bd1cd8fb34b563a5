import type { Page } from '@playwright/test';
import { expect, saveScreen, test } from './fixtures';

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
    await expect(lab.getByTestId('channel-thumb').first()).toBeVisible({ timeout: 60_000 });
    // LeNet-5: 6 + 6 + 16 + 16 channel thumbnails for its four spatial layers.
    await expect(lab.getByTestId('channel-thumb')).toHaveCount(44);
    await expect(lab.getByText('conv2d_1, channel 3 of 6 (28×28)')).toBeVisible();
    await expect(lab.getByTestId('filters').locator('canvas')).toHaveCount(6);
    const before = await firstFilter(lab);

    await lab.getByTestId('channel-thumb').nth(7).click();
    await expect(lab.getByText('maxpool2d_1, channel 2 of 6 (14×14)')).toBeVisible();
    await lab.getByTestId('find-top').click();
    await expect(lab.getByTestId('top-activations').getByRole('button')).toHaveCount(9, {
      timeout: 60_000,
    });
    await saveScreen(lab, 'features-lenet5', true);

    await lab.getByRole('button', { name: 'Training' }).click();
    await lab.getByTestId('play').click();
    await expect
      .poll(
        async () => Number((await lab.getByTestId('run-step').textContent())?.replace(/,/g, '')),
        { timeout: 60_000 },
      )
      .toBeGreaterThan(40);
    await lab.getByTestId('pause').click();
    await lab.getByRole('button', { name: 'Feature maps' }).click();
    await expect.poll(() => firstFilter(lab), { timeout: 30_000 }).not.toBe(before);
  });
});
