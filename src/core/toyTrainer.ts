import { createRandom, type Random } from './random';
import {
  addScaled,
  batchGradientsOf,
  createSmallMlp,
  forwardSmallMlp,
  lossOfTrace,
  type SmallMlp,
  type SmallMlpSpec,
} from './smallMlp';
import type { ToyData } from './toyData';

/**
 * Mini-batch SGD with momentum for the neuron playground. Training is split into
 * single steps so the page can run a few of them per animation frame.
 */

export interface ToyTrainingOptions {
  readonly learningRate: number;
  /** Momentum μ: v ← μv − η∇L, w ← w + v (μ = 0 is plain SGD). */
  readonly momentum: number;
  readonly batchSize: number;
}

export const DEFAULT_TOY_TRAINING: ToyTrainingOptions = {
  learningRate: 0.1,
  momentum: 0.9,
  batchSize: 10,
};

export interface ToyTrainer {
  readonly net: SmallMlp;
  readonly velocityW: Float64Array[];
  readonly velocityB: Float64Array[];
  /** Mini-batch steps taken so far. */
  steps: number;
  /** Passes over the data finished so far. */
  epochs: number;
  /** Mean loss of the last mini-batch. */
  lastLoss: number;
  order: Uint32Array;
  cursor: number;
  readonly random: Random;
}

/** A fresh network and optimiser; the seed fixes both the weights and the data order. */
export function createToyTrainer(spec: SmallMlpSpec, seed: string | number): ToyTrainer {
  const net = createSmallMlp(spec, seed);
  return {
    net,
    velocityW: net.weights.map((w) => new Float64Array(w.length)),
    velocityB: net.biases.map((b) => new Float64Array(b.length)),
    steps: 0,
    epochs: 0,
    lastLoss: NaN,
    order: new Uint32Array(0),
    cursor: 0,
    random: createRandom(`toy-order/${seed}`),
  };
}

/** One mini-batch step of SGD with momentum; a new epoch reshuffles the data. */
export function trainToyStep(
  trainer: ToyTrainer,
  data: ToyData,
  options: ToyTrainingOptions,
): void {
  if (trainer.order.length !== data.count) {
    trainer.order = trainer.random.shuffle(Uint32Array.from({ length: data.count }, (_, i) => i));
    trainer.cursor = 0;
  }
  const end = Math.min(data.count, trainer.cursor + Math.max(1, options.batchSize));
  const batch = trainer.order.subarray(trainer.cursor, end);
  trainer.cursor = end;
  const { loss, weights, biases } = batchGradientsOf(trainer.net, data.xy, data.labels, batch);
  const mu = options.momentum;
  for (const [velocity, grads, params] of [
    [trainer.velocityW, weights, trainer.net.weights],
    [trainer.velocityB, biases, trainer.net.biases],
  ] as const) {
    velocity.forEach((v) => v.forEach((x, i) => (v[i] = mu * x)));
    addScaled(velocity, grads, -options.learningRate);
    addScaled(params, velocity, 1);
  }
  trainer.steps++;
  if (trainer.cursor >= data.count) {
    trainer.epochs++;
    trainer.cursor = 0;
    trainer.order = trainer.random.shuffle(trainer.order);
  }
  trainer.lastLoss = loss;
}

/** Runs whole epochs (for tests and the Step button). */
export function trainToyEpochs(
  trainer: ToyTrainer,
  data: ToyData,
  options: ToyTrainingOptions,
  epochs: number,
): void {
  const target = trainer.epochs + epochs;
  while (trainer.epochs < target) trainToyStep(trainer, data, options);
}

/** Share of points whose predicted class (p ≥ 0.5 means class 1) equals the label, and the mean loss. */
export function evaluateToy(net: SmallMlp, data: ToyData): { accuracy: number; loss: number } {
  let correct = 0;
  let loss = 0;
  for (let k = 0; k < data.count; k++) {
    const label = data.labels[k] ?? 0;
    const trace = forwardSmallMlp(net, data.xy[2 * k] ?? 0, data.xy[2 * k + 1] ?? 0);
    if ((trace.probability >= 0.5 ? 1 : 0) === label) correct++;
    loss += lossOfTrace(net, trace, label);
  }
  return { accuracy: correct / Math.max(1, data.count), loss: loss / Math.max(1, data.count) };
}

/** The network sampled on a grid over the square [−extent, extent]²; row 0 is the top (largest y). */
export interface PlaneSamples {
  readonly resolution: number;
  readonly extent: number;
  /** p(class 1) at each grid cell, row-major. */
  readonly output: Float64Array;
  /** hidden[l][j]: activation of unit j of hidden layer l + 1 at each grid cell. */
  readonly hidden: Float64Array[][];
}

/** The plane coordinate of the centre of grid cell `index` along an axis. */
export function planeCoordinate(index: number, resolution: number, extent: number): number {
  return -extent + ((index + 0.5) * 2 * extent) / resolution;
}

/** Samples the output probability and every hidden unit's activation over the plane. */
export function sampleToyPlane(net: SmallMlp, resolution: number, extent: number): PlaneSamples {
  const cells = resolution * resolution;
  const output = new Float64Array(cells);
  const hidden = net.sizes
    .slice(1, -1)
    .map((units) => Array.from({ length: units }, () => new Float64Array(cells)));
  for (let row = 0; row < resolution; row++) {
    const y = -planeCoordinate(row, resolution, extent);
    for (let col = 0; col < resolution; col++) {
      const cell = row * resolution + col;
      const trace = forwardSmallMlp(net, planeCoordinate(col, resolution, extent), y);
      output[cell] = trace.probability;
      hidden.forEach((layer, l) => {
        const a = trace.post[l + 1];
        layer.forEach((grid, j) => (grid[cell] = a?.[j] ?? 0));
      });
    }
  }
  return { resolution, extent, output, hidden };
}
