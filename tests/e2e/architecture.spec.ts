import lzString from 'lz-string';
import { expect, layerProblems, layerRow, saveScreen, test } from './fixtures';

test.describe('architecture explorer', () => {
  test('choosing VGG-16 shows its published 138,357,544 parameters', async ({ lab }) => {
    await lab.goto('./');
    await expect(lab.getByRole('heading', { name: 'Architecture explorer' })).toBeVisible();
    await lab.getByTestId('preset-picker').selectOption('vgg16');
    await expect(lab.getByTestId('summary-params')).toHaveText('138,357,544');
    await expect(lab.getByTestId('total-params')).toHaveText('138,357,544');
    await expect(layerRow(lab, 'conv2d_1').getByTestId('output-shape')).toHaveText('224×224×64');
    await expect(layerRow(lab, 'dense_3').getByTestId('params')).toHaveText('4,097,000');
    await saveScreen(lab, 'architecture-vgg16');
  });

  test('changing a kernel updates the table as you type', async ({ lab }) => {
    await lab.goto('./#v=1&preset=lenet5');
    const conv = layerRow(lab, 'conv2d_1');
    await expect(conv.getByTestId('params')).toHaveText('156');
    await expect(lab.getByTestId('total-params')).toHaveText('61,706');
    const kernel = lab.getByLabel('Layer 1 conv2d_1: kernel');
    await kernel.fill('3');
    // 28 + 2·2 − 3 + 1 = 30 with padding 2; 3·3·1·6 + 6 = 60 parameters.
    await expect(conv.getByTestId('output-shape')).toHaveText('30×30×6');
    await expect(conv.getByTestId('params')).toHaveText('60');
    await expect(lab.getByText('Edited from LeNet-5.')).toBeVisible();
    await expect(lab.getByTestId('total-params')).not.toHaveText('61,706');
  });

  test('an impossible layer shows its error on that layer and the page keeps working', async ({
    lab,
  }) => {
    await lab.goto('./#v=1&preset=lenet5');
    await lab.getByLabel('Layer 3 conv2d_2: kernel').fill('40');
    const error = lab.locator('.diagnostic-error').first();
    await expect(error).toContainText('kernel');
    await expect(error).toContainText('larger than its padded input');
    await expect(lab.getByTestId('summary-problems')).toContainText('1 error');
    await saveScreen(lab, 'architecture-error');
    await lab.getByLabel('Layer 3 conv2d_2: kernel').fill('5');
    await expect(lab.locator('.diagnostic-error')).toHaveCount(0);
    await expect(lab.getByTestId('total-params')).toHaveText('61,706');
  });

  test('layers can be added, reordered and removed', async ({ lab }) => {
    await lab.goto('./#v=1&preset=mlp');
    await expect(lab.locator('tr.layer-row')).toHaveCount(4);
    await lab.getByRole('button', { name: 'Add at the end' }).click();
    await expect(lab.locator('tr.layer-row')).toHaveCount(5);
    await expect(layerProblems(lab, 'conv2d_1')).toContainText('needs an image-shaped input');
    await lab.getByRole('button', { name: 'Move Layer 5 conv2d_1 up' }).click();
    await lab.getByRole('button', { name: 'Remove Layer 4 conv2d_1' }).click();
    await expect(lab.locator('tr.layer-row')).toHaveCount(4);
    await expect(lab.getByTestId('total-params')).toHaveText('109,386');
  });

  test('the diagram is walked with the keyboard and shows each layer’s numbers', async ({
    lab,
  }) => {
    await lab.goto('./#v=1&preset=lenet5');
    const first = lab.locator('svg.architecture-diagram g[data-index="0"]');
    await first.focus();
    await expect(lab.getByTestId('diagram-details')).toContainText('conv2d_1');
    await lab.keyboard.press('ArrowRight');
    await expect(lab.getByTestId('diagram-details')).toContainText('maxpool2d_1');
    await expect(lab.getByTestId('diagram-details')).toContainText('14×14×6');
    await expect(lab.locator('svg.architecture-diagram g[data-index="1"]')).toBeFocused();
    await lab.keyboard.press('End');
    await expect(lab.getByTestId('diagram-details')).toContainText('dense_3');
    await expect(layerRow(lab, 'dense_3')).toHaveClass(/selected/);
    await expect.poll(() => lab.evaluate(() => window.location.hash)).toContain('layer=7');
  });

  test('a copied link opens the same network in a new page', async ({ lab, context }) => {
    await lab.goto('./#v=1&preset=lenet5');
    await lab.getByLabel('Layer 6 dense_1: units').fill('100');
    await lab.getByRole('button', { name: 'Layer 2 maxpool2d_1', exact: false }).first().click();
    await expect(lab.getByTestId('total-params')).not.toHaveText('61,706');
    const total = await lab.getByTestId('total-params').textContent();
    await lab.getByTestId('copy-link').click();
    const link = await lab.getByTestId('copied-link').textContent();
    expect(link).toContain('arch=');
    const other = await context.newPage();
    await other.goto(link ?? '');
    await expect(other.getByTestId('total-params')).toHaveText(total ?? '');
    await expect(other.getByLabel('Layer 6 dense_1: units')).toHaveValue('100');
    await expect(other.locator('tr.layer-row').nth(1)).toHaveClass(/selected/);
    await expect(other.locator('.notice')).toHaveCount(0);
    await saveScreen(other, 'architecture-shared-link');
  });

  test('a broken link opens the defaults with a notice of what was ignored', async ({ lab }) => {
    await lab.goto('./#v=1&preset=nope&arch=%%%garbage&layer=-4&colour=red');
    const notice = lab.locator('.notice');
    await expect(notice).toContainText('could not be used');
    await expect(notice).toContainText('unknown catalogue network');
    await expect(notice).toContainText('damaged');
    await expect(notice).toContainText('the selected layer');
    await expect(notice).toContainText('colour');
    await expect(lab.getByTestId('total-params')).toHaveText('61,706');
    await saveScreen(lab, 'architecture-broken-link');
    await lab.getByRole('button', { name: 'Dismiss notice' }).click();
    await expect(notice).toHaveCount(0);
  });

  test('a hostile network in a link is not loaded, runs nothing, and can be opened to fix', async ({
    lab,
  }) => {
    const hostile = {
      name: '<img src=x onerror="window.__pwned=1"><script>window.__pwned=1</script>',
      input: [28, 28, 1],
      layers: [{ type: 'conv2d', filters: 4, kernel: -3 }, { type: 'teleport' }],
    };
    await lab.goto(
      `./#v=1&preset=mlp&arch=${lzString.compressToEncodedURIComponent(JSON.stringify(hostile))}&huge=${'x'.repeat(100_000)}`,
    );
    const notice = lab.locator('.notice');
    await expect(notice).toContainText('has 2 errors');
    await expect(notice).toContainText('MLP 784-128-64-10 is shown instead');
    await expect(notice).toContainText('teleport');
    await expect(lab.getByTestId('total-params')).toHaveText('109,386');
    await lab.getByRole('button', { name: 'Open the link’s network anyway' }).click();
    await expect(lab.locator('.diagnostic-error')).toHaveCount(2);
    await expect(lab.getByLabel('Layer 1 conv2d_1: kernel')).toHaveValue('-3');
    expect(await lab.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  });

  test('the JSON editor applies a pasted network and refuses broken JSON without losing work', async ({
    lab,
  }) => {
    await lab.goto('./#v=1&preset=conv-example');
    await lab.getByText('Network as JSON').click();
    const editor = lab.getByLabel('Network JSON');
    await editor.fill('{ "input": [32, 32, 3], "layers": [ { "type": "conv2d", ');
    await lab.getByRole('button', { name: 'Apply' }).click();
    await expect(lab.getByRole('alert')).toContainText('not valid JSON');
    await expect(lab.getByTestId('total-params')).toHaveText('26,370');
    await editor.fill(
      JSON.stringify({
        input: [7, 7, 1],
        layers: [{ type: 'conv2d', filters: 1, kernel: 3, stride: 3 }],
      }),
    );
    await lab.getByRole('button', { name: 'Apply' }).click();
    await expect(lab.locator('.diagnostic-warning')).toContainText('2.33');
    await expect(lab.getByTestId('total-params')).toHaveText('10');
  });
});
