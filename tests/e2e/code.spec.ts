import { readFile } from 'node:fs/promises';
import { expect, test } from './fixtures';
import { labPage } from './pages';

/**
 * The Code panel as a student uses it: the current network as PyTorch and Keras, following
 * an edit made in the architecture explorer, downloaded as a file, and safe with a hostile
 * network name. The scripts' numbers are checked in the real framework by the unit tests
 * (tests/unit/cli/exportTorch.test.ts); here, what the page shows and hands over.
 */
test.describe('show as code', () => {
  test('the network as PyTorch and Keras, following an edit, downloaded as a file', async ({
    lab,
  }) => {
    await lab.goto('./#v=1&panel=code&preset=lenet5');
    const code = lab.getByLabel('PyTorch script');
    await expect(lab.getByRole('heading', { name: 'Show as code' })).toBeVisible();
    // LeNet-5's first layer: six 5×5 filters on one channel, padded by 2 (the catalogue's description).
    await expect(code).toContainText(
      'nn.Conv2d(1, 6, kernel_size=(5, 5), stride=(1, 1), padding=(2, 2)',
    );
    await expect(code).toContainText('nn.Linear(400, 120');

    // An edit in the architecture explorer shows in the script.
    await labPage(lab).openPanel('Architecture');
    await lab.getByLabel('Layer 1 conv2d_1: filters').fill('8');
    await labPage(lab).openPanel('Code');
    await expect(code).toContainText('nn.Conv2d(1, 8, kernel_size=(5, 5)');
    await expect(code).toContainText('nn.Conv2d(8, 16');

    const downloaded = lab.waitForEvent('download');
    await lab.getByRole('button', { name: 'Download labnet_pytorch.py' }).click();
    const file = await (await downloaded).path();
    const text = await readFile(file, 'utf8');
    expect(text).toContain('class LabNet(nn.Module):');
    expect(text).toContain('nn.Conv2d(1, 8, kernel_size=(5, 5)');

    await lab.getByRole('radio', { name: 'Keras' }).check();
    const keras = lab.getByLabel('Keras script');
    await expect(keras).toContainText('layers.Conv2D(8, (5, 5)');
    await expect(keras).toContainText('keras.optimizers.Adam(learning_rate=0.001');
  });

  test('a network that cannot be built says why instead of writing code', async ({ lab }) => {
    const broken = { input: [7, 7, 1], layers: [{ type: 'conv2d', filters: 1, kernel: 9 }] };
    await lab.goto(`./#v=1&panel=architecture`);
    await lab.getByText('Network as JSON').click();
    await lab.getByLabel('Network JSON').fill(JSON.stringify(broken));
    await lab.getByRole('button', { name: 'Apply' }).click();
    await labPage(lab).openPanel('Code');
    await expect(lab.getByRole('alert')).toContainText('This network cannot be exported');
    await expect(lab.getByLabel('PyTorch script')).toHaveCount(0);
  });

  test('a hostile network name stays text in the highlighted code', async ({ lab }) => {
    const network = {
      name: '<img src=x onerror="window.__pwned=1"><script>window.__pwned=2</script>',
      input: [28, 28, 1],
      layers: [{ type: 'flatten' }, { type: 'dense', units: 10, activation: 'softmax' }],
    };
    await lab.goto('./#v=1&panel=architecture');
    await lab.getByText('Network as JSON').click();
    await lab.getByLabel('Network JSON').fill(JSON.stringify(network));
    await lab.getByRole('button', { name: 'Apply' }).click();
    await labPage(lab).openPanel('Code');
    const code = lab.getByLabel('PyTorch script');
    await expect(code).toContainText('<img src=x onerror=');
    await expect(code.locator('img, script')).toHaveCount(0);
    expect(await lab.evaluate(() => (window as { __pwned?: number }).__pwned)).toBeUndefined();
  });
});
