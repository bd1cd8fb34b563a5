import { NetworkMismatchError } from '../core/fit';
import type { Random } from '../core/random';
import { gatherBatch, splitIntoBatches, type BatchOptions } from '../data/batches';
import type { ImageSet } from '../data/types';
import { forward, type Model } from './model';
import { decayPenalty, type Optimizer } from './optimizers';
import { tf, type Tensor } from './tf';

/** Images as the network sees them: count × (input shape) floats, and one label per image. */
export interface BatchInput {
  readonly count: number;
  readonly images: Float32Array;
  readonly labels: ArrayLike<number>;
}

export interface StepResult {
  /** Mean softmax cross-entropy over the batch, before the update. */
  readonly loss: number;
  /** Share of the batch the network classified correctly, before the update. */
  readonly accuracy: number;
  /** The L1/L2 penalty λ₁ Σ|w| + (λ₂/2) Σ w², before the update (0 without decay). */
  readonly penalty: number;
  /**
   * ‖∂L/∂W‖₂ of each layer's kernel for this batch, indexed by layer (0 for layers
   * without one): the numbers that show vanishing or healthy gradient flow.
   */
  readonly gradNorms: Float32Array;
}

/**
 * Mean softmax cross-entropy, L = (1/N) Σₙ (log Σⱼ e^(zₙⱼ) − zₙ,yₙ) from the logits z.
 * The softmax of the last layer is fused in here: log-softmax via log-sum-exp is exact
 * where softmax followed by log would round small probabilities to 0 and give −∞.
 */
export function softmaxCrossEntropy(logits: Tensor, oneHot: Tensor): Tensor {
  return tf.tidy(() => {
    if (oneHot.dtype !== 'float32') throw new TypeError('The one-hot labels must be float32.');
    const logSumExp = tf.logSumExp(logits, -1);
    const picked = tf.sum(tf.mul(logits, oneHot), -1);
    return tf.mean(tf.sub(logSumExp, picked));
  });
}

/** The model's input batch as a tensor [N, ...inputShape]. */
export function inputTensor(model: Model, images: Float32Array, count: number): Tensor {
  const size = model.inputShape.reduce((p, n) => p * n, 1);
  if (images.length !== count * size) {
    // Typed, so the worker tells a network that does not fit its data from a failing backend.
    throw new NetworkMismatchError(
      `${count} images of ${model.inputShape.join('×')} are ${count * size} values, not ${images.length}.`,
    );
  }
  return tf.tensor(images, [count, ...model.inputShape]);
}

/** Number of classes the network outputs; throws unless its output is a vector. */
export function classCountOf(model: Model): number {
  if (model.outputShape.length !== 1) {
    throw new RangeError(
      `A classifier must end in a vector of class scores; this network ends in ${model.outputShape.join('×')}. Add flatten and a dense layer with one unit per class.`,
    );
  }
  return model.outputShape[0] ?? 0;
}

function labelTensors(labels: ArrayLike<number>, classes: number): [Tensor, Tensor] {
  const ints = Int32Array.from(labels);
  for (const label of ints) {
    if (label < 0 || label >= classes) {
      throw new NetworkMismatchError(
        `Label ${label} is not one of the network's ${classes} classes.`,
      );
    }
  }
  const indices = tf.tensor1d(ints, 'int32');
  return [indices, tf.cast(tf.oneHot(indices, classes), 'float32')];
}

const correctCount = (logits: Tensor, labels: Tensor): Tensor =>
  tf.sum(tf.cast(tf.equal(tf.argMax(logits, -1), labels), 'float32'));

/**
 * One gradient-descent step on a batch: forward in training mode (dropout masks from
 * `dropoutRandom`, batch norm on batch statistics, running statistics updated), loss,
 * gradients of every trainable weight of the layers not frozen, one optimiser update. A
 * frozen layer's weights are neither differentiated nor decayed, so they stay bit-identical.
 */
export async function trainStep(
  model: Model,
  optimizer: Optimizer,
  batch: BatchInput,
  dropoutRandom?: Random,
): Promise<StepResult> {
  const classes = classCountOf(model);
  if (model.updatedWeights.length === 0) {
    throw new RangeError(
      'Every layer with weights is frozen, so training would change nothing; unfreeze at least one layer (its "Frozen" box in the architecture panel).',
    );
  }
  const { l1 = 0, l2 = 0 } = optimizer.config;
  const decayed = new Set(model.kernels);
  const summary = tf.tidy(() => {
    const x = inputTensor(model, batch.images, batch.count);
    const [labels, oneHot] = labelTensors(batch.labels, classes);
    const penalty = l1 > 0 || l2 > 0 ? decayPenalty(model.kernels, l1, l2) : tf.scalar(0);
    let correct: Tensor = tf.scalar(0);
    const { value, grads } = tf.variableGrads(() => {
      const { logits } = forward(model, x, { training: true, dropoutRandom, updateState: true });
      correct = tf.keep(correctCount(logits, labels));
      return softmaxCrossEntropy(logits, oneHot) as tf.Scalar;
    }, model.updatedWeights as tf.Variable[]);
    const norms = tf.stack(
      model.layers.map((layer) => {
        const kernel = layer.weights.kernel;
        const grad = kernel ? grads[kernel.name] : undefined;
        // √Σg² rather than tf.norm, whose Pow is slow on WASM (2.6 ms a step for the MLP).
        return grad ? tf.sqrt(tf.sum(tf.square(grad))) : tf.scalar(0);
      }),
    );
    optimizer.apply(
      model.updatedWeights,
      model.updatedWeights.map((w) => grads[w.name] ?? null),
      decayed,
    );
    // One vector, so the step reads back once (on a GPU, each read is a round trip).
    const joined = tf.concat([tf.stack([value, correct, penalty]), norms]);
    correct.dispose(); // kept out of variableGrads's scope, so this tidy would not free it
    return joined;
  });
  const values = (await summary.data()) as Float32Array;
  summary.dispose();
  return {
    loss: values[0] ?? NaN,
    accuracy: (values[1] ?? NaN) / batch.count,
    penalty: values[2] ?? NaN,
    gradNorms: values.slice(3),
  };
}

/** The network's class probabilities for a batch in test mode: count × classes values. */
export async function predictBatch(
  model: Model,
  images: Float32Array,
  count: number,
): Promise<Float32Array> {
  const probabilities = tf.tidy(() => {
    const { logits } = forward(model, inputTensor(model, images, count), { training: false });
    return tf.softmax(logits);
  });
  const values = Float32Array.from(await probabilities.data());
  probabilities.dispose();
  return values;
}

export interface Evaluation {
  /** Mean softmax cross-entropy over the set. */
  readonly loss: number;
  readonly accuracy: number;
  /** The predicted class of each image, in the set's order (for a confusion matrix). */
  readonly predictions: Uint8Array;
  /** The probability the network gave the predicted class (its confidence). */
  readonly confidences: Float32Array;
}

export interface EvaluateOptions extends Omit<BatchOptions, 'augmentation'> {
  readonly batchSize?: number;
  /** Stops early (throwing an AbortError) when aborted; checked between batches. */
  readonly signal?: AbortSignal;
}

/** Evaluates the network in test mode on a whole set, batch by batch. */
export async function evaluate(
  model: Model,
  set: ImageSet,
  options: EvaluateOptions,
): Promise<Evaluation> {
  const classes = classCountOf(model);
  const order = Uint32Array.from({ length: set.count }, (_, i) => i);
  const predictions = new Uint8Array(set.count);
  const confidences = new Float32Array(set.count);
  let lossSum = 0;
  let correct = 0;
  for (const indices of splitIntoBatches(order, options.batchSize ?? 256)) {
    options.signal?.throwIfAborted();
    const batch = gatherBatch(set, indices, options);
    const [loss, best, confidence] = tf.tidy(() => {
      const { logits } = forward(model, inputTensor(model, batch.images, batch.count), {
        training: false,
      });
      const [, oneHot] = labelTensors(batch.labels, classes);
      const loss = tf.mul(softmaxCrossEntropy(logits, oneHot), batch.count);
      return [loss, tf.argMax(logits, -1), tf.max(tf.softmax(logits), -1)];
    });
    const [lossData, bestData, confidenceData] = await Promise.all([
      loss.data(),
      best.data(),
      confidence.data(),
    ]);
    tf.dispose([loss, best, confidence]);
    lossSum += lossData[0] ?? NaN;
    for (let i = 0; i < batch.count; i++) {
      const image = indices[i] ?? 0;
      const predicted = bestData[i] ?? 0;
      predictions[image] = predicted;
      confidences[image] = confidenceData[i] ?? 0;
      if (predicted === batch.labels[i]) correct++;
    }
  }
  return {
    loss: lossSum / set.count,
    accuracy: correct / set.count,
    predictions,
    confidences,
  };
}
