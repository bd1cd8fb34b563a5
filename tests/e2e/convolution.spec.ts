import AxeBuilder from '@axe-core/playwright';
import type { Locator, Page } from '@playwright/test';
import { expect, saveScreen, test } from './fixtures';
import { UNTIL_THE_TEST_ENDS } from './pages';

/** The numbers of a grid drawn by the explainer, row by row, from each cell's data-value. */
async function gridValues(grid: Locator, rows: number, cols: number): Promise<number[][]> {
  const cells = await grid.locator('.grid-cell').evaluateAll((nodes) =>
    nodes.map((n) => ({
      row: Number(n.getAttribute('data-row')),
      col: Number(n.getAttribute('data-col')),
      value: n.getAttribute('data-value'),
    })),
  );
  expect(cells).toHaveLength(rows * cols);
  const values = Array.from({ length: rows }, () => Array.from({ length: cols }, () => NaN));
  for (const c of cells) values[c.row]![c.col] = c.value === null ? NaN : Number(c.value);
  return values;
}

/** The text shown in output cell (row, col) of a grid. */
const cellText = (grid: Locator, row: number, col: number) =>
  grid.locator(`.grid-cell[data-row="${row}"][data-col="${col}"] text`).last();

/** The explainer prints a true minus sign; as a number. */
const numberOf = (text: string | null) => Number((text ?? '').replace('−', '-'));

async function setField(page: Page, id: string, value: number) {
  const field = page.getByTestId(`conv-${id}`);
  await field.fill(String(value));
  await expect(field).toHaveValue(String(value));
}

test.describe('convolution explainer', () => {
  test('steps a 3×3 kernel with stride 2 and padding 1 over a 5×5 input', async ({ lab }) => {
    await lab.goto('./#v=1&panel=convolution');
    await expect(lab.getByRole('heading', { name: 'Convolution, step by step' })).toBeVisible();
    await setField(lab, 'inputSize', 5);
    await setField(lab, 'kernelSize', 3);
    await setField(lab, 'stride', 2);
    await setField(lab, 'padding', 1);
    await expect.poll(() => lab.evaluate(() => window.location.hash)).toContain('cv=5-3-2-1-1-1-1');
    await expect(lab.getByTestId('conv-output-size')).toHaveText('3×3');
    await expect(lab.getByTestId('conv-formula-numbers')).toHaveText('(5 − 3 + 2·1)/2 + 1 = 3');
    await expect(lab.getByTestId('conv-step-count')).toHaveText('step 1 of 9');

    // Three clicks and one arrow key: step 5, the window of the centre output cell.
    for (let i = 0; i < 3; i++) await lab.getByTestId('conv-forward').click();
    await lab.keyboard.press('ArrowRight');
    await expect(lab.getByTestId('conv-step-count')).toHaveText('step 5 of 9');

    // The expected values, computed here from the numbers on screen with the test's own loop.
    const padded = await gridValues(lab.getByTestId('conv-input-0'), 7, 7);
    const image = padded.slice(1, 6).map((row) => row.slice(1, 6));
    const weights = await gridValues(lab.getByTestId('conv-kernel-0'), 3, 3);
    const bias = Number(await lab.getByTestId('conv-bias').getAttribute('data-value'));
    const at = (y: number, x: number) => (y < 0 || x < 0 || y >= 5 || x >= 5 ? 0 : image[y]![x]!);
    const expected = (oy: number, ox: number) => {
      let sum = bias;
      for (let i = 0; i < 3; i++)
        for (let j = 0; j < 3; j++) sum += at(oy * 2 + i - 1, ox * 2 + j - 1) * weights[i]![j]!;
      return sum;
    };
    const output = lab.getByTestId('conv-output-0');
    expect(numberOf(await lab.getByTestId('conv-step-total').textContent())).toBe(expected(1, 1));
    expect(numberOf(await cellText(output, 1, 1).textContent())).toBe(expected(1, 1));
    // Cells not reached yet are still empty.
    await expect(cellText(output, 2, 2)).toHaveText('');
    await saveScreen(lab, 'convolution-step-5', true);
    await lab.getByTestId('conv-products-0').scrollIntoViewIfNeeded();
    await saveScreen(lab, 'convolution-step-5-arithmetic');

    // At the last step every cell is written, the padded corners included.
    await lab.getByTestId('conv-back').focus();
    await lab.keyboard.press('End');
    await expect(lab.getByTestId('conv-step-count')).toHaveText('step 9 of 9');
    for (let oy = 0; oy < 3; oy++) {
      for (let ox = 0; ox < 3; ox++) {
        expect(numberOf(await cellText(output, oy, ox).textContent())).toBe(expected(oy, ox));
      }
    }
    await lab.getByTestId('conv-play').click();
    await expect(lab.getByTestId('conv-step-count')).not.toHaveText('step 9 of 9');
    await lab.getByTestId('conv-play').click();
  });

  test('says what frameworks do when the stride does not tile, and when the kernel does not fit', async ({
    lab,
  }) => {
    await lab.goto('./#v=1&panel=convolution&cv=7-3-3-0-1-1-1');
    await expect(lab.getByTestId('conv-formula-numbers')).toHaveText('(7 − 3 + 2·0)/3 + 1 = 2.33');
    await expect(lab.getByTestId('conv-output-size')).toHaveText('2×2');
    await expect(lab.getByTestId('conv-tiling-note')).toContainText('round down to 2');
    await expect(lab.getByTestId('conv-tiling-note')).toContainText('image row 7');
    await saveScreen(lab, 'convolution-not-tiling');
    await setField(lab, 'inputSize', 3);
    await setField(lab, 'kernelSize', 5);
    await expect(lab.getByTestId('conv-error')).toContainText('fits nowhere');
    await expect(lab.getByTestId('conv-step-count')).toHaveText('no steps');
  });

  test('channels, filters and the 1×1 mixing view', async ({ lab }) => {
    await lab.goto('./#v=1&panel=convolution');
    await lab.getByRole('button', { name: '1×1 convolution' }).click();
    await expect(lab.getByTestId('conv-params')).toContainText('= 8');
    await expect(
      lab.getByRole('heading', { name: 'A 1×1 convolution mixes channels' }),
    ).toBeVisible();
    await expect(lab.getByTestId('conv-input-2')).toBeVisible();
    await expect(lab.getByTestId('conv-output-1')).toBeVisible();
    await saveScreen(lab, 'convolution-1x1', true);
  });

  test('a hand-made kernel on the selected image, and why convolution', async ({ lab }) => {
    await lab.goto('./#v=1&panel=convolution&data=mnist');
    await lab.getByRole('radio', { name: 'Sobel x' }).click();
    await expect(lab.getByTestId('real-result-range')).toContainText(
      'values from -',
      UNTIL_THE_TEST_ENDS,
    );
    // LeNet-5 (the default network) has six learned 5×5 filters in its first layer.
    await expect(lab.getByRole('radio', { name: /Learned: conv2d_1, filter/ })).toHaveCount(
      6,
      UNTIL_THE_TEST_ENDS,
    );
    await lab.getByRole('radio', { name: 'Learned: conv2d_1, filter 2' }).check();
    await expect(lab.getByTestId('real-result-range')).toContainText('values from');
    await lab.getByRole('radio', { name: 'Sobel x' }).click();
    await lab.getByTestId('use-crop').click();
    await expect(lab.getByTestId('conv-kernel-0')).toBeVisible();
    await expect.poll(() => lab.evaluate(() => window.location.hash)).toContain('cvk=sobel-x');
    await lab.getByRole('heading', { name: 'On a real image' }).scrollIntoViewIfNeeded();
    await saveScreen(lab, 'convolution-real-image');
    await expect(lab.getByTestId('why-fc-count')).toHaveText('1,600,000,000');
    await expect(lab.getByTestId('why-lc-count')).toHaveText('4,000,000');
    await expect(lab.getByTestId('why-conv-count')).toHaveText('10,000');
    await lab
      .getByRole('heading', { name: 'Why convolution: counting parameters' })
      .scrollIntoViewIfNeeded();
    await saveScreen(lab, 'convolution-why');
  });
});

test.describe('pooling explainer', () => {
  test('max pooling keeps most outputs when the input moves one pixel', async ({ lab }) => {
    await lab.goto('./#v=1&panel=convolution');
    const pool = lab.getByRole('region', { name: 'Pooling', exact: true });
    await expect(pool.getByRole('radio', { name: 'Max' })).toBeChecked();
    const before = await gridValues(lab.getByTestId('pool-input'), 6, 6);
    const outBefore = await gridValues(lab.getByTestId('pool-output'), 3, 3);
    await lab.getByTestId('pool-shift').check();
    const after = await gridValues(lab.getByTestId('pool-input'), 6, 6);
    for (let y = 0; y < 6; y++)
      for (let x = 1; x < 6; x++) expect(after[y]![x]).toBe(before[y]![x - 1]);
    const outAfter = await gridValues(lab.getByTestId('pool-output'), 3, 3);
    let same = 0;
    for (let oy = 0; oy < 3; oy++) {
      for (let ox = 0; ox < 3; ox++) {
        const window = [0, 1].flatMap((i) => [0, 1].map((j) => after[oy * 2 + i]![ox * 2 + j]!));
        expect(outAfter[oy]![ox]).toBe(Math.max(...window));
        if (outAfter[oy]![ox] === outBefore[oy]![ox]) same++;
      }
    }
    await expect(lab.getByTestId('pool-shift-summary')).toContainText(`${same} of 9 outputs`);
    // The gradient of the chosen output goes only to its window's winner.
    await lab.getByTestId('pool-output').locator('.grid-cell[data-row="1"][data-col="1"]').click();
    await expect(lab.getByTestId('pool-route')).toContainText(
      'Output row 2, column 2 receives 1 and sends 1 to row',
    );
    await lab.getByTestId('pool-input').scrollIntoViewIfNeeded();
    await saveScreen(lab, 'pooling-max-shifted');
    await pool.getByRole('radio', { name: 'Average' }).check();
    await expect(lab.getByTestId('pool-route')).toContainText('0.25 to row');
    await expect.poll(() => lab.evaluate(() => window.location.hash)).toContain('pool=avg-2-2-6');
  });
});

test('the convolution panel has named regions and no WCAG A/AA violations', async ({ lab }) => {
  await lab.goto('./#v=1&panel=convolution&data=mnist&cv=5-3-2-1-2-2-2&cvin=crop-8-8');
  for (const name of [
    'Convolution, step by step',
    'On a real image',
    'Why convolution: counting parameters',
    'Pooling',
  ]) {
    await expect(lab.getByRole('region', { name, exact: true })).toBeVisible();
  }
  await expect(lab.getByTestId('real-result-range')).toBeVisible(UNTIL_THE_TEST_ENDS);
  await lab.getByTestId('pool-shift').check();
  const results = await new AxeBuilder({ page: lab })
    .include('.convolution-panel')
    .withTags(['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa'])
    .analyze();
  const summary = results.violations.map(
    (v) => `${v.id}: ${v.help} (${v.nodes.map((n) => n.target.join(' ')).join(', ')})`,
  );
  expect(summary).toEqual([]);
  await lab.getByRole('button', { name: 'Large type' }).click();
  await saveScreen(lab, 'convolution-large-type');
});
