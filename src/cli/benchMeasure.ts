/** Timing one backend × network in the training panel, and the page helpers runs share. */
import { mkdirSync, readFileSync } from 'node:fs';
import { loadavg } from 'node:os';
import { join } from 'node:path';
import type { Browser, BrowserContext, Page } from 'playwright-core';
import {
  DATASET_OF,
  SOFTWARE_BACKENDS,
  type BackendId,
  type NetworkId,
  type Options,
} from './benchArgs';
import { cpuSample, cpuSplit, otherCores, threadTicks } from './benchCpu';
import { BENCH_INIT_SCRIPT } from './benchPage';
import { round, type SpeedRow } from './benchResult';
import { sleep } from './benchServer';

const isLocal = (url: URL) =>
  url.protocol === 'data:' ||
  url.protocol === 'blob:' ||
  ((url.protocol === 'http:' || url.protocol === 'ws:') &&
    ['127.0.0.1', 'localhost', '[::1]'].includes(url.hostname));

/** A fresh context (empty IndexedDB and Cache Storage) with the bench's page script. */
export async function openPage(
  browser: Browser,
  refused: string[],
): Promise<{ context: BrowserContext; page: Page; problems: string[] }> {
  // bypassCSP: the lab's policy has no 'unsafe-eval', and Playwright's waitForFunction polls
  // its predicate through eval, so under the policy every wait fails with an EvalError. The
  // policy allows what the lab itself needs (WASM, its threads' blob: workers), and the
  // COOP/COEP isolation headers are not part of it, so timing is the same either way.
  const context = await browser.newContext({
    viewport: { width: 1400, height: 900 },
    bypassCSP: true,
  });
  await context.route(
    (url) => !isLocal(url),
    async (route) => {
      refused.push(route.request().url());
      await route.abort('blockedbyclient');
    },
  );
  await context.addInitScript({ content: BENCH_INIT_SCRIPT });
  const page = await context.newPage();
  const problems: string[] = [];
  page.on('pageerror', (e) => problems.push(`page error: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error') problems.push(`console error: ${m.text()}`);
  });
  return { context, page, problems };
}

/** The lab's address with these settings in its link, the training panel open. */
export function labUrl(base: string, settings: Record<string, string | number>): string {
  const hash = Object.entries({ v: 1, panel: 'training', ...settings })
    .map(([k, v]) => `${k}=${encodeURIComponent(String(v))}`)
    .join('&');
  return `${base}#${hash}`;
}

/** Waits for the engine to be up: Train enabled, a backend named. */
export async function waitReady(page: Page): Promise<{ backend: string; note: string | null }> {
  await page.getByTestId('play').waitFor({ state: 'visible', timeout: 120_000 });
  await page.waitForFunction(
    `(() => { const p = document.querySelector('[data-testid="play"]');
      const b = document.querySelector('[data-testid="backend"]');
      return p && !p.disabled && b && b.textContent !== 'starting…'; })()`,
    undefined,
    { timeout: 180_000, polling: 200 },
  );
  const backend = (await page.getByTestId('backend').textContent()) ?? '';
  const note = await page
    .locator('.run-controls p.muted.small')
    .first()
    .textContent()
    .catch(() => null);
  return { backend, note: note && !note.startsWith('Keys:') ? note : null };
}

interface WindowResult {
  seconds: number;
  frames: number;
  maxFrameGapMs: number;
  longTasks: number[];
  marks: { t: number; step: number }[];
  displayedRate: number | null;
  phase: string;
  longTaskError: string | null;
}

async function idleFps(page: Page, seconds: number): Promise<number> {
  await page.evaluate('window.__bench.begin()');
  await sleep(seconds * 1000);
  const idle = (await page.evaluate('window.__bench.end()')) as WindowResult;
  return idle.frames / idle.seconds;
}

/** One backend × network: training rate and smoothness while training, then inference. */
export async function benchmarkOne(
  browser: Browser,
  base: string,
  backend: BackendId,
  network: NetworkId,
  options: Options,
): Promise<SpeedRow> {
  const refused: string[] = [];
  const { context, page, problems } = await openPage(browser, refused);
  const dataset = DATASET_OF[network];
  const started = Date.now();
  try {
    await page.goto(
      labUrl(base, {
        preset: network,
        data: dataset,
        batch: options.batch,
        backend,
        seed: 1,
        // Enough epochs that no run finishes inside the measurement window.
        epochs: 500,
      }),
    );
    const ready = await waitReady(page);
    const idle = await idleFps(page, 2);
    await page.getByTestId('play').click();
    await page.waitForFunction(
      `(() => { const s = document.querySelector('[data-testid="run-step"]');
        return s && Number((s.textContent || '0').replace(/[^0-9]/g, '')) > 0; })()`,
      undefined,
      { timeout: 300_000, polling: 100 },
    );
    await sleep(options.warmupS * 1000);
    if (options.traceDir) {
      mkdirSync(options.traceDir, { recursive: true });
      await browser.startTracing(page, {
        path: join(options.traceDir, `${backend}-${network}.json`),
        screenshots: false,
        categories: [
          'devtools.timeline',
          'disabled-by-default-devtools.timeline',
          'v8.execute',
          'blink.user_timing',
          'toplevel',
        ],
      });
    }
    const cpuBefore = cpuSample();
    const threadsBefore = threadTicks();
    await page.evaluate('window.__bench.begin()');
    // Slow configurations (a step of seconds) measure until they have a few steps to count.
    const deadline = Date.now() + Math.max(options.measureS * 3, 45) * 1000;
    await sleep(options.measureS * 1000);
    for (;;) {
      const marks = (await page.evaluate('window.__bench.stepMarks.length')) as number;
      if (marks >= 5 || Date.now() > deadline) break;
      await sleep(1000);
    }
    const w = (await page.evaluate('window.__bench.end()')) as WindowResult;
    const others = otherCores(cpuBefore, cpuSample());
    const split = cpuSplit(threadsBefore, threadTicks());
    if (options.traceDir) await browser.stopTracing();
    const first = w.marks[0];
    const last = w.marks.at(-1);
    const steps = first && last ? last.step - first.step : 0;
    const spanS = first && last ? (last.t - first.t) / 1000 : 0;
    const trainRate = spanS > 0 ? (steps * options.batch) / spanS : null;
    // The engine's CPU time (its worker, and any WASM threads, are 'DedicatedWorker' threads)
    // and the page's main thread, over the window: contention shows as a share below 1.
    const workerCpu = split?.worker ?? null;

    await page.getByTestId('pause').click();
    await page.waitForFunction(
      `document.querySelector('[data-testid="run-status"]').getAttribute('data-phase') !== 'running'`,
      undefined,
      { timeout: 300_000, polling: 100 },
    );
    const step = Number(
      ((await page.getByTestId('run-step').textContent()) ?? '0').replace(/,/g, ''),
    );
    // Let the pause's own work (the prediction, saving the run) finish first.
    await sleep(1500);
    const testCount = testCountOf(dataset);
    // The first evaluation includes compiling (WebGL, WebGPU) or setting up (XNNPACK) the
    // batch-256 kernels; the second is the steady rate. SwiftShader (and a
    // pass over 20 s) is too slow for two.
    type Timed = { ok: boolean; ms: number; accuracy: string | null };
    const cold = (await page.evaluate('window.__bench.timeEvaluation(600000)')) as Timed;
    let warm = cold;
    if (!SOFTWARE_BACKENDS.includes(backend) && cold.ms < 20_000) {
      await sleep(500);
      warm = (await page.evaluate('window.__bench.timeEvaluation(600000)')) as Timed;
    }
    const longest = w.longTasks.length ? Math.max(...w.longTasks) : 0;
    return {
      backend,
      network,
      dataset,
      batchSize: options.batch,
      trainSamplesPerSecond: trainRate === null ? null : round(trainRate),
      inferenceSamplesPerSecond: warm.ok ? round((testCount / warm.ms) * 1000) : null,
      fps: round(w.frames / w.seconds),
      longestTaskMs: round(longest),
      longTaskCount: w.longTasks.length,
      maxFrameGapMs: round(w.maxFrameGapMs),
      idleFps: round(idle),
      displayedSamplesPerSecond: w.displayedRate,
      stepsMeasured: steps,
      measuredSeconds: round(spanS, 2),
      stepAtPause: step,
      inferenceImages: testCount,
      inferenceMs: warm.ok ? round(warm.ms) : null,
      inferenceColdMs: cold.ok ? round(cold.ms) : null,
      backendShown: ready.backend,
      backendNote: ready.note,
      software: SOFTWARE_BACKENDS.includes(backend),
      ...(ready.backend !== backend ? { fellBackTo: ready.backend } : {}),
      ...(w.phase !== 'running' ? { phaseAtEnd: w.phase } : {}),
      ...(w.longTaskError ? { longTaskError: w.longTaskError } : {}),
      problems: problems.slice(0, 5),
      refusedRequests: refused.length,
      // Samples per second of the engine's own CPU time: what an otherwise idle machine
      // gives when the worker has a core to itself.
      trainSamplesPerWorkerCpuSecond:
        workerCpu && w.seconds > 0
          ? round((steps * options.batch) / ((workerCpu * spanS) / w.seconds))
          : null,
      workerCpuShare: workerCpu === null ? null : round(workerCpu / w.seconds, 2),
      mainThreadCpuShare: split ? round(split.main / w.seconds, 2) : null,
      restOfBrowserCpuShare: split ? round(split.rest / w.seconds, 2) : null,
      otherCpuCores: others === null ? null : round(others, 2),
      loadAverage1m: round(loadavg()[0] ?? 0, 2),
      wallSeconds: round((Date.now() - started) / 1000),
    };
  } finally {
    await page.close().catch(() => undefined);
    await context.close().catch(() => undefined);
  }
}

let manifestCache: { datasets: { id: string; available: boolean; test?: { count: number } }[] };
function manifest() {
  manifestCache ??= JSON.parse(
    readFileSync('public/data/manifest.json', 'utf8'),
  ) as typeof manifestCache;
  return manifestCache;
}
/** Images in a dataset's test split, from the built manifest. */
export const testCountOf = (dataset: string) =>
  manifest().datasets.find((d) => d.id === dataset)?.test?.count ?? 2000;
/** Whether a dataset was built into public/data. */
export const available = (dataset: string) =>
  manifest().datasets.some((d) => d.id === dataset && d.available);
