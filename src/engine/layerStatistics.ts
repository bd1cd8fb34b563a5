import type { Random } from '../core/random';
import { forward, type Model } from './model';
import { readValues } from './records';
import { tf, type Tensor } from './tf';
import type { BatchInput } from './train';
import { classCountOf, inputTensor, softmaxCrossEntropy } from './train';

/**
 * What every layer of a network does with one fixed batch, for the initialisation and
 * batch-norm experiment: each layer's outputs, ∂L/∂(output) and its kernel, as plain
 * arrays. The forward pass is in training mode, as a training step sees it (batch norm on
 * the batch's statistics, dropout masks from `dropoutRandom`), but the running statistics
 * are left alone: measuring does not change the network.
 */
export interface LayerBatchValues {
  readonly layerIndex: number;
  readonly name: string;
  readonly type: string;
  /** Output shape of one example (the batch axis left out). */
  readonly shape: readonly number[];
  /** Every example's output, batch-major. */
  readonly outputs: Float32Array;
  /** ∂L/∂(output) of the mean batch loss; for a last layer ending in softmax, w.r.t. its logits. */
  readonly outputGradients: Float32Array;
  /** The kernel and its shape (units on the last axis), or null for a layer without one. */
  readonly kernel: { readonly shape: readonly number[]; readonly values: Float32Array } | null;
}

export interface BatchStatistics {
  readonly layers: LayerBatchValues[];
  /** Mean softmax cross-entropy over the batch. */
  readonly loss: number;
}

/**
 * Measures `batch` through `model` (see the interface). The gradients with respect to the
 * outputs come from zero probe tensors added to each output, as in `inspectSample`: tfjs
 * differentiates with respect to the probes, which are inputs of the computation.
 */
export async function measureBatch(
  model: Model,
  batch: BatchInput,
  dropoutRandom: Random,
): Promise<BatchStatistics> {
  const classes = classCountOf(model);
  const { outputs, loss, probeGrads } = tf.tidy(() => {
    const x = inputTensor(model, batch.images, batch.count);
    const oneHot = tf.oneHot(tf.tensor1d(Int32Array.from(batch.labels), 'int32'), classes);
    const probes = model.layers.map((l) =>
      tf.zeros([batch.count, ...(l.report.outputShape ?? [])]),
    );
    let kept: Tensor[] = [];
    const { value, grads } = tf.engine().gradients(
      () => {
        const result = forward(model, x, {
          training: true,
          dropoutRandom,
          updateState: false,
          probes,
        });
        kept = result.outputs.map((t) => tf.keep(t));
        return softmaxCrossEntropy(result.logits, tf.cast(oneHot, 'float32'));
      },
      probes,
      undefined,
      true,
    );
    return { outputs: kept, loss: value, probeGrads: grads };
  });
  try {
    const layers: LayerBatchValues[] = [];
    for (const layer of model.layers) {
      const output = outputs[layer.index];
      const gradient = probeGrads[layer.index];
      const kernel = layer.weights.kernel;
      layers.push({
        layerIndex: layer.index,
        name: layer.name,
        type: layer.type,
        shape: [...(layer.report.outputShape ?? [])],
        outputs: output ? await readValues(output) : new Float32Array(0),
        outputGradients: gradient ? await readValues(gradient) : new Float32Array(0),
        kernel: kernel ? { shape: [...kernel.shape], values: await readValues(kernel) } : null,
      });
    }
    return { layers, loss: (await loss.data())[0] ?? NaN };
  } finally {
    tf.dispose([...outputs, loss, ...probeGrads]);
  }
}
