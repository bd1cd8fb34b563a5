import lzString from 'lz-string';
import { expect, test } from './fixtures';

/** LeNet-5's published parameter count, as the explorer shows it while LeNet-5 is loaded. */
const LENET_PARAMS = '61,706';

const archOf = (json: string) => lzString.compressToEncodedURIComponent(json);

test.describe('bad input is refused, and the lab stays as it was', () => {
  test('the JSON editor refuses a non-network and junk layers with a message; the explorer keeps LeNet-5', async ({
    lab,
  }) => {
    await lab.goto('./#v=1&preset=lenet5');
    await expect(lab.getByTestId('total-params')).toHaveText(LENET_PARAMS);
    await lab.getByText('Network as JSON').click();
    const editor = lab.getByLabel('Network JSON');
    const alert = lab.locator('.json-editor [role="alert"]');
    const apply = lab.getByRole('button', { name: 'Apply' });

    await editor.fill('{"hello": "world"}');
    await apply.click();
    await expect(alert).toContainText('This was not applied');
    await expect(alert).toContainText('it has no "input"; a network has "input" and "layers"');
    await expect(lab.getByTestId('total-params')).toHaveText(LENET_PARAMS);

    await editor.fill('{"input": [28, 28, 1], "layers": [null, 7, "x"]}');
    await apply.click();
    await expect(alert).toContainText('layer 1: each layer must be a JSON object');
    await expect(lab.getByRole('heading', { name: 'Architecture explorer' })).toBeVisible();
    await expect(lab.getByTestId('total-params')).toHaveText(LENET_PARAMS);
    await expect(lab.locator('.panel-error')).toHaveCount(0);

    // A field of the wrong kind is named with its layer, from the layer registry's rules.
    await editor.fill(
      JSON.stringify({ input: [28, 28, 1], layers: [{ type: 'conv2d', filters: 4, kernel: 'x' }] }),
    );
    await apply.click();
    await expect(alert).toContainText('layer 1 (conv2d): kernel must be a whole number');
    await expect(lab.getByTestId('total-params')).toHaveText(LENET_PARAMS);
  });

  test('a link whose network is nested 30,000 deep gives a notice, and the page stays up', async ({
    lab,
  }) => {
    const deep = `${'['.repeat(30_000)}${']'.repeat(30_000)}`;
    const json = `{"input": [28, 28, 1], "layers": [{"type": "flatten", "id": ${deep}}]}`;
    await lab.goto(`./#v=1&preset=lenet5&arch=${archOf(json)}`);
    const notice = lab.locator('.notice');
    await expect(notice).toContainText('not a network document');
    await expect(notice).toContainText('nests lists and objects more than');
    await expect(notice).toContainText('ask whoever sent it for a corrected link');
    // Not a network, so there is nothing to open anyway.
    await expect(notice.getByRole('button', { name: /anyway/ })).toHaveCount(0);
    await expect(lab.getByRole('heading', { name: 'Architecture explorer' })).toBeVisible();
    await expect(lab.getByTestId('total-params')).toHaveText(LENET_PARAMS);
  });

  test('a link with junk layers is refused with a notice instead of taking the explorer down', async ({
    lab,
  }) => {
    const json = JSON.stringify({ input: [28, 28, 1], layers: [null, 7, 'x'] });
    await lab.goto(`./#v=1&preset=lenet5&arch=${archOf(json)}`);
    const notice = lab.locator('.notice');
    await expect(notice).toContainText('layer 1: each layer must be a JSON object');
    await expect(notice.getByRole('button', { name: /anyway/ })).toHaveCount(0);
    await expect(lab.getByTestId('total-params')).toHaveText(LENET_PARAMS);
    await expect(lab.locator('.panel-error')).toHaveCount(0);
  });

  test('picking the same too-big file twice shows the message twice', async ({ lab }) => {
    await lab.goto('./#v=1&preset=lenet5');
    await lab.getByText('Network as JSON').click();
    const picker = lab.getByLabel('Open a .json file');
    const alert = lab.locator('.json-editor [role="alert"]');
    const big = {
      name: 'big.json',
      mimeType: 'application/json',
      buffer: Buffer.alloc(1_000_001, 0x20),
    };

    await picker.setInputFiles(big);
    await expect(alert).toContainText('big.json is larger than 1 MB');
    // Cleared, so the browser treats choosing the same file again as a new choice.
    await expect(picker).toHaveValue('');

    // A good network applied clears the message...
    const mlp = {
      input: [28, 28, 1],
      layers: [{ type: 'flatten' }, { type: 'dense', units: 10 }],
    };
    await lab.getByLabel('Network JSON').fill(JSON.stringify(mlp));
    await lab.getByRole('button', { name: 'Apply' }).click();
    await expect(alert).toHaveCount(0);
    await expect(lab.getByTestId('total-params')).toHaveText('7,850');

    // ...and the same file picked again says so again, changing nothing.
    await picker.setInputFiles(big);
    await expect(alert).toContainText('big.json is larger than 1 MB');
    await expect(picker).toHaveValue('');
    await expect(lab.getByTestId('total-params')).toHaveText('7,850');
  });

  test('a refused file leaves the input ready for the same file', async ({ lab }) => {
    await lab.goto('./#v=1&preset=lenet5');
    await lab.getByText('Network as JSON').click();
    const picker = lab.getByLabel('Open a .json file');
    const alert = lab.locator('.json-editor [role="alert"]');
    for (const [name, text, message] of [
      ['broken.json', '{ "input": [28', 'not valid JSON'],
      ['hello.json', '{"hello": "world"}', 'a network has "input" and "layers"'],
    ] as const) {
      await picker.setInputFiles({ name, mimeType: 'application/json', buffer: Buffer.from(text) });
      await expect(alert).toContainText(message);
      await expect(picker).toHaveValue('');
      await expect(lab.getByTestId('total-params')).toHaveText(LENET_PARAMS);
    }
  });
});
