/**
 * `npm run bench -- [options]`
 *
 * Builds the lab, serves it with `vite preview` on a free local port, opens it in headless
 * Chromium and drives the training panel the way a person does (the link sets the network,
 * dataset, batch size and backend; the Train button starts the run). For every backend ×
 * network it prints one JSON line: training samples per second, inference samples per
 * second on the test split, and the main thread's frames per second and longest task
 * while training with the panel open. Before those, for every network, it opens the link
 * a few times in a fresh context and times the first engine picture (benchFirstPicture.ts).
 * `--accuracy` trains to the end instead and reports the seconds from pressing play to the
 * target validation accuracy and the test accuracy.
 *
 * The machine may be shared: each line also says how much CPU the engine's worker got
 * (workerCpuShare), what the page's main thread and the rest of the browser used, and what
 * other processes used meanwhile (otherCpuCores, from /proc). trainSamplesPerWorkerCpuSecond
 * is the rate per second of the worker's own CPU time, what a quiet machine would give.
 * With `npm run`, add `-s` (`npm run -s bench -- --json`) so npm's banner stays out too.
 *
 * Configurations run one after another, each in a fresh browser context (so no run saved
 * in IndexedDB by an earlier one is restored) and a single page, closed afterwards. Every
 * request that is not to the local server is refused and counted.
 */
import { cpus, loadavg } from 'node:os';
import { chromium } from 'playwright-core';
import { messageOf } from '../core/errors';
import { parseArgs, SOFTWARE_BACKENDS, USAGE, DATASET_OF, type NetworkId } from './benchArgs';
import { accuracyOne } from './benchAccuracy';
import { ratioToConvnet, type ConvnetRow, type FailedConvnetRow } from './benchConvnet';
import { benchmarkConvnet } from './benchConvnetPage';
import { waitForQuiet } from './benchCpu';
import { firstPictureOne } from './benchFirstPicture';
import { available, benchmarkOne } from './benchMeasure';
import {
  firstPictureTable,
  isFailed,
  round,
  table,
  type AccuracyRow,
  type BenchRow,
  type FailedAccuracyRow,
  type FailedFirstPictureRow,
  type FailedSpeedRow,
  type FirstPictureRow,
  type SpeedRow,
} from './benchResult';
import { run, startPreview, stopPreview } from './benchServer';
import { CHROMIUM_ARGS, findChromium } from './chromium';

/** Progress for a person; silent with --json (stderr, so stdout stays the JSON lines). */
let say: (text: string) => void = (text) => process.stderr.write(`${text}\n`);

async function main(args: string[]): Promise<number> {
  const options = parseArgs(args);
  if (typeof options === 'string') {
    process.stderr.write(`${options}\n`);
    return options === USAGE ? 0 : 2;
  }
  if (options.json) say = () => {};
  const print = (line: BenchRow) => process.stdout.write(`${JSON.stringify(line)}\n`);
  if (options.build) {
    say(`Building the lab (vite build into ${options.dist})…`);
    await run('npx', ['vite', 'build', '--outDir', options.dist], true);
  }
  let preview = await startPreview(say, options.dist);
  /** The server's address, starting it again if it went away (something else stopped it). */
  const serving = async () => {
    if (preview.child.exitCode !== null || preview.child.signalCode !== null) {
      preview = await startPreview(say, options.dist);
      say(`Serving ${options.dist} again at ${preview.url}`);
    }
    return preview.url;
  };
  say(
    `Serving ${options.dist} at ${preview.url} (${cpus().length} cores, load ${loadavg()[0]?.toFixed(2)})`,
  );
  const needsGpu = options.backends.some((b) => SOFTWARE_BACKENDS.includes(b));
  const browserFlags = options.unsafeWebGpu ? ['--enable-unsafe-webgpu'] : [];
  const browser = await chromium.launch({
    executablePath: findChromium(),
    headless: true,
    args: [...CHROMIUM_ARGS, ...browserFlags],
  });
  say(
    `Chromium ${browser.version()}${browserFlags.length ? ` with ${browserFlags.join(' ')}` : ''}${needsGpu ? ' (WebGL and WebGPU on SwiftShader: software)' : ''}`,
  );
  const rows: BenchRow[] = [];
  // Interrupted (Ctrl-C, kill): close the browser and the server before leaving.
  const interrupted = (signal: NodeJS.Signals) => {
    say(`Stopping (${signal})…`);
    stopPreview(preview.child);
    void browser.close().finally(() => process.exit(130));
  };
  process.once('SIGINT', interrupted);
  process.once('SIGTERM', interrupted);
  try {
    if (!options.accuracy) {
      const speedRows: (SpeedRow | FailedSpeedRow)[] = [];
      const networks = options.networks.filter((n) => {
        if (available(DATASET_OF[n])) return true;
        say(`Skipping ${n}: ${DATASET_OF[n]} is not in public/data/manifest.json.`);
        return false;
      });
      const pictureRows: (FirstPictureRow | FailedFirstPictureRow)[] = [];
      for (const network of options.firstPictureRuns > 0 ? networks : []) {
        say(`Timing the first picture of ${network} (${options.firstPictureRuns} fresh loads)…`);
        let row: FirstPictureRow | FailedFirstPictureRow;
        try {
          if (options.waitIdle) await waitForQuiet(0.25, 600_000, say);
          const url = await serving();
          row = await firstPictureOne(
            browser,
            url,
            network,
            options.firstPictureRuns,
            browserFlags,
          );
        } catch (error) {
          row = {
            mode: 'first-picture',
            network,
            error: (error as Error).message.split('\n')[0] ?? '',
          };
        }
        pictureRows.push(row);
        rows.push(row);
        print(row);
      }
      if (pictureRows.length && !options.json)
        process.stdout.write(`\n${firstPictureTable(pictureRows)}\n\n`);
      // ConvNetJS in a page of its own, once, just before the lab's own figures.
      let convnet: ConvnetRow | FailedConvnetRow | null = null;
      if (options.convnetjs && !options.firstPictureOnly && networks.includes('lenet5')) {
        say(
          `Timing ConvNetJS on lenet5 in Chromium, batch ${options.batch} (${options.warmupS} s warm-up, ${options.measureS} s measured)…`,
        );
        if (options.waitIdle) await waitForQuiet(0.25, 600_000, say);
        convnet = await benchmarkConvnet(
          browser,
          'public/data',
          options.batch,
          options.warmupS,
          options.measureS,
        );
        rows.push(convnet);
        print(convnet);
        say(
          'error' in convnet
            ? `  ConvNetJS failed: ${convnet.error}`
            : `  ConvNetJS: ${convnet.trainSamplesPerSecond} samples/s`,
        );
      }
      for (const backend of options.firstPictureOnly ? [] : options.backends) {
        for (const network of networks) {
          say(`Timing ${network} on ${backend}, batch ${options.batch}…`);
          let row: SpeedRow | FailedSpeedRow;
          try {
            const quiet = options.waitIdle ? await waitForQuiet(0.25, 600_000, say) : null;
            row = await benchmarkOne(browser, await serving(), backend, network, options);
            if (quiet) row = { ...row, waitedForIdleSeconds: quiet.waitedSeconds };
            const ratio =
              network === 'lenet5' ? ratioToConvnet(row.trainSamplesPerSecond, convnet) : null;
            if (ratio !== null && convnet && !('error' in convnet))
              row = {
                ...row,
                convnetjsSamplesPerSecond: convnet.trainSamplesPerSecond,
                ratioToConvnetjs: ratio,
              };
          } catch (error) {
            row = {
              backend,
              network,
              dataset: DATASET_OF[network],
              batchSize: options.batch,
              trainSamplesPerSecond: null,
              inferenceSamplesPerSecond: null,
              fps: null,
              longestTaskMs: null,
              software: SOFTWARE_BACKENDS.includes(backend),
              error: (error as Error).message.split('\n')[0] ?? '',
            };
          }
          speedRows.push(row);
          rows.push(row);
          print(row);
        }
      }
      if (!options.json && speedRows.length) process.stdout.write(`\n${table(speedRows)}\n`);
    } else {
      const jobs: [NetworkId, number | null, Record<string, string | number>][] = [
        ['lenet5', options.epochs, {}],
        ['mlp', options.epochs, {}],
      ];
      if (options.accuracyCifar && available('cifar10'))
        jobs.push([
          'vgg-mini-32',
          options.cifarEpochs,
          options.cifarAugment ? { norm: 'standardise', aug: 'flip,shift3' } : {},
        ]);
      for (const [network, epochs, extra] of jobs) {
        say(`Training ${network} on ${DATASET_OF[network]} to the end (wasm)…`);
        let row: AccuracyRow | FailedAccuracyRow;
        try {
          if (options.waitIdle) await waitForQuiet(0.25, 600_000, say);
          row = await accuracyOne(browser, await serving(), network, epochs, extra, say);
        } catch (error) {
          row = {
            mode: 'accuracy',
            network,
            error: (error as Error).message.split('\n')[0] ?? '',
          };
        }
        rows.push(row);
        print(row);
        if (!options.json) {
          // A failed run prints the same line, all dashes.
          const done = isFailed(row) ? null : row;
          const pct = (v: unknown) => (typeof v === 'number' ? `${round(v * 100, 2)}%` : '—');
          say(
            `  ${network}: validation ≥ ${pct(done?.target)} after ${String(done?.secondsToTargetValidation ?? '—')} s (step ${String(done?.stepAtTarget ?? '—')}, test then ${pct(done?.testAccuracyAtTarget)}); test ≥ ${pct(done?.target)} after ${String(done?.secondsToTargetTest ?? '—')} s (step ${String(done?.stepAtTargetTest ?? '—')}); test accuracy after ${String(done?.steps ?? '—')} steps: ${pct(done?.testAccuracy)}`,
          );
        }
      }
    }
  } finally {
    await browser.close().catch(() => undefined);
    stopPreview(preview.child);
  }
  return rows.some(isFailed) ? 1 : 0;
}

main(process.argv.slice(2)).then(
  (code) => process.exit(code),
  (error: unknown) => {
    process.stderr.write(`${messageOf(error)}\n`);
    process.exit(1);
  },
);
