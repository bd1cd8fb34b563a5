/**
 * ConvNetJS (karpathy's plain-JS library, the `convnetjs` 0.3.0 package) timed on the lab's
 * LeNet-5 and the MNIST training images, in the same benchmark run as the lab, so the lab's
 * figure can be quoted as a ratio that holds when the machine's speed drifts.
 *
 * It runs here in Node rather than in the bench's Chromium page: the package is CommonJS
 * with no browser build the lab serves, Node's V8 runs the same scalar Float64Array loops,
 * and in Node nothing else (the page's rendering, the lab's worker) shares its thread.
 *
 * The network matches the catalogue's LeNet-5 (src/core/catalogue/trainable.ts) layer for
 * layer: conv 5×5×6 padding 2 → ReLU → max pool 2 → conv 5×5×16 no padding → ReLU → max
 * pool 2 → dense 120 ReLU → dense 84 ReLU → dense 10 softmax, 61,706 parameters. The
 * differences are ConvNetJS's own and do not change the arithmetic per sample:
 * - ConvNetJS has no flatten layer: its dense layer reads the 5×5×16 volume directly.
 * - Its weights start from N(0, 1/fan-in) and ReLU layers' biases at 0.1, not the lab's
 *   initialisation.
 * - 0.3.0 has no Adam (the lab's default optimiser); it trains with Adadelta, the method
 *   ConvNetJS's own MNIST demo uses. The update is done once per batch over the 61,706
 *   weights, a small part of a batch's work either way.
 * - It goes forward and back one image at a time (that is how ConvNetJS works) and updates
 *   the weights every 32 images, so "batch 32" is its update interval.
 */
import convnetjs from 'convnetjs';
import type { ImageSet } from '../data/types';
import { cpuSample, otherCores } from './benchCpu';
import { readDiskDataset } from './pretrainData';
import { round } from './benchResult';

/** The lab's LeNet-5 in ConvNetJS's layer definitions (see the file comment for differences). */
export function convnetLenet5Layers(): convnetjs.LayerDef[] {
  return [
    { type: 'input', out_sx: 28, out_sy: 28, out_depth: 1 },
    { type: 'conv', sx: 5, filters: 6, stride: 1, pad: 2, activation: 'relu' },
    { type: 'pool', sx: 2, stride: 2 },
    { type: 'conv', sx: 5, filters: 16, stride: 1, pad: 0, activation: 'relu' },
    { type: 'pool', sx: 2, stride: 2 },
    { type: 'fc', num_neurons: 120, activation: 'relu' },
    { type: 'fc', num_neurons: 84, activation: 'relu' },
    // ConvNetJS puts a dense layer of num_classes units before its softmax by itself.
    { type: 'softmax', num_classes: 10 },
  ];
}

/** The trainer's settings: Adadelta (0.3.0 has no Adam), weights updated every `batch` images. */
export const convnetTrainerOptions = (batch: number): convnetjs.TrainerOptions => ({
  method: 'adadelta',
  batch_size: batch,
  l2_decay: 0,
});

/** A fresh ConvNetJS LeNet-5 and its trainer. */
export function createConvnetLenet5(batch: number): {
  net: convnetjs.Net;
  trainer: convnetjs.Trainer;
} {
  const net = new convnetjs.Net();
  net.makeLayers(convnetLenet5Layers());
  return { net, trainer: new convnetjs.Trainer(net, convnetTrainerOptions(batch)) };
}

/** Σ over the network's layers of their own weight and bias arrays' lengths. */
export const convnetParamCount = (net: convnetjs.Net): number =>
  net.getParamsAndGrads().reduce((sum, pg) => sum + pg.params.length, 0);

/** Image `index` of the set as a ConvNetJS volume, pixels scaled to 0–1 (the lab's default "scale"). */
export function convnetVolume(set: ImageSet, index: number): convnetjs.Vol {
  const size = set.height * set.width * set.channels;
  const v = new convnetjs.Vol(set.width, set.height, set.channels, 0);
  // Both are row-major with channels last (HWC), ConvNetJS indexing ((y·sx + x)·depth + d).
  for (let i = 0; i < size; i++) v.w[i] = (set.images[index * size + i] ?? 0) / 255;
  return v;
}

/** ConvNetJS's timing on one machine, in the benchmark's JSON. */
export interface ConvnetRow {
  readonly mode: 'convnetjs';
  readonly library: string;
  /** Where it ran, and which V8. */
  readonly runtime: string;
  readonly network: 'lenet5';
  readonly dataset: 'mnist';
  readonly batchSize: number;
  readonly paramCount: number;
  readonly trainSamplesPerSecond: number;
  readonly samplesMeasured: number;
  readonly measuredSeconds: number;
  /** Mean cross-entropy of the measured images, to show it was learning. */
  readonly meanLoss: number;
  readonly otherCpuCores: number | null;
}

/** A ConvNetJS run that failed, and why. */
export interface FailedConvnetRow {
  readonly mode: 'convnetjs';
  readonly error: string;
}

/**
 * Trains for `warmupS` seconds, then counts the images trained in the next `measureS`
 * seconds (whole batches only). Synchronous: nothing else in this process runs meanwhile.
 */
export function timeConvnet(
  train: ImageSet,
  batch: number,
  warmupS: number,
  measureS: number,
): Omit<ConvnetRow, 'otherCpuCores'> {
  const { net, trainer } = createConvnetLenet5(batch);
  // Volumes made ahead of time, so converting bytes is not timed (the lab's data is ready too).
  const pool = Math.min(train.count, 4096);
  const volumes = Array.from({ length: pool }, (_, i) => convnetVolume(train, i));
  let next = 0;
  const oneBatch = () => {
    let loss = 0;
    for (let i = 0; i < batch; i++) {
      const k = next++ % pool;
      loss += trainer.train(volumes[k] as convnetjs.Vol, train.labels[k] ?? 0).cost_loss;
    }
    return loss;
  };
  const warmEnd = performance.now() + warmupS * 1000;
  while (performance.now() < warmEnd) oneBatch();
  const start = performance.now();
  const end = start + measureS * 1000;
  let samples = 0;
  let loss = 0;
  while (performance.now() < end) {
    loss += oneBatch();
    samples += batch;
  }
  const seconds = (performance.now() - start) / 1000;
  return {
    mode: 'convnetjs',
    library: 'convnetjs 0.3.0',
    runtime: `Node ${process.versions.node} (V8 ${process.versions.v8})`,
    network: 'lenet5',
    dataset: 'mnist',
    batchSize: batch,
    paramCount: convnetParamCount(net),
    trainSamplesPerSecond: round(samples / seconds),
    samplesMeasured: samples,
    measuredSeconds: round(seconds, 2),
    meanLoss: round(loss / Math.max(1, samples), 4),
  };
}

/** ConvNetJS on MNIST from `dataDir`, with the CPU other processes used meanwhile. */
export function benchmarkConvnet(
  dataDir: string,
  batch: number,
  warmupS: number,
  measureS: number,
): ConvnetRow | FailedConvnetRow {
  try {
    const { train } = readDiskDataset(dataDir, 'mnist');
    const before = cpuSample();
    const row = timeConvnet(train, batch, warmupS, measureS);
    return { ...row, otherCpuCores: otherCores(before, cpuSample()) };
  } catch (error) {
    return { mode: 'convnetjs', error: (error as Error).message.split('\n')[0] ?? '' };
  }
}

/** The lab's rate over ConvNetJS's, one decimal; null when either is missing. */
export function ratioToConvnet(
  labSamplesPerSecond: number | null,
  convnet: ConvnetRow | FailedConvnetRow | null,
): number | null {
  if (labSamplesPerSecond === null || !convnet || 'error' in convnet) return null;
  if (!(convnet.trainSamplesPerSecond > 0)) return null;
  return round(labSamplesPerSecond / convnet.trainSamplesPerSecond, 1);
}
