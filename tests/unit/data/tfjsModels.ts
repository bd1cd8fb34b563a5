import * as tf from '@tensorflow/tfjs-core';
import * as tfl from '@tensorflow/tfjs-layers';

/**
 * Real TensorFlow.js Layers models for the import tests, written by tfjs-layers itself
 * through a custom IOHandler: the model.json (format, modelTopology, weightsManifest) and
 * the weight bytes exactly as `model.save('downloads://…')` would give them.
 */

export interface SavedModel {
  /** The parsed model.json. */
  readonly json: Record<string, unknown>;
  /** The one weight file, named as the manifest names it. */
  readonly binName: string;
  readonly bin: Uint8Array;
}

export const BIN_NAME = 'group1-shard1of1.bin';

/** Saves a model as the converter's files would hold it. */
export async function saveModel(model: tfl.LayersModel): Promise<SavedModel> {
  let saved: SavedModel | null = null;
  await model.save({
    save: async (artifacts) => {
      const data = artifacts.weightData;
      const bytes = Array.isArray(data)
        ? new Uint8Array(await new Blob(data).arrayBuffer())
        : new Uint8Array((data ?? new ArrayBuffer(0)) as ArrayBuffer);
      saved = {
        json: {
          format: artifacts.format,
          generatedBy: artifacts.generatedBy,
          convertedBy: artifacts.convertedBy ?? null,
          modelTopology: artifacts.modelTopology,
          weightsManifest: [{ paths: [`./${BIN_NAME}`], weights: artifacts.weightSpecs }],
        },
        binName: BIN_NAME,
        bin: bytes.slice(),
      };
      return { modelArtifactsInfo: { dateSaved: new Date(), modelTopologyType: 'JSON' } };
    },
  });
  if (!saved) throw new Error('tfjs-layers did not save the model');
  return saved;
}

/** Deterministic values in [-scale, scale] (a tiny LCG: the tests need variety, not quality). */
export function seededValues(count: number, seed: number, scale = 0.5): Float32Array {
  let s = seed >>> 0 || 1;
  return Float32Array.from({ length: count }, () => {
    s = (Math.imul(s, 1664525) + 1013904223) >>> 0;
    return (s / 2 ** 32) * 2 * scale - scale;
  });
}

/** Gives every weight seeded values (variances positive), so each weight's place is checked. */
export function randomiseWeights(model: tfl.LayersModel, seed: number): void {
  const weights = model.weights.map((w, i) => {
    const shape = w.shape as number[];
    const count = shape.reduce((p, n) => p * n, 1);
    let values = seededValues(count, seed + i * 7919);
    if (w.name.includes('moving_variance')) values = values.map((v) => 0.5 + Math.abs(v));
    return tf.tensor(values, shape);
  });
  model.setWeights(weights);
  weights.forEach((t) => t.dispose());
}

/** A Sequential CNN over the layers a small classifier uses, 'same' padding and dilation included. */
export function sequentialCnn(): tfl.Sequential {
  const m = tfl.sequential({ name: 'small_cnn' });
  m.add(
    tfl.layers.conv2d({
      inputShape: [9, 9, 1],
      filters: 3,
      kernelSize: 3,
      strides: 2,
      padding: 'same',
      activation: 'relu',
    }),
  );
  m.add(tfl.layers.batchNormalization());
  m.add(
    tfl.layers.conv2d({
      filters: 4,
      kernelSize: 2,
      dilationRate: 2,
      padding: 'same',
      useBias: false,
    }),
  );
  m.add(tfl.layers.maxPooling2d({ poolSize: 2, strides: 1, padding: 'same' }));
  m.add(tfl.layers.averagePooling2d({ poolSize: 3, strides: 2, padding: 'same' }));
  m.add(tfl.layers.activation({ activation: 'tanh' }));
  m.add(tfl.layers.flatten());
  m.add(tfl.layers.dense({ units: 6, activation: 'elu' }));
  m.add(tfl.layers.dropout({ rate: 0.25 }));
  m.add(tfl.layers.dense({ units: 4, activation: 'softmax' }));
  return m;
}

/** A Functional model with a folded ZeroPadding2D, a skip connection, a concat and activation layers. */
export function functionalCnn(): tfl.LayersModel {
  const input = tfl.input({ shape: [8, 8, 2], name: 'pixels' });
  const padded = tfl.layers.zeroPadding2d({ padding: 1, name: 'pad' }).apply(input);
  const a = tfl.layers.conv2d({ filters: 3, kernelSize: 3, name: 'conv_a' }).apply(padded);
  const b = tfl.layers.conv2d({ filters: 3, kernelSize: 1, name: 'conv_b' }).apply(input);
  const sum = tfl.layers.add({ name: 'skip' }).apply([a, b] as tfl.SymbolicTensor[]);
  const leaky = tfl.layers.leakyReLU({ alpha: 0.01, name: 'leaky' }).apply(sum);
  const elu = tfl.layers.elu({ name: 'elu' }).apply(leaky);
  const relu = tfl.layers.reLU({ name: 'relu' }).apply(input);
  const joined = tfl.layers
    .concatenate({ name: 'join' })
    .apply([elu, relu] as tfl.SymbolicTensor[]);
  const pooled = tfl.layers.globalAveragePooling2d({ name: 'gap' }).apply(joined);
  const logits = tfl.layers.dense({ units: 5, name: 'logits' }).apply(pooled);
  const probs = tfl.layers.softmax({ name: 'probs' }).apply(logits) as tfl.SymbolicTensor;
  return tfl.model({ inputs: input, outputs: probs, name: 'skip_net' });
}

/** A model with a layer the lab does not know (layer normalisation), third in its list. */
export function unknownLayerModel(): tfl.Sequential {
  const m = tfl.sequential({ name: 'normed' });
  m.add(tfl.layers.flatten({ inputShape: [28, 28, 1], name: 'flat' }));
  m.add(tfl.layers.dense({ units: 16, name: 'hidden' }));
  m.add(tfl.layers.layerNormalization({ name: 'norm' }));
  m.add(tfl.layers.dense({ units: 10, activation: 'softmax', name: 'digits' }));
  return m;
}

/** A vector model: dense, batch norm on vectors, sigmoid and softplus. */
export function vectorMlp(): tfl.Sequential {
  const m = tfl.sequential({ name: 'mlp' });
  m.add(tfl.layers.dense({ inputShape: [6], units: 5, activation: 'sigmoid' }));
  m.add(tfl.layers.batchNormalization({ epsilon: 1e-5, momentum: 0.9 }));
  m.add(tfl.layers.dense({ units: 4, activation: 'softplus' }));
  m.add(tfl.layers.dense({ units: 3, activation: 'softmax' }));
  return m;
}

/** An MNIST-shaped model whose input is 28×28 with no channel axis, as many Keras tutorials build. */
export function flatMnist(): tfl.Sequential {
  const m = tfl.sequential({ name: 'flat_mnist' });
  m.add(tfl.layers.flatten({ inputShape: [28, 28] }));
  m.add(tfl.layers.dense({ units: 10, activation: 'softmax' }));
  return m;
}

/**
 * A model that says the same digit whatever it sees: every kernel zero, the bias of `digit`
 * high, so a browser test can tell the imported weights from freshly drawn ones.
 */
export function constantDigitModel(digit: number): tfl.Sequential {
  const m = tfl.sequential({ name: 'always_' + String(digit) });
  m.add(
    tfl.layers.conv2d({
      inputShape: [28, 28, 1],
      filters: 2,
      kernelSize: 5,
      strides: 3,
      activation: 'relu',
      name: 'features',
    }),
  );
  m.add(tfl.layers.flatten({ name: 'flat' }));
  m.add(tfl.layers.dense({ units: 10, activation: 'softmax', name: 'digits' }));
  const weights = m.weights.map((w) => {
    const shape = w.shape as number[];
    // The dense layer's bias is the one weight of shape [10] (names get suffixes in a second model).
    const bias = shape.length === 1 && shape[0] === 10;
    return bias
      ? tf.tensor(
          Array.from({ length: 10 }, (_, i) => (i === digit ? 4 : 0)),
          shape,
        )
      : tf.zeros(shape);
  });
  m.setWeights(weights);
  weights.forEach((t) => t.dispose());
  return m;
}
