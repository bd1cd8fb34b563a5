import { readFile } from 'node:fs/promises';
import type { Browser, Page } from '@playwright/test';
import { expect, test } from './fixtures';
import { trainingPage, UNTIL_THE_TEST_ENDS } from './pages';

/**
 * Trained runs in a link (`train=N`): two fresh browsers that open the same link retrain the
 * same run to the same step and end at identical weights, read from the checkpoints they
 * download; and a run a person trains puts its step in the link, which a fresh browser
 * replays to the same weights.
 */
const RUN = 'panel=training&preset=mlp&seed=7&backend=wasm&batch=16';

interface Weights {
  readonly step: number;
  readonly weights: readonly { name: string; role: string; data: string }[];
}

/** The run's weights, as "Download checkpoint" writes them. */
async function downloadedWeights(page: Page): Promise<Weights> {
  const download = page.waitForEvent('download');
  await page.getByRole('button', { name: 'Download checkpoint' }).click();
  const path = await (await download).path();
  return JSON.parse(await readFile(path, 'utf8')) as Weights;
}

/** Opens a link in a new, empty browser context and waits until its replay ends. */
async function replayIn(browser: Browser, baseURL: string, link: string, steps: number) {
  const context = await browser.newContext({ baseURL, acceptDownloads: true });
  const page = await context.newPage();
  await page.goto(link);
  await expect(page.getByText(`Replayed the link’s run from the seed: step ${steps}`)).toBeVisible(
    UNTIL_THE_TEST_ENDS,
  );
  await expect(page.getByTestId('run-step')).toHaveText(String(steps));
  const weights = await downloadedWeights(page);
  await context.close();
  return weights;
}

test.describe('trained runs in a link', () => {
  test('two fresh browsers replay train=30 to identical weights', async ({ browser, baseURL }) => {
    const link = `./#v=1&${RUN}&train=30`;
    const first = await replayIn(browser, baseURL ?? '', link, 30);
    const second = await replayIn(browser, baseURL ?? '', link, 30);
    expect(first.step).toBe(30);
    expect(second.step).toBe(30);
    expect(first.weights.length).toBeGreaterThan(0);
    expect(second.weights).toEqual(first.weights);
  });

  test('a run trained by hand writes its step into the link, and the link replays it', async ({
    lab,
    browser,
    baseURL,
  }) => {
    const training = trainingPage(lab);
    await training.open(RUN);
    const steps = await training.trainSteps(5);
    await expect.poll(() => lab.url(), UNTIL_THE_TEST_ENDS).toContain(`train=${steps}`);
    const mine = await downloadedWeights(lab);
    const link = `./${new URL(lab.url()).hash}`;
    const replayed = await replayIn(browser, baseURL ?? '', link, steps);
    expect(replayed.weights).toEqual(mine.weights);
  });
});
