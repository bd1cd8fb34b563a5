import { fgsmStep, iterativeStep, type AttackMethod } from '../core/adversarial';
import type { BatchOptions } from '../data/batches';
import { normalisePixels } from '../data/normalise';
import { forward, type Model } from './model';
import { readValues } from './records';
import { tf, type Tensor } from './tf';
import { classCountOf, inputTensor } from './train';

/**
 * Adversarial examples on the person's network, in pixel space. An attack perturbs the image
 * a person sees (pixels 0..1, byte / 255), not the normalised numbers the network takes, so ε
 * means the same under every normalisation and clipping keeps a real image. The run's
 * normalisation is affine per value, x = s·p + o, and is put in front of the network here, so
 * the gradient is ∇ₚL = s ⊙ ∇ₓL, taken by tfjs with respect to the input alone: the weights
 * are read, never written.
 */

/** The run's normalisation as x = scale·p + offset for every value of one image (pixels p in 0..1). */
export interface PixelAffine {
  readonly scale: Float32Array;
  readonly offset: Float32Array;
}

/**
 * The affine form of a normalisation, read off the normaliser itself: an all-black image gives
 * the offset, an all-white one offset + scale. Every mode of data/normalise.ts is affine in the
 * byte, so this is exact, and it follows a mode added there without a copy of its formula.
 */
export function pixelAffineOf(options: BatchOptions, size: number, channels: number): PixelAffine {
  const black = normalisePixels(
    new Uint8Array(size),
    channels,
    options.normalisation,
    options.stats,
  );
  const white = normalisePixels(
    new Uint8Array(size).fill(255),
    channels,
    options.normalisation,
    options.stats,
  );
  return { scale: white.map((w, i) => w - (black[i] ?? 0)), offset: black };
}

/** Bytes 0..255 to pixels 0..1: p = byte / 255. */
export function pixelsOfBytes(bytes: ArrayLike<number>): Float32Array {
  return Float32Array.from(bytes, (b) => b / 255);
}

/** The normalised network input for `count` pixel images, [count, ...inputShape]. */
function normalisedInput(model: Model, pixels: Tensor, count: number, affine: PixelAffine): Tensor {
  const shape = [1, ...model.inputShape];
  return tf.add(
    tf.mul(tf.reshape(pixels, [count, ...model.inputShape]), tf.tensor(affine.scale, shape)),
    tf.tensor(affine.offset, shape),
  );
}

/**
 * ∇ₚ Σₙ Lₙ for `count` images in pixel space, with Lₙ the softmax cross-entropy of image n
 * against label n, in test mode (dropout off). A sum, not a mean, so each image's gradient
 * is its own loss's, whatever the batch.
 */
export async function pixelGradient(
  model: Model,
  pixels: Float32Array,
  labels: ArrayLike<number>,
  affine: PixelAffine,
): Promise<Float32Array> {
  const count = labels.length;
  const classes = classCountOf(model);
  const gradient = tf.tidy(() => {
    const p = inputTensor(model, pixels, count);
    const oneHot = tf.oneHot(tf.tensor1d(Int32Array.from(labels), 'int32'), classes);
    const loss = (input: Tensor) => {
      const logits = forward(model, normalisedInput(model, input, count, affine), {
        training: false,
      }).logits;
      return tf.sum(tf.sub(tf.logSumExp(logits, -1), tf.sum(tf.mul(logits, oneHot), -1)));
    };
    return tf.grad(loss)(p);
  });
  const values = await readValues(gradient);
  gradient.dispose();
  return values;
}

/** Softmax probabilities, count × classes, for `count` images in pixel space (test mode). */
export async function pixelProbabilities(
  model: Model,
  pixels: Float32Array,
  count: number,
  affine: PixelAffine,
): Promise<Float32Array> {
  const probabilities = tf.tidy(() => {
    const p = inputTensor(model, pixels, count);
    return tf.softmax(
      forward(model, normalisedInput(model, p, count, affine), { training: false }).logits,
    );
  });
  const values = await readValues(probabilities);
  probabilities.dispose();
  return values;
}

/** The most probable class of each of `count` rows of probabilities. */
export function predictedClasses(probabilities: Float32Array, count: number): Uint8Array {
  const classes = probabilities.length / count;
  const out = new Uint8Array(count);
  for (let n = 0; n < count; n++) {
    let best = 0;
    for (let k = 1; k < classes; k++)
      if ((probabilities[n * classes + k] ?? 0) > (probabilities[n * classes + best] ?? 0))
        best = k;
    out[n] = best;
  }
  return out;
}

export interface AttackSettings {
  readonly method: AttackMethod;
  /** The L∞ budget in pixel units (0..1). */
  readonly epsilon: number;
  /** The iterative method's steps k and step size α (pixel units); FGSM ignores them. */
  readonly steps: number;
  readonly alpha: number;
}

/**
 * The adversarial version of a batch of pixel images: one FGSM step of ε from the clean
 * gradient, or k iterative steps of α projected back into the ε-ball, each on a new gradient.
 * `cleanGradient` spares FGSM a gradient the caller already has (the sweep reuses one for every ε).
 */
export async function attackPixels(
  model: Model,
  pixels: Float32Array,
  labels: ArrayLike<number>,
  affine: PixelAffine,
  settings: AttackSettings,
  cleanGradient?: Float32Array,
): Promise<Float32Array> {
  const first = cleanGradient ?? (await pixelGradient(model, pixels, labels, affine));
  if (settings.method === 'fgsm') return fgsmStep(pixels, first, settings.epsilon);
  let current = iterativeStep(pixels, pixels, first, settings.alpha, settings.epsilon);
  for (let k = 1; k < settings.steps; k++) {
    const gradient = await pixelGradient(model, current, labels, affine);
    current = iterativeStep(current, pixels, gradient, settings.alpha, settings.epsilon);
  }
  return current;
}
