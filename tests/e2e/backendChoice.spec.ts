import { CHROMIUM_ARGS, findChromium } from '../../src/cli/chromium';
import { expect, test } from './fixtures';
import { trainingPage } from './pages';

/**
 * The backend the lab chooses in a browser that offers WebGPU on a software adapter.
 * `--enable-unsafe-webgpu` makes headless Chromium (which has no GPU here) offer
 * SwiftShader's adapter; the lab must see that it is software and train on WASM, and the
 * training panel's backend line must say so. The flag is a launch option, so this whole
 * file runs in a browser of its own (every other spec runs without it).
 */
test.use({
  launchOptions: {
    executablePath: findChromium(),
    args: [...CHROMIUM_ARGS, '--enable-unsafe-webgpu'],
  },
});

/** What the page's navigator.gpu offers, read field by field as a person's devtools would. */
interface Offered {
  readonly kind: 'no navigator.gpu' | 'no adapter' | 'adapter';
  readonly vendor: string;
  readonly architecture: string;
  readonly software: boolean;
}

const READ_OFFER = `(async () => {
  const none = (kind) => ({ kind, vendor: '', architecture: '', software: false });
  if (!navigator.gpu) return none('no navigator.gpu');
  const adapter = await navigator.gpu.requestAdapter();
  if (!adapter) return none('no adapter');
  const info = adapter.info || {};
  const vendor = info.vendor || '';
  const architecture = info.architecture || '';
  const software =
    info.isFallbackAdapter === true ||
    adapter.isFallbackAdapter === true ||
    /swiftshader|llvmpipe|lavapipe/i.test(vendor + ' ' + architecture + ' ' + (info.description || ''));
  return { kind: 'adapter', vendor, architecture, software };
})()`;

test.describe('choosing the backend', () => {
  test.setTimeout(120_000);

  test('a software WebGPU adapter is skipped: the backend line says WASM and names it', async ({
    lab,
  }) => {
    const training = trainingPage(lab);
    await training.open('preset=lenet5&data=mnist&seed=1');
    const offered = (await lab.evaluate(READ_OFFER)) as Offered;
    // Which branch ran, for the report: what this Chromium offers with the flag.
    test.info().annotations.push({
      type: 'navigator.gpu offered',
      description:
        offered.kind === 'adapter'
          ? `${offered.vendor} ${offered.architecture}${offered.software ? ' (software)' : ''}`
          : offered.kind,
    });
    const backend = lab.getByTestId('backend');
    const adapterNote = lab.getByTestId('backend-adapter');
    const label = `${offered.vendor} ${offered.architecture}`.trim();
    if (offered.kind === 'adapter' && offered.software) {
      await expect(backend).toHaveText('wasm');
      await expect(adapterNote).toHaveText(`skipped WebGPU's software adapter, ${label}`);
      await expect(lab.getByText(/is a software renderer, slower than WASM/)).toBeVisible();
    } else if (offered.kind === 'adapter') {
      await expect(backend).toHaveText('webgpu');
      await expect(adapterNote).toHaveText(`on ${label}`);
    } else {
      // No adapter to skip: WebGL (SwiftShader too, with --disable-gpu) is skipped, WASM runs.
      await expect(backend).toHaveText('wasm');
      await expect(adapterNote).toHaveCount(0);
    }
  });

  test('the feature maps are the first picture, and the page marks when they are drawn', async ({
    lab,
  }) => {
    await lab.goto('./#v=1&panel=features&preset=lenet5&data=mnist&seed=1');
    await expect(lab.getByTestId('channel-thumb').first()).toBeVisible();
    const marked = lab.locator('html[data-first-picture]');
    await expect(marked).toHaveCount(1);
    const ms = Number(await marked.getAttribute('data-first-picture'));
    expect(ms).toBeGreaterThan(0);
    const mark = (await lab.evaluate(
      `performance.getEntriesByName('cnn-lab:first-picture', 'mark').length`,
    )) as number;
    expect(mark).toBe(1);
  });
});
