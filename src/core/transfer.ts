import type { WeightValues } from './inspection';
import type { LayerDocument, NetworkDocument } from './network';
import type { JobStatus } from './jobStatus';

/**
 * Transfer learning (curriculum row 21): a network trained on one task (LeNet-5 on MNIST
 * digits) reused for another (Fashion-MNIST clothing) from a few hundred images. The early
 * convolutions learnt edge and stroke detectors that suit any grey 28×28 picture, so they
 * are frozen and only the dense head is trained; the control is the same network trained
 * from scratch on the same images for the same steps. The classifier is replaced, as usual
 * when a network changes task: both runs' dense layers start from the same seeded random
 * weights, so the only difference between them is where the convolutions come from. This file holds the experiment's
 * plain data (request, curves, status) and its pure rules; the worker runs it.
 */

/** The two runs, in the order they train and the chart's legend lists them. */
export const TRANSFER_RUNS = [
  { id: 'fine-tuned', label: 'MNIST convolutions, frozen' },
  { id: 'scratch', label: 'From scratch' },
] as const;

export type TransferRunId = (typeof TRANSFER_RUNS)[number]['id'];

/** What the person chooses: how many training images, how many steps, the seed. */
export interface TransferRequest {
  /** Fashion-MNIST training images both runs learn from (the first ones of the split). */
  readonly trainCount: number;
  /** Gradient steps of each run (batches of {@link TRANSFER_BATCH_SIZE}). */
  readonly steps: number;
  /** Seeds the from-scratch weights and both runs' batch order (the same for both). */
  readonly seed: number;
}

/** Limits of the request: a few hundred images, a few hundred steps (seconds, not minutes). */
export const TRANSFER_LIMITS = {
  trainCount: { min: 100, max: 1000, step: 100 },
  steps: { min: 20, max: 400, step: 20 },
} as const;

export const DEFAULT_TRANSFER_REQUEST: TransferRequest = { trainCount: 300, steps: 200, seed: 1 };

/** Images per gradient step, as the pretrained LeNet-5 was trained (public/models/index.json). */
export const TRANSFER_BATCH_SIZE = 32;
/** Adam's step size for both runs: the pretrained run's starting rate. */
export const TRANSFER_LEARNING_RATE = 0.001;
/** Held-out Fashion-MNIST test images each measurement classifies (the first of the test split). */
export const TRANSFER_TEST_IMAGES = 500;
/** Measurements per run, besides the one before the first step. */
export const TRANSFER_MEASUREMENTS = 10;

/** One measurement of a run: its test accuracy and loss after `step` steps. */
export interface TransferPoint {
  readonly step: number;
  readonly accuracy: number;
  readonly loss: number;
}

/** max |Δw| of a layer's weights (kernel and bias) between before and after training. */
export interface WeightChange {
  readonly layer: string;
  readonly run: TransferRunId;
  readonly frozen: boolean;
  readonly maxChange: number;
}

export interface TransferOutcome {
  readonly request: TransferRequest;
  readonly curves: Readonly<Record<TransferRunId, readonly TransferPoint[]>>;
  /** Every layer with weights, in both runs: the frozen ones must show 0. */
  readonly changes: readonly WeightChange[];
  readonly testCount: number;
}

/** Running, `done` counts the steps of the current run, of `total` (each run's steps). */
export type TransferStatus = JobStatus<
  TransferOutcome,
  {
    readonly run: TransferRunId;
    /** The measurements so far, so the curves grow while it runs. */
    readonly curves: Readonly<Record<TransferRunId, readonly TransferPoint[]>>;
  }
>;

/** Throws a RangeError in words when a request is outside the limits. */
export function checkTransferRequest(request: TransferRequest): void {
  const whole = (v: unknown, min: number, max: number) =>
    typeof v === 'number' && Number.isInteger(v) && v >= min && v <= max;
  const { trainCount, steps } = TRANSFER_LIMITS;
  if (!whole(request.trainCount, trainCount.min, trainCount.max))
    throw new RangeError(
      `The training images must be a whole number from ${trainCount.min} to ${trainCount.max}.`,
    );
  if (!whole(request.steps, steps.min, steps.max))
    throw new RangeError(`The steps must be a whole number from ${steps.min} to ${steps.max}.`);
  if (!whole(request.seed, 0, 2 ** 31 - 1))
    throw new RangeError('The seed must be a whole number from 0 up.');
}

/** The steps after which a run is measured: 0, then evenly up to `steps` (which is included). */
export function measurementSteps(steps: number, count = TRANSFER_MEASUREMENTS): number[] {
  const at = new Set([0, steps]);
  for (let i = 1; i < count; i++) at.add(Math.round((i * steps) / count));
  return [...at].sort((a, b) => a - b);
}

/** The network with every layer that `freeze` picks marked `"frozen": true` (the others as they were). */
export function networkWithFrozen(
  network: NetworkDocument,
  freeze: (layer: LayerDocument) => boolean,
): NetworkDocument {
  return {
    ...network,
    layers: network.layers.map((layer) => (freeze(layer) ? { ...layer, frozen: true } : layer)),
  };
}

/** The transfer experiment's choice: freeze the convolutions, train the dense head. */
export const isConvolution = (layer: LayerDocument): boolean => layer.type === 'conv2d';

/** max |aᵢ − bᵢ|: 0 exactly when the two are bit-for-bit equal (for finite values). */
export function maxAbsDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  if (a.length !== b.length)
    throw new RangeError(`Cannot compare ${a.length} values with ${b.length}.`);
  let largest = 0;
  for (let i = 0; i < a.length; i++) {
    const d = Math.abs((a[i] ?? 0) - (b[i] ?? 0));
    // NaN counts as a change: a weight that became NaN has not stayed the same.
    largest = Number.isNaN(d) ? Infinity : Math.max(largest, d);
  }
  return largest;
}

/** The last measurement of a curve, or null when it has none. */
export function finalPoint(curve: readonly TransferPoint[]): TransferPoint | null {
  return curve[curve.length - 1] ?? null;
}

/**
 * The weights the fine-tuned run starts from: the pretrained values of the layers `keep`
 * names (the frozen convolutions), the fresh ones (as the from-scratch run starts) of the rest.
 */
export function transferredWeights(
  fresh: readonly WeightValues[],
  pretrained: readonly WeightValues[],
  keep: (layerName: string) => boolean,
): WeightValues[] {
  const byKey = new Map(pretrained.map((w) => [`${w.name}/${w.role}`, w]));
  return fresh.map((w) => {
    if (!keep(w.name)) return w;
    const trained = byKey.get(`${w.name}/${w.role}`);
    if (!trained)
      throw new RangeError(`The pretrained weights have no ${w.role} for layer ${w.name}.`);
    return trained;
  });
}
