import type { LayerValues, WeightValues } from '../core/inspection';
import { softmaxReference } from '../core/reference/activations';
import { forward, type Model } from './model';
import { readValues, readWeights } from './records';
import { tf, type Tensor } from './tf';
import { classCountOf, inputTensor, softmaxCrossEntropy } from './train';

/**
 * Everything the network does with one input, as plain data for the explainers:
 * activations, gradients, weights, logits, probabilities and loss, in test mode
 * (dropout off, batch norm with its running statistics).
 */
export interface Inspection {
  readonly label: number;
  /** Every layer's output for this input (shape without the batch axis). */
  readonly activations: LayerValues[];
  /**
   * ∂L/∂(layer output) for every layer. For a last layer ending in softmax it is the
   * gradient with respect to the logits, p − y, since the loss takes over that softmax.
   */
  readonly outputGradients: LayerValues[];
  /** Every weight, batch norm's running statistics included. */
  readonly weights: WeightValues[];
  /** ∂L/∂w for every trainable weight (zeros for a layer that does not reach the loss). */
  readonly weightGradients: WeightValues[];
  readonly logits: Float32Array;
  readonly probabilities: Float32Array;
  /** Softmax cross-entropy −log p_label. */
  readonly loss: number;
  readonly predicted: number;
}

export interface InspectOptions {
  /** Leave out the weights themselves (they change only when training). Default true. */
  readonly includeWeights?: boolean;
}

/**
 * Inspects one input (its values in the network's input shape) with its label. The
 * gradients with respect to the layers' outputs come from zero "probe" tensors added to
 * each output: ∂L/∂probe equals ∂L/∂output, and tfjs can differentiate with respect to
 * the probes, which are inputs of the computation, where it cannot with respect to
 * intermediate tensors.
 */
export async function inspectSample(
  model: Model,
  image: Float32Array,
  label: number,
  options: InspectOptions = {},
): Promise<Inspection> {
  const classes = classCountOf(model);
  if (!Number.isInteger(label) || label < 0 || label >= classes) {
    throw new RangeError(`Label ${label} is not one of the network's ${classes} classes.`);
  }
  const trainable = model.layers.flatMap((layer) =>
    layer.specs
      .filter((s) => s.trainable)
      .map((s) => ({ layer, role: s.role, variable: layer.weights[s.role] as tf.Variable })),
  );
  const { outputs, logits, loss, probeGrads, weightGrads } = tf.tidy(() => {
    const x = inputTensor(model, image, 1);
    const oneHot = tf.oneHot(tf.tensor1d([label], 'int32'), classes);
    const probes = model.layers.map((l) => tf.zeros([1, ...(l.report.outputShape ?? [])]));
    let kept: { outputs: Tensor[]; logits: Tensor } = { outputs: [], logits: x };
    const { value, grads } = tf.engine().gradients(
      () => {
        const result = forward(model, x, { training: false, probes });
        kept = { outputs: result.outputs.map((t) => tf.keep(t)), logits: tf.keep(result.logits) };
        return softmaxCrossEntropy(result.logits, tf.cast(oneHot, 'float32'));
      },
      [...probes, ...trainable.map((t) => t.variable)],
      undefined,
      true,
    );
    return {
      ...kept,
      loss: value,
      probeGrads: grads.slice(0, probes.length),
      weightGrads: grads.slice(probes.length),
    };
  });
  try {
    const sampleShape = (t: Tensor) => t.shape.slice(1);
    const record = async (index: number, t: Tensor | undefined, shape: number[]) => ({
      layerIndex: index,
      name: model.layers[index]?.name ?? '',
      shape,
      data: t ? await readValues(t) : new Float32Array(shape.reduce((p, n) => p * n, 1)),
    });
    const activations = await Promise.all(outputs.map((t, i) => record(i, t, sampleShape(t))));
    const outputGradients = await Promise.all(
      model.layers.map((l, i) => record(i, probeGrads[i], [...(l.report.outputShape ?? [])])),
    );
    const weightGradients = await Promise.all(
      trainable.map(async ({ layer, role, variable }, i) => ({
        ...(await record(layer.index, weightGrads[i], [...variable.shape])),
        role,
      })),
    );
    const logitValues = await readValues(logits);
    const probabilities = softmaxReference({ shape: [classes], data: logitValues }).data;
    const predicted = probabilities.indexOf(Math.max(...probabilities));
    return {
      label,
      activations,
      outputGradients,
      weights: options.includeWeights === false ? [] : await readWeights(model),
      weightGradients,
      logits: logitValues,
      probabilities,
      loss: (await loss.data())[0] ?? NaN,
      predicted,
    };
  } finally {
    tf.dispose(
      [...outputs, logits, loss, ...probeGrads, ...weightGrads].filter(Boolean) as Tensor[],
    );
  }
}
