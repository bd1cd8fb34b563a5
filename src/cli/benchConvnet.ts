/**
 * ConvNetJS (karpathy's plain-JS library, the `convnetjs` 0.3.0 package) timed on the lab's
 * LeNet-5 and the MNIST training images, in the same benchmark run as the lab, so the lab's
 * figure can be quoted as a ratio that holds when the machine's speed drifts.
 *
 * It runs in the bench's own Chromium, in a blank page of its own before the lab is timed
 * (benchConvnetPage.ts), so both sides of the ratio run on the same V8. It used to run in
 * Node: there, on this project's machine, it trained about 10% slower than in Chromium 156
 * (204–210 against 227–231 samples/s, 4 December 2026), which flattered the ratio.
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
import type convnetjs from 'convnetjs';
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

/** ConvNetJS's timing on one machine, in the benchmark's JSON. */
export interface ConvnetRow {
  readonly mode: 'convnetjs';
  readonly library: string;
  /** Where it ran: the browser and its version. */
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

/** The lab's rate over ConvNetJS's, one decimal; null when either is missing. */
export function ratioToConvnet(
  labSamplesPerSecond: number | null,
  convnet: ConvnetRow | FailedConvnetRow | null,
): number | null {
  if (labSamplesPerSecond === null || !convnet || 'error' in convnet) return null;
  if (!(convnet.trainSamplesPerSecond > 0)) return null;
  return round(labSamplesPerSecond / convnet.trainSamplesPerSecond, 1);
}
