import type { GradientCheckResult, WeightRef } from '../core/inspection';
import { forward, type Model } from './model';
import { tf } from './tf';
import { classCountOf, inputTensor, softmaxCrossEntropy } from './train';

export type WeightCheck = GradientCheckResult;

/**
 * "Wiggle a weight by ε": the loss for one input at w + ε and w − ε, the central
 * difference (L(w+ε) − L(w−ε)) / 2ε, and backprop's ∂L/∂w for the same weight, all in
 * test mode. The weight is put back exactly afterwards.
 */
export async function gradientCheck(
  model: Model,
  image: Float32Array,
  label: number,
  ref: WeightRef,
  epsilon: number,
): Promise<WeightCheck> {
  const variable = model.layers[ref.layerIndex]?.weights[ref.role];
  if (!variable) throw new RangeError(`Layer ${ref.layerIndex} has no ${ref.role}.`);
  if (ref.index < 0 || ref.index >= variable.size)
    throw new RangeError(`The ${ref.role} has ${variable.size} values, not ${ref.index + 1}.`);
  const classes = classCountOf(model);
  const lossOf = () =>
    tf.tidy(() => {
      const x = inputTensor(model, image, 1);
      const oneHot = tf.cast(tf.oneHot(tf.tensor1d([label], 'int32'), classes), 'float32');
      return softmaxCrossEntropy(
        forward(model, x, { training: false }).logits,
        oneHot,
      ) as tf.Scalar;
    });
  const read = async (t: tf.Tensor) => {
    const v = (await t.data())[0] ?? NaN;
    t.dispose();
    return v;
  };
  const original = Float32Array.from(await variable.data());
  const w = original[ref.index] ?? 0;
  const gradient = tf.tidy(() => {
    const { grads } = tf.variableGrads(lossOf, [variable]);
    return tf.slice(
      tf.reshape(grads[variable.name] ?? tf.zerosLike(variable), [-1]),
      [ref.index],
      [1],
    );
  });
  const backprop = await read(gradient);
  const loss = await read(lossOf());
  const at = async (value: number) => {
    const nudged = original.slice();
    nudged[ref.index] = value;
    variable.assign(tf.tensor(nudged, variable.shape));
    return read(lossOf());
  };
  let lossPlus: number;
  let lossMinus: number;
  try {
    lossPlus = await at(w + epsilon);
    lossMinus = await at(w - epsilon);
  } finally {
    variable.assign(tf.tensor(original, variable.shape));
  }
  const numerical = (lossPlus - lossMinus) / (2 * epsilon);
  const relativeError =
    Math.abs(numerical - backprop) / Math.max(Math.abs(numerical), Math.abs(backprop), 1e-12);
  return { weight: w, epsilon, loss, lossPlus, lossMinus, numerical, backprop, relativeError };
}
