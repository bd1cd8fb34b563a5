import type { Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { datasetsPage, labPage, trainingPage, UNTIL_THE_TEST_ENDS } from './pages';

/**
 * After one visit the lab opens with no network: the service worker serves the page, its
 * code and the WASM files, the dataset opened before comes from the loader's cache, and a
 * training step runs. Each test has a fresh browser context, so no other test meets this
 * service worker.
 */

/** Waits until the service worker has installed (its precache is complete) and is active. */
const serviceWorkerActive = (page: Page) =>
  page.evaluate(async () => {
    const worker = (await navigator.serviceWorker.ready).active;
    if (!worker) return 'none';
    if (worker.state !== 'activated') {
      await new Promise<void>((resolve) => {
        const settled = () => worker.state !== 'activating' && resolve();
        worker.addEventListener('statechange', settled);
        settled();
      });
    }
    return worker.state;
  });

test.describe('offline', () => {
  test.setTimeout(150_000);

  test('after one visit the lab reloads offline, shows the dataset opened before and trains a step', async ({
    lab,
    context,
  }) => {
    // Offline, the loader first asks the network for data/manifest.json (then reads its
    // cached copy) and the browser logs that failed request as an error.
    test.info().annotations.push({
      type: 'expects-failed-requests',
      description: 'the dataset manifest is fetched first, and fails, while offline',
    });
    const datasets = datasetsPage(lab);
    await datasets.open('data=mnist&preset=lenet5&seed=1');
    expect(await serviceWorkerActive(lab)).toBe('activated');

    await context.setOffline(true);
    // The network really is gone for the page: a file no cache holds cannot be fetched.
    const uncached = await lab.evaluate(() =>
      fetch(`data/manifest.json?offline-probe=${Date.now()}`).then(
        () => 'fetched',
        () => 'failed',
      ),
    );
    expect(uncached).toBe('failed');

    await lab.reload();
    await expect(lab.getByRole('navigation', { name: 'Panels' })).toBeVisible();
    expect(await lab.evaluate(() => navigator.serviceWorker.controller !== null)).toBe(true);
    // The service worker's copies keep COOP/COEP, so the WASM backend can still use threads.
    expect(await lab.evaluate(() => crossOriginIsolated)).toBe(true);
    await datasets.loaded();
    await expect(datasets.status).toContainText(/MNIST/);

    await labPage(lab).openPanel('Training');
    const training = trainingPage(lab);
    await training.ready();
    await lab.getByTestId('step').click();
    await expect.poll(training.stepShown, UNTIL_THE_TEST_ENDS).toBeGreaterThanOrEqual(1);
  });
});
