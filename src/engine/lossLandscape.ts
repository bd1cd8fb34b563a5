import { filterNormalisedDirection, isDirectionRole } from '../core/descent/landscape';
import type { Random } from '../core/random';
import type { BatchInput } from './train';
import { classCountOf, inputTensor, softmaxCrossEntropy } from './train';
import { forward, type Model } from './model';
import { readValues } from './records';
import { tf, type Tensor, type Variable } from './tf';

/**
 * The network's loss over a plane of weight space through its current weights θ:
 * L(θ + α·δ + β·η) for filter-normalised random directions δ and η (core/descent/landscape.ts,
 * after Li et al. 2018), measured on one fixed batch in test mode (dropout off, batch norm on
 * its running statistics), so every point of the grid is judged on the same images the same
 * way. The weights are moved to each point and put back exactly (the values saved before the
 * row are assigned again, bit for bit) before the turn on the model ends.
 */

/** The two directions of one moved weight, as tensors of its shape. */
interface MovedWeight {
  readonly variable: Variable;
  readonly delta: Tensor;
  readonly eta: Tensor;
}

/** Everything a row of the grid needs, built once: directions, the batch's tensors. */
export interface LandscapePlane {
  /** The loss at each α of the row β: θ + α·δ + β·η, weights restored afterwards. */
  row(alphas: ArrayLike<number>, beta: number): Promise<Float32Array>;
  /** The loss of the weights as they are, on the same batch. */
  plainLoss(): Promise<number>;
  /** The directions' values for each model weight in `trainableWeights` order (zeros for unmoved ones). */
  directions(): Promise<{ delta: Float32Array[]; eta: Float32Array[] }>;
  dispose(): void;
}

/** Mean softmax cross-entropy of the model on a batch, in test mode. Call inside tf.tidy. */
function batchLoss(model: Model, x: Tensor, oneHot: Tensor): Tensor {
  return softmaxCrossEntropy(forward(model, x, { training: false }).logits, oneHot);
}

/**
 * Builds the plane through the model's current weights: one pair of directions for each
 * kernel (the stream `random/<layer>/<role>/delta|eta`, so a layer's directions do not depend
 * on the others), and the batch as tensors kept until `dispose`.
 */
export async function createLandscapePlane(
  model: Model,
  batch: BatchInput,
  random: Random,
): Promise<LandscapePlane> {
  const classes = classCountOf(model);
  const x = inputTensor(model, batch.images, batch.count);
  const oneHot = tf.tidy(() =>
    tf.cast(tf.oneHot(tf.tensor1d(Int32Array.from(batch.labels), 'int32'), classes), 'float32'),
  );
  const moved: MovedWeight[] = [];
  const all: { variable: Variable; delta: Float32Array; eta: Float32Array }[] = [];
  for (const layer of model.layers) {
    for (const spec of layer.specs) {
      const variable = layer.weights[spec.role];
      if (!variable || !spec.trainable) continue;
      const weight = { role: spec.role, shape: variable.shape, data: await readValues(variable) };
      const stream = random.fork(layer.name).fork(spec.role);
      const delta = filterNormalisedDirection(weight, stream.fork('delta'));
      const eta = filterNormalisedDirection(weight, stream.fork('eta'));
      all.push({ variable, delta, eta });
      if (isDirectionRole(spec.role))
        moved.push({
          variable,
          delta: tf.tensor(delta, variable.shape),
          eta: tf.tensor(eta, variable.shape),
        });
    }
  }
  const order = new Map(model.trainableWeights.map((w, i) => [w, i]));
  all.sort((a, b) => (order.get(a.variable) ?? 0) - (order.get(b.variable) ?? 0));

  const lossNow = async (): Promise<number> => {
    const loss = tf.tidy(() => batchLoss(model, x, oneHot));
    const value = (await loss.data())[0] ?? NaN;
    loss.dispose();
    return value;
  };

  return {
    async row(alphas, beta) {
      const saved = moved.map((m) => tf.clone(m.variable));
      const losses = new Float32Array(alphas.length);
      try {
        for (let i = 0; i < alphas.length; i++) {
          const alpha = alphas[i] ?? 0;
          moved.forEach((m, k) =>
            tf.tidy(() =>
              m.variable.assign(
                tf.add(saved[k] as Tensor, tf.add(tf.mul(m.delta, alpha), tf.mul(m.eta, beta))),
              ),
            ),
          );
          losses[i] = await lossNow();
        }
      } finally {
        // The saved tensors hold the exact values from before the row: assigning them back
        // leaves every bit as it was, whatever rounding the sums above did.
        moved.forEach((m, k) => m.variable.assign(saved[k] as Tensor));
        tf.dispose(saved);
      }
      return losses;
    },
    plainLoss: lossNow,
    async directions() {
      return { delta: all.map((a) => a.delta), eta: all.map((a) => a.eta) };
    },
    dispose() {
      tf.dispose([x, oneHot, ...moved.flatMap((m) => [m.delta, m.eta])]);
    },
  };
}
