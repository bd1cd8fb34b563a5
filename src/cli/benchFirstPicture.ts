/**
 * The first picture: how long a person waits, after opening a link, for the first thing the
 * engine computed to be on screen. The link opens the feature maps panel (the selected
 * input's feature maps, drawn from the engine's inspection) with the backend left to the
 * lab's choice, in a fresh browser context each run, so the dataset and the lab's files
 * are downloaded as on a first visit. The page marks the moment (FIRST_PICTURE_MARK) when
 * the maps are drawn; its time is milliseconds since the navigation started.
 */
import { loadavg } from 'node:os';
import type { Browser, Page } from 'playwright-core';
import { ENGINE_STARTED_MARK, FIRST_PICTURE_MARK, RUN_SET_UP_MARK } from '../core/pageMarks';
import { DATASET_OF, type NetworkId } from './benchArgs';
import { cpuSample, otherCores } from './benchCpu';
import { labUrl, openPage, waitReady } from './benchMeasure';
import { round, type FirstPictureRow } from './benchResult';

/** The middle value (the mean of the two middle ones for an even count). */
export function median(values: readonly number[]): number {
  const sorted = [...values].sort((a, b) => a - b);
  const mid = Math.floor(sorted.length / 2);
  const upper = sorted[mid] ?? NaN;
  return sorted.length % 2 === 1 ? upper : ((sorted[mid - 1] ?? NaN) + upper) / 2;
}

/** The median of the moments every run had, rounded to a millisecond; null if one lacked it. */
const middle = (values: readonly (number | null)[]): number | null =>
  values.every((v): v is number => v !== null) && values.length > 0
    ? round(median(values), 0)
    : null;

/** What the page's `navigator.gpu` offers, in words (a string: see BENCH_INIT_SCRIPT on why). */
const WEBGPU_OFFERED = String.raw`(async () => {
  if (!navigator.gpu) return 'no navigator.gpu';
  const adapter = await navigator.gpu.requestAdapter().catch(() => null);
  if (!adapter) return 'no adapter';
  const info = adapter.info || {};
  const fields = [info.vendor, info.architecture, info.description].filter(Boolean).join(' ');
  const fallback = info.isFallbackAdapter === true || adapter.isFallbackAdapter === true;
  return (fields || 'unnamed adapter') + (fallback ? ' (fallback)' : '');
})()`;

/** The page's expression for a mark's time in ms since navigation (its first entry), or null. */
const markTime = (name: string) => `(() => {
  const mark = performance.getEntriesByName(${JSON.stringify(name)}, 'mark')[0];
  return mark ? mark.startTime : null;
})()`;
const PICTURE_TIME = markTime(FIRST_PICTURE_MARK);

/** One load's moments, in ms since the link was opened. */
interface Moments {
  readonly picture: number;
  readonly engineStarted: number | null;
  readonly runSetUp: number | null;
}

/** Opens the link once, in a fresh context; the picture's time and what the page showed. */
async function firstPictureRun(
  browser: Browser,
  base: string,
  network: NetworkId,
  refused: string[],
): Promise<{ moments: Moments; page: Page; close: () => Promise<void>; problems: string[] }> {
  const { context, page, problems } = await openPage(browser, refused);
  const close = async () => {
    await page.close().catch(() => undefined);
    await context.close().catch(() => undefined);
  };
  try {
    await page.goto(
      labUrl(base, { panel: 'features', preset: network, data: DATASET_OF[network], seed: 1 }),
    );
    await page.waitForFunction(PICTURE_TIME, undefined, { timeout: 120_000, polling: 50 });
    const moments: Moments = {
      picture: (await page.evaluate(PICTURE_TIME)) as number,
      engineStarted: (await page.evaluate(markTime(ENGINE_STARTED_MARK))) as number | null,
      runSetUp: (await page.evaluate(markTime(RUN_SET_UP_MARK))) as number | null,
    };
    return { moments, page, close, problems };
  } catch (error) {
    await close();
    throw error;
  }
}

/** `runs` first pictures of one network's link, and the backend the lab chose for it. */
export async function firstPictureOne(
  browser: Browser,
  base: string,
  network: NetworkId,
  runs: number,
  browserFlags: readonly string[],
): Promise<FirstPictureRow> {
  const refused: string[] = [];
  const times: Moments[] = [];
  const problems: string[] = [];
  const cpuBefore = cpuSample();
  let shown = { backend: '', adapter: null as string | null, offered: '' };
  for (let i = 0; i < runs; i++) {
    const run = await firstPictureRun(browser, base, network, refused);
    try {
      times.push(run.moments);
      problems.push(...run.problems);
      if (i === runs - 1) {
        // After the timing: what the browser offers, and the backend line the lab shows.
        const offered = (await run.page.evaluate(WEBGPU_OFFERED)) as string;
        await run.page.evaluate(
          `location.hash = location.hash.replace('panel=features', 'panel=training')`,
        );
        const ready = await waitReady(run.page);
        const adapter = run.page.getByTestId('backend-adapter');
        const adapterText = (await adapter.count()) ? await adapter.textContent() : null;
        shown = {
          backend: ready.backend,
          adapter: adapterText?.replace(/^\s*·\s*/, '') ?? null,
          offered,
        };
      }
    } finally {
      await run.close();
    }
  }
  const others = otherCores(cpuBefore, cpuSample());
  return {
    mode: 'first-picture',
    network,
    dataset: DATASET_OF[network],
    browserFlags,
    webgpuOffered: shown.offered,
    backendShown: shown.backend,
    backendAdapterShown: shown.adapter,
    firstPictureMs: round(median(times.map((t) => t.picture)), 0),
    runsMs: times.map((t) => round(t.picture, 0)),
    engineStartedMs: middle(times.map((t) => t.engineStarted)),
    runSetUpMs: middle(times.map((t) => t.runSetUp)),
    problems: problems.slice(0, 5),
    refusedRequests: refused.length,
    otherCpuCores: others === null ? null : round(others, 2),
    loadAverage1m: round(loadavg()[0] ?? 0, 2),
  };
}
