import { readFileSync } from 'node:fs';
import { expect, saveScreen, test } from './fixtures';
import { datasetsPage, UNTIL_THE_TEST_ENDS } from './pages';

interface ManifestEntry {
  id: string;
  title: string;
  available: boolean;
  classNames: string[];
}

/** The datasets this build made; MNIST always, the others when their sources were beside the project. */
const manifest = JSON.parse(readFileSync('public/data/manifest.json', 'utf8')) as {
  datasets: ManifestEntry[];
};
const available = manifest.datasets.filter((d) => d.available);

test.describe('dataset browser', () => {
  test('shows every available dataset with its images, loading bar and class names', async ({
    lab,
  }) => {
    expect(available.map((d) => d.id)).toContain('mnist');
    await lab.goto('./#v=1&panel=datasets');
    for (const dataset of available) {
      await lab.getByRole('radio', { name: new RegExp(`^${dataset.title} `) }).check();
      await datasetsPage(lab).loaded();
      await expect(lab.getByTestId('load-status')).toContainText(`${dataset.title} loaded`);
      await expect(lab.getByTestId('dataset-thumb')).toHaveCount(12 * dataset.classNames.length);
      await expect(
        lab.getByRole('rowheader', { name: dataset.classNames[0] }).first(),
      ).toBeVisible();
      await saveScreen(lab, `datasets-${dataset.id}`, true);
    }
  });

  test('clicking an image makes it the selected input, and a link points at it', async ({
    lab,
    context,
  }) => {
    await datasetsPage(lab).open('data=mnist');
    const thumb = lab.getByTestId('dataset-thumb').nth(14);
    const name = (await thumb.getAttribute('aria-label')) ?? '';
    await thumb.click();
    const index = /test image (\d+)/.exec(name)?.[1];
    await expect(lab.getByTestId('selected-description')).toContainText(`test image ${index}`);
    await expect
      .poll(() => lab.evaluate(() => window.location.hash))
      .toContain(`sample=test-${index}`);
    await lab.getByRole('radio', { name: /Standardise/ }).check();
    await expect(lab.getByTestId('normalised-range')).toContainText('values from -');
    await lab.getByTestId('copy-link').click();
    const link = (await lab.getByTestId('copied-link').textContent()) ?? '';
    const other = await context.newPage();
    await other.goto(link);
    await expect(other.getByTestId('selected-description')).toContainText(
      `test image ${index}`,
      UNTIL_THE_TEST_ENDS,
    );
    await expect(other.getByRole('radio', { name: /Standardise/ })).toBeChecked();
  });

  test('a drawn digit becomes the selected input, as MNIST would have prepared it', async ({
    lab,
  }) => {
    await datasetsPage(lab).open('data=mnist');
    const pad = lab.getByTestId('drawing-pad');
    await pad.scrollIntoViewIfNeeded();
    const box = await pad.boundingBox();
    if (!box) throw new Error('the drawing pad is not on screen');
    // A "7": a bar across the top, then a stroke down to the lower left.
    await lab.mouse.move(box.x + 70, box.y + 60);
    await lab.mouse.down();
    await lab.mouse.move(box.x + 210, box.y + 60, { steps: 8 });
    await lab.mouse.move(box.x + 120, box.y + 230, { steps: 8 });
    await lab.mouse.up();
    await expect(lab.getByTestId('selected-description')).toContainText('Your own image');
    await expect(lab.getByRole('img', { name: 'Your digit as 28×28 pixels' })).toBeVisible();
    await expect.poll(() => lab.evaluate(() => window.location.hash)).toContain('sample=own');
    await saveScreen(lab, 'datasets-drawing', true);
    await lab.reload();
    await expect(lab.getByTestId('selected-description')).toContainText(
      'Your own image',
      UNTIL_THE_TEST_ENDS,
    );
  });

  test('a reload reads the dataset from the browser cache instead of downloading it again', async ({
    lab,
  }) => {
    await datasetsPage(lab).open('data=mnist');
    const downloads: string[] = [];
    lab.on('response', (r) => {
      if (r.url().endsWith('.cnnlab') && !r.fromServiceWorker()) downloads.push(r.url());
    });
    await lab.reload();
    await datasetsPage(lab).loaded();
    await expect(lab.getByTestId('load-status')).toContainText('cache');
    expect(downloads).toEqual([]);
  });

  test('a damaged data file gets a clear message and the rest of the lab keeps working', async ({
    lab,
  }) => {
    await lab.route('**/mnist-train.cnnlab?*', async (route) => {
      const response = await route.fetch();
      const body = await response.body();
      await route.fulfill({ response, body: body.subarray(0, body.length - 1000) });
    });
    await lab.goto('./#v=1&panel=datasets&data=mnist');
    const alert = lab.getByRole('alert');
    await expect(alert).toContainText('MNIST could not be loaded', UNTIL_THE_TEST_ENDS);
    await expect(alert).toContainText('mnist-train.cnnlab');
    await expect(alert).toContainText('npm run datasets');
    await saveScreen(lab, 'datasets-damaged');
    await lab.getByRole('button', { name: 'Architecture' }).click();
    await expect(lab.getByTestId('total-params')).toHaveText('61,706');
  });

  test('a missing data file says to run the build step', async ({ lab }) => {
    test
      .info()
      .annotations.push({ type: 'expects-failed-requests', description: 'a 404 for a data file' });
    await lab.route('**/mnist-test.cnnlab?*', (route) =>
      route.fulfill({ status: 404, body: 'not found' }),
    );
    await lab.goto('./#v=1&panel=datasets&data=mnist');
    await expect(lab.getByRole('alert')).toContainText('npm run datasets', UNTIL_THE_TEST_ENDS);
    await expect(lab.getByRole('alert')).toContainText('missing');
  });
});
