import AxeBuilder from '@axe-core/playwright';
import type { Locator } from '@playwright/test';
import { analyzeNetwork } from '../../src/core/analyze';
import { catalogueEntryOf } from '../../src/core/catalogue';
import { fieldOfUnit } from '../../src/core/receptiveField';
import { expect, saveScreen, test } from './fixtures';
import { UNTIL_THE_TEST_ENDS } from './pages';

/** The core's own answer for a LeNet-5 unit, worked out here without the panel's code. */
function lenetField(layerIndex: number, row: number, col: number) {
  const network = catalogueEntryOf('lenet5')?.network;
  const field = network ? analyzeNetwork(network).layers[layerIndex]?.receptiveField : null;
  if (!field) throw new Error('LeNet-5 has no field at that layer');
  return fieldOfUnit(field, row, col);
}

async function boxOf(locator: Locator) {
  const box = await locator.boundingBox();
  if (!box) throw new Error('not on screen');
  return box;
}

test.describe('receptive fields', () => {
  test.setTimeout(120_000);

  test('a unit deep in LeNet-5: its field on the input, traced back, and its effective field', async ({
    lab,
  }) => {
    await lab.goto('./#v=1&panel=receptive&preset=lenet5&data=mnist&layer=3');
    await expect(lab.getByRole('region', { name: 'Receptive fields' })).toBeVisible();
    const grid = lab.getByTestId('unit-grid');
    await expect(grid).toBeVisible();

    // maxpool2d_2 is 5×5: click the middle of row 2, column 3.
    const g = await boxOf(grid);
    await grid.click({ position: { x: (3.5 * g.width) / 5, y: (2.5 * g.height) / 5 } });
    const expected = lenetField(3, 2, 3);
    expect(expected).toEqual({ top: 6, left: 10, bottom: 21, right: 25 }); // −2 + 2·4, −2 + 3·4
    const field = lab.getByTestId('input-field');
    for (const side of ['top', 'left', 'bottom', 'right'] as const) {
      await expect(field).toHaveAttribute(`data-${side}`, String(expected[side]));
    }
    await expect(field).toHaveAttribute('aria-label', /rows 6 to 21, columns 10 to 25/);
    await expect(lab).toHaveURL(/unit=2-3/);
    await expect(lab.getByTestId('field-formula')).toContainText('top = −2 + 2·4 = 6');

    // Drawn at the right place and size: the outline sits 10/28 of the image from its left
    // edge and 6/28 from its top, and is 16/28 of the image wide and high.
    // Polled: the first measure can come while the panel is still laying out (seen in CI).
    const placement = async () => {
      const image = await boxOf(field.locator('canvas.field-underlay'));
      const outline = await boxOf(field.locator('rect.field-fill')); // no stroke to widen it
      const px = image.width / 28;
      return [outline.x - image.x, outline.y - image.y, outline.width, outline.height].map((v) =>
        Math.round(v / px),
      );
    };
    await expect.poll(placement).toEqual([10, 6, 16, 16]);

    // Traced back: every layer on the way shows the units feeding the chosen one.
    await expect(lab.getByTestId('path-conv2d_1').getByRole('img')).toHaveAttribute(
      'aria-label',
      /12×12 units feed the chosen unit, rows 8 to 19, columns 12 to 23/,
    );
    await expect(lab.getByTestId('path-maxpool2d_1').getByRole('img')).toHaveAttribute(
      'aria-label',
      /6×6 units feed the chosen unit, rows 4 to 9, columns 6 to 11/,
    );

    // The effective field comes from the engine's worker.
    const heat = lab.getByTestId('effective-heatmap');
    await expect(heat).toBeVisible(UNTIL_THE_TEST_ENDS);
    await expect(lab.getByTestId('effective-field')).toContainText('100% lies inside the field');
    await saveScreen(lab, 'receptive-lenet5-unit-2-3', true);

    // Keyboard: to the top-left corner and Enter; its field reaches into the padding.
    await grid.focus();
    for (const key of ['ArrowLeft', 'ArrowLeft', 'ArrowLeft', 'ArrowUp', 'ArrowUp']) {
      await lab.keyboard.press(key);
    }
    await expect(lab.getByText('Cursor: row 0, column 0')).toBeVisible();
    await lab.keyboard.press('Enter');
    const corner = lenetField(3, 0, 0);
    await expect(field).toHaveAttribute('data-top', String(corner.top));
    await expect(field).toHaveAttribute('data-left', String(corner.left));
    await expect(field).toHaveAttribute('aria-label', /60 of its 256 pixels are zero padding/);
    await expect(field.locator('rect.field-padding')).toHaveCount(2);
    await expect(lab).toHaveURL(/unit=0-0/);
    await expect(heat).toBeVisible(UNTIL_THE_TEST_ENDS);
    await saveScreen(lab, 'receptive-lenet5-corner');

    const results = await new AxeBuilder({ page: lab })
      .include('main')
      .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
      .analyze();
    expect(results.violations.map((v) => `${v.id}: ${v.help} (${v.nodes.length} nodes)`)).toEqual(
      [],
    );

    await lab.getByRole('button', { name: 'Large type' }).click();
    await saveScreen(lab, 'receptive-large-type');
  });

  test('the growth chart loads the lecture examples', async ({ lab }) => {
    await lab.goto('./#v=1&panel=receptive&preset=lenet5&data=mnist');
    const chart = lab.getByTestId('growth-chart');
    await expect(chart).toHaveAttribute('aria-label', /maxpool2d_1 6,/);
    await lab.getByRole('button', { name: '3×3, stride 2: multiplied' }).click();
    await expect(chart).toHaveAttribute(
      'aria-label',
      /conv2d_4 31; the last spatial layer has jump 16/,
    );
    await lab.getByRole('button', { name: 'Dilated 1, 2, 4: 3, 7, 15' }).click();
    await expect(chart).toHaveAttribute('aria-label', /conv2d_1 3, conv2d_2 7, conv2d_3 15/);
    await lab.getByRole('button', { name: '3×3, stride 1: linear' }).click();
    await expect(chart).toHaveAttribute(
      'aria-label',
      /conv2d_1 3, conv2d_2 5, conv2d_3 7, conv2d_4 9/,
    );
    await lab.getByRole('button', { name: 'Log scale' }).click();
    await saveScreen(lab, 'receptive-growth-stride1-log', true);
    await lab.getByRole('button', { name: '3×3, stride 2: multiplied' }).click();
    // The engine builds the new network, and its last layer's field (31) covers the whole image.
    await lab.getByTestId('receptive-layer').selectOption('3');
    await expect(lab.getByTestId('input-field')).toHaveAttribute('data-top', '-4');
    await expect(lab.getByTestId('input-field')).toHaveAttribute('data-bottom', '26');
    await expect(lab.getByTestId('effective-heatmap')).toBeVisible(UNTIL_THE_TEST_ENDS);
    await saveScreen(lab, 'receptive-growth-stride2-log', true);
    await lab.getByRole('button', { name: 'Dilated 1, 2, 4: 3, 7, 15' }).click();
    await lab.getByTestId('receptive-layer').selectOption('2');
    await expect(lab.getByTestId('input-field')).toHaveAttribute('data-top', '-7');
    // This example has no classifier, so the engine cannot build it: the panel says so.
    await expect(lab.getByTestId('effective-field')).toContainText(
      'This network cannot be trained here',
      UNTIL_THE_TEST_ENDS,
    );
    await saveScreen(lab, 'receptive-dilated', true);
  });
});
