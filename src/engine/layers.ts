import { LEAKY_RELU_ALPHA, type Activation } from '../core/activations';
import type { LayerReport } from '../core/analyze';
import { isFrozen } from '../core/layers/frozen';
import type { LayerParams, WindowGeometry } from '../core/layers/types';
import type { Random } from '../core/random';
import { BATCHNORM_EPSILON, BATCHNORM_MOMENTUM } from '../core/reference/dense';
import { dropoutMaskOf } from '../core/reference/dropout';
import type { Pair } from '../core/shape';
import type { WeightRole } from '../core/weights';
import { conv2dWithBias, type FusedActivation } from './convBias';
import { tf, type Tensor, type Variable } from './tf';

/**
 * Each layer type as TensorFlow.js ops on NHWC (or N×units) batches. The window geometry
 * (output size, padding before and after) comes from the layer registry's report, so the
 * engine pads exactly as the architecture explorer says.
 */

/** What one layer needs to run. */
export interface LayerRun {
  readonly type: string;
  readonly name: string;
  readonly params: LayerParams;
  readonly report: LayerReport;
  readonly weights: Partial<Record<WeightRole, Variable>>;
}

export interface LayerMode {
  /** Training: dropout on, batch norm with batch statistics. */
  readonly training: boolean;
  /** Stream for dropout masks; required when training a network with dropout. */
  readonly dropoutRandom?: Random;
  /** Move batch norm's running statistics towards this batch's (only while training). */
  readonly updateState?: boolean;
}

type Padding4D = [[number, number], [number, number], [number, number], [number, number]];

/** The registry's padding as tfjs's explicit NHWC padding, or 'valid' when there is none. */
export function explicitPadding(window: WindowGeometry | null): Padding4D | 'valid' {
  if (!window) return 'valid';
  const { height: h, width: w } = window;
  if (h.padBefore + h.padAfter + w.padBefore + w.padAfter === 0) return 'valid';
  return [
    [0, 0],
    [h.padBefore, h.padAfter],
    [w.padBefore, w.padAfter],
    [0, 0],
  ];
}

/**
 * Spreads a [KH, KW, C, F] kernel to its dilated size d·(k − 1) + 1 with zeros between
 * the taps. tfjs cannot differentiate a dilated conv2d; a plain conv2d with the spread
 * kernel computes the same thing and differentiates on every backend.
 */
export function dilateKernel(kernel: Tensor, dilation: Pair): Tensor {
  const [kh, kw, c, f] = kernel.shape as [number, number, number, number];
  const [dh, dw] = dilation;
  let k = kernel;
  if (dh > 1) {
    const spread = tf.pad(tf.reshape(k, [kh, 1, kw * c * f]), [
      [0, 0],
      [0, dh - 1],
      [0, 0],
    ]);
    k = tf.slice(tf.reshape(spread, [kh * dh, kw, c, f]), 0, (kh - 1) * dh + 1);
  }
  if (dw > 1) {
    const rows = k.shape[0] ?? 1;
    const spread = tf.pad(tf.reshape(k, [rows, kw, 1, c * f]), [
      [0, 0],
      [0, 0],
      [0, dw - 1],
      [0, 0],
    ]);
    k = tf.slice(
      tf.reshape(spread, [rows, kw * dw, c, f]),
      [0, 0, 0, 0],
      [rows, (kw - 1) * dw + 1, c, f],
    );
  }
  return k;
}

/** Each activation as its TensorFlow.js op, with the lab's constants (one row per activation). */
const TF_ACTIVATIONS: Readonly<Record<Activation, (x: Tensor) => Tensor>> = {
  linear: (x) => x,
  relu: (x) => tf.relu(x),
  leakyrelu: (x) => tf.leakyRelu(x, LEAKY_RELU_ALPHA),
  // tfjs's elu has α = 1 built in, the lab's ELU_ALPHA (checked in the engine tests).
  elu: (x) => tf.elu(x),
  sigmoid: (x) => tf.sigmoid(x),
  tanh: (x) => tf.tanh(x),
  softplus: (x) => tf.softplus(x),
  softmax: (x) => tf.softmax(x),
};

/** f applied to every value (softmax along the last axis), with the lab's constants. */
export function applyActivation(fn: Activation, x: Tensor): Tensor {
  return TF_ACTIVATIONS[fn](x);
}

function need(layer: LayerRun, role: WeightRole): Variable {
  const w = layer.weights[role];
  if (!w) throw new Error(`Layer ${layer.name} has no ${role}.`);
  return w;
}

/** A registry pair as the mutable tuple tfjs's signatures ask for. */
const mutablePair = (value: unknown): [number, number] => [...(value as Pair)];

const withBias = (x: Tensor, layer: LayerRun): Tensor =>
  layer.weights.bias ? tf.add(x, layer.weights.bias) : x;

function batchNorm(x: Tensor, layer: LayerRun, mode: LayerMode): Tensor {
  const gamma = need(layer, 'gamma');
  const beta = need(layer, 'beta');
  const movingMean = need(layer, 'movingMean');
  const movingVariance = need(layer, 'movingVariance');
  let mean: Tensor = movingMean;
  let variance: Tensor = movingVariance;
  // A frozen batch norm runs as at test time, on its running statistics, and keeps them (as
  // Keras's trainable=False does): nothing about a frozen layer changes while training.
  if (mode.training && !isFrozen(layer.params)) {
    const axes = x.shape.slice(0, -1).map((_, i) => i);
    mean = tf.mean(x, axes);
    // Not tf.squaredDifference: its gradient does not sum over broadcast axes (tfjs 4.22).
    variance = tf.mean(tf.square(tf.sub(x, mean)), axes);
    if (mode.updateState) {
      const m = BATCHNORM_MOMENTUM;
      movingMean.assign(tf.add(tf.mul(movingMean, m), tf.mul(mean, 1 - m)));
      movingVariance.assign(tf.add(tf.mul(movingVariance, m), tf.mul(variance, 1 - m)));
    }
  }
  const scale = tf.mul(tf.rsqrt(tf.add(variance, BATCHNORM_EPSILON)), gamma);
  return tf.add(tf.mul(tf.sub(x, mean), scale), beta);
}

function dropout(x: Tensor, rate: number, layer: LayerRun, mode: LayerMode): Tensor {
  if (!mode.training || rate === 0) return x;
  if (!mode.dropoutRandom) throw new Error('Training with dropout needs a dropout stream.');
  const mask = dropoutMaskOf(x.size, rate, mode.dropoutRandom.fork(layer.name));
  return tf.mul(x, tf.tensor(mask, x.shape));
}

/**
 * Average pooling that divides each window by its real (non-padding) cells, as tfjs's
 * forward pass does. tfjs's AvgPoolGrad divides by the whole window instead (4.22, every
 * backend), so with padding its gradient disagrees with its own output. Here the padding is
 * explicit zeros, the pool is 'valid' (sum / KH·KW, whose gradient is right), and a constant
 * map rescales each window by KH·KW / (real cells).
 */
function averagePool(
  x: Tensor,
  size: [number, number],
  stride: [number, number],
  window: WindowGeometry | null,
): Tensor {
  const padding = explicitPadding(window);
  if (padding === 'valid' || !window) return tf.avgPool(x as tf.Tensor4D, size, stride, 'valid');
  const padded = tf.pad(x, padding);
  const pooled = tf.avgPool(padded as tf.Tensor4D, size, stride, 'valid');
  const [height, width] = [x.shape[1] ?? 0, x.shape[2] ?? 0];
  const realCells = (out: number, s: number, k: number, before: number, extent: number) =>
    Array.from({ length: out }, (_, o) => {
      const start = o * s - before;
      return Math.min(start + k, extent) - Math.max(start, 0);
    });
  const rows = realCells(window.height.out, stride[0], size[0], window.height.padBefore, height);
  const cols = realCells(window.width.out, stride[1], size[1], window.width.padBefore, width);
  const scale = rows.flatMap((r) => cols.map((c) => (size[0] * size[1]) / (r * c)));
  return tf.mul(pooled, tf.tensor(scale, [1, rows.length, cols.length, 1]));
}

/** A conv2d layer's output, with `activation` applied in the same kernel when it has a bias. */
function convolution(layer: LayerRun, x: Tensor, activation: FusedActivation): Tensor {
  const p = layer.params;
  const dilation = p.dilation as Pair;
  const kernel =
    dilation[0] * dilation[1] > 1
      ? dilateKernel(need(layer, 'kernel'), dilation)
      : need(layer, 'kernel');
  const stride = mutablePair(p.stride);
  const padding = explicitPadding(layer.report.window);
  const bias = layer.weights.bias;
  // With a bias, one fused kernel (convBias.ts says why).
  if (bias) return conv2dWithBias(x, kernel, bias, stride, padding, activation);
  const y = tf.conv2d(x as tf.Tensor4D, kernel as tf.Tensor4D, stride, padding);
  return activation === 'linear' ? y : applyActivation(activation, y);
}

/**
 * A layer's output after its activation function `fn` (null: none): a convolution and its
 * ReLU in one kernel (convBias.ts says why), any other layer as applyLayer, then fn.
 */
export function applyLayerActivated(
  layer: LayerRun,
  inputs: readonly Tensor[],
  mode: LayerMode,
  fn: Activation | null,
): Tensor {
  if (layer.type === 'conv2d' && fn === 'relu') return convolution(layer, inputs[0]!, 'relu');
  const before = applyLayer(layer, inputs, mode);
  return fn ? applyActivation(fn, before) : before;
}

/** One layer's output before its activation function (conv and dense apply theirs after). */
export function applyLayer(layer: LayerRun, inputs: readonly Tensor[], mode: LayerMode): Tensor {
  const p = layer.params;
  const x = inputs[0] as Tensor;
  switch (layer.type) {
    case 'conv2d':
      return convolution(layer, x, 'linear');
    case 'dense':
      return withBias(tf.matMul(x as tf.Tensor2D, need(layer, 'kernel') as tf.Tensor2D), layer);
    case 'maxout': {
      // Dense to units·k columns, then the largest of each unit's k pieces (column j·k + p).
      const pieces = p.pieces as number;
      const linear = withBias(
        tf.matMul(x as tf.Tensor2D, need(layer, 'kernel') as tf.Tensor2D),
        layer,
      );
      const units = (linear.shape[1] ?? 0) / pieces;
      return tf.max(tf.reshape(linear, [linear.shape[0] ?? -1, units, pieces]), 2);
    }
    case 'avgpool2d':
      return averagePool(x, mutablePair(p.size), mutablePair(p.stride), layer.report.window);
    case 'maxpool2d': {
      return tf.maxPool(
        x as tf.Tensor4D,
        mutablePair(p.size),
        mutablePair(p.stride),
        explicitPadding(layer.report.window),
      );
    }
    case 'globalavgpool2d':
      return tf.mean(x, [1, 2]);
    case 'flatten':
      return tf.reshape(x, [x.shape[0] ?? -1, -1]);
    case 'batchnorm':
      return batchNorm(x, layer, mode);
    case 'dropout':
      return dropout(x, p.rate as number, layer, mode);
    case 'activation':
      return x;
    case 'add':
      return inputs.length === 1 ? x : tf.addN(inputs as Tensor[]);
    case 'concat':
      return tf.concat(inputs as Tensor[], -1);
    default:
      throw new Error(`The engine cannot run layer type ${layer.type}.`);
  }
}
