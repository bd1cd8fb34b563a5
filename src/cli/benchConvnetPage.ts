import { createRequire } from 'node:module';
import type { Browser } from 'playwright-core';
import type { ImageSet } from '../data/types';
import {
  convnetLenet5Layers,
  convnetTrainerOptions,
  type ConvnetRow,
  type FailedConvnetRow,
} from './benchConvnet';
import { cpuSample, otherCores } from './benchCpu';
import { round } from './benchResult';
import { readDiskDataset } from './pretrainData';

/**
 * ConvNetJS timed in a blank page of the bench's Chromium (benchConvnet.ts says why there):
 * the package's own build (`convnet.js`, which declares a global `convnetjs` in a page) is
 * put in the page as a script, and the timing loop below runs in it. Nothing is fetched: the
 * library and the images travel with the script.
 */

/** The images the loop cycles through, made into volumes before the clock starts. */
const POOL = 4096;

/** What the page script needs, as plain JSON. */
export interface ConvnetPageSetup {
  readonly layers: unknown[];
  readonly options: object;
  readonly batch: number;
  readonly warmupMs: number;
  readonly measureMs: number;
  readonly height: number;
  readonly width: number;
  readonly channels: number;
  /** The images' bytes, base64. */
  readonly pixels: string;
  readonly labels: number[];
}

/** What the page script returns. */
export interface ConvnetPageResult {
  readonly samples: number;
  readonly seconds: number;
  readonly lossSum: number;
  readonly paramCount: number;
}

/**
 * The timing loop, a plain JavaScript string (tsx gives functions name helpers the page does
 * not have). It makes one volume per image, pixels scaled to 0–1 (the lab's default "scale";
 * both are row-major with channels last), builds the network, trains for the warm-up, then
 * counts the images trained in whole batches until the measured time is up.
 */
export function convnetPageScript(setup: ConvnetPageSetup): string {
  return String.raw`(() => {
  const s = ${JSON.stringify(setup)};
  const cj = window.convnetjs;
  const bytes = Uint8Array.from(atob(s.pixels), (c) => c.charCodeAt(0));
  const size = s.height * s.width * s.channels;
  const volumes = s.labels.map((_, i) => {
    const v = new cj.Vol(s.width, s.height, s.channels, 0);
    for (let k = 0; k < size; k++) v.w[k] = bytes[i * size + k] / 255;
    return v;
  });
  const net = new cj.Net();
  net.makeLayers(s.layers);
  const trainer = new cj.Trainer(net, s.options);
  let next = 0;
  const oneBatch = () => {
    let loss = 0;
    for (let i = 0; i < s.batch; i++) {
      const k = next++ % volumes.length;
      loss += trainer.train(volumes[k], s.labels[k]).cost_loss;
    }
    return loss;
  };
  const warmEnd = performance.now() + s.warmupMs;
  while (performance.now() < warmEnd) oneBatch();
  const start = performance.now();
  let samples = 0;
  let lossSum = 0;
  while (performance.now() < start + s.measureMs) {
    lossSum += oneBatch();
    samples += s.batch;
  }
  const seconds = (performance.now() - start) / 1000;
  const paramCount = net.getParamsAndGrads().reduce((n, pg) => n + pg.params.length, 0);
  return { samples, seconds, lossSum, paramCount };
})()`;
}

/** The page setup for the first POOL images of a set. */
export function convnetSetup(
  train: ImageSet,
  batch: number,
  warmupS: number,
  measureS: number,
): ConvnetPageSetup {
  const pool = Math.min(train.count, POOL);
  const size = train.height * train.width * train.channels;
  return {
    layers: convnetLenet5Layers(),
    options: convnetTrainerOptions(batch),
    batch,
    warmupMs: warmupS * 1000,
    measureMs: measureS * 1000,
    height: train.height,
    width: train.width,
    channels: train.channels,
    pixels: Buffer.from(train.images.subarray(0, pool * size)).toString('base64'),
    labels: Array.from(train.labels.subarray(0, pool)),
  };
}

/** The benchmark's row for one page result. */
export function convnetRow(
  result: ConvnetPageResult,
  batch: number,
  runtime: string,
  otherCpuCores: number | null,
): ConvnetRow {
  return {
    mode: 'convnetjs',
    library: 'convnetjs 0.3.0',
    runtime,
    network: 'lenet5',
    dataset: 'mnist',
    batchSize: batch,
    paramCount: result.paramCount,
    trainSamplesPerSecond: round(result.samples / result.seconds),
    samplesMeasured: result.samples,
    measuredSeconds: round(result.seconds, 2),
    meanLoss: round(result.lossSum / Math.max(1, result.samples), 4),
    otherCpuCores,
  };
}

/** ConvNetJS on MNIST from `dataDir` in a fresh context of `browser`, with the CPU others used. */
export async function benchmarkConvnet(
  browser: Browser,
  dataDir: string,
  batch: number,
  warmupS: number,
  measureS: number,
): Promise<ConvnetRow | FailedConvnetRow> {
  const context = await browser.newContext();
  try {
    const { train } = readDiskDataset(dataDir, 'mnist');
    const page = await context.newPage();
    await page.addScriptTag({ path: createRequire(import.meta.url).resolve('convnetjs') });
    const script = convnetPageScript(convnetSetup(train, batch, warmupS, measureS));
    const before = cpuSample();
    const result = (await page.evaluate(script)) as ConvnetPageResult;
    const runtime = `Chromium ${browser.version()}, a page of its own`;
    return convnetRow(result, batch, runtime, otherCores(before, cpuSample()));
  } catch (error) {
    return { mode: 'convnetjs', error: (error as Error).message.split('\n')[0] ?? '' };
  } finally {
    await context.close();
  }
}
