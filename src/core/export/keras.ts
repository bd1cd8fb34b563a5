/**
 * The network and its training as a complete Keras (TensorFlow 2) script. Keras runs NHWC
 * with HWIO kernels like the lab, so a checkpoint's weights load unchanged and flatten keeps
 * the lab's order. Where Keras has no exact counterpart the code says so in a comment.
 */
import { ELU_ALPHA, LEAKY_RELU_ALPHA } from '../activations';
import { BATCHNORM_EPSILON, BATCHNORM_MOMENTUM } from '../reference/dense';
import { exportGraph, noPadding, pyLiteral, pythonName, type ExportLayer } from './graph';
import { isFrozen } from '../layers/frozen';
import type { NetworkDocument } from '../network';
import { PYTHON_DATA_CODE } from './pythonData';
import { OPTIMIZER_CONSTANTS, type ExportSetup } from './setup';

/** Each activation as a Keras layer expression applied to `v`. */
export const KERAS_ACTIVATIONS: Readonly<Record<string, (v: string) => string>> = {
  linear: (v) => v,
  relu: (v) => `layers.ReLU()(${v})`,
  leakyrelu: (v) => `layers.LeakyReLU(${LEAKY_RELU_ALPHA})(${v})`,
  elu: (v) => `layers.ELU(alpha=${ELU_ALPHA})(${v})`,
  sigmoid: (v) => `layers.Activation('sigmoid')(${v})`,
  tanh: (v) => `layers.Activation('tanh')(${v})`,
  softplus: (v) => `layers.Activation('softplus')(${v})`,
  softmax: (v) => `layers.Softmax(axis=-1)(${v})`,
};

const pair = (v: unknown): readonly number[] => (Array.isArray(v) ? v : [v, v]) as number[];

/** Keras's ZeroPadding2D takes ((top, bottom), (left, right)). */
const zeroPad = (l: ExportLayer, x: string): string => {
  const [left, right, top, bottom] = l.padding ?? [0, 0, 0, 0];
  return noPadding(l.padding)
    ? x
    : `layers.ZeroPadding2D(((${top}, ${bottom}), (${left}, ${right})))(${x})`;
};

/** The lab's initialisation schemes (core/initialisation.ts) as Keras initialisers. */
const KERAS_INIT: Readonly<Record<ExportSetup['init'], string>> = {
  zeros: "'zeros'",
  small: 'keras.initializers.RandomNormal(0.0, 0.01)',
  large: 'keras.initializers.RandomNormal(0.0, 1.0)',
  glorot: "'glorot_uniform'",
  // Keras's he_normal is truncated; the lab's He is a plain normal with variance 2 / n_in.
  he: "keras.initializers.VarianceScaling(2.0, 'fan_in', 'untruncated_normal')",
};

/** `trainable=False` for a frozen layer; on a BatchNormalization it also keeps the statistics. */
const frozenArg = (l: ExportLayer): string => (isFrozen(l.params) ? ', trainable=False' : '');

type Writer = (
  l: ExportLayer,
  xs: readonly string[],
  reg: string,
) => { expr: string; note?: string };

/** Each layer type's Keras form (the registry's every type, or the export test fails). */
export const KERAS_LAYERS: Readonly<Record<string, Writer>> = {
  conv2d: (l, [x = 'x'], reg) => ({
    expr: `layers.Conv2D(${pyLiteral(l.params.filters)}, ${pyLiteral(pair(l.params.kernel))}, strides=${pyLiteral(pair(l.params.stride))}, dilation_rate=${pyLiteral(pair(l.params.dilation))}, use_bias=${pyLiteral(l.params.bias !== false)}${reg}${frozenArg(l)}, name=${pyLiteral(l.name)})(${zeroPad(l, x)})`,
  }),
  maxpool2d: (l, [x = 'x']) => ({
    expr: `layers.MaxPooling2D(${pyLiteral(pair(l.params.size))}, strides=${pyLiteral(pair(l.params.stride))})(${zeroPad(l, x)})`,
    ...(noPadding(l.padding)
      ? {}
      : {
          note: 'Keras pads with zeros here; the lab ignores padding in a max pool, so outputs differ where every real value is negative',
        }),
  }),
  avgpool2d: (l, [x = 'x']) => ({
    expr: `layers.AveragePooling2D(${pyLiteral(pair(l.params.size))}, strides=${pyLiteral(pair(l.params.stride))})(${zeroPad(l, x)})`,
    ...(noPadding(l.padding)
      ? {}
      : {
          note: 'Keras averages over the padded zeros too; the lab divides by the real cells only',
        }),
  }),
  globalavgpool2d: (_l, [x = 'x']) => ({ expr: `layers.GlobalAveragePooling2D()(${x})` }),
  flatten: (_l, [x = 'x']) => ({ expr: `layers.Flatten()(${x})` }),
  dense: (l, [x = 'x'], reg) => ({
    expr: `layers.Dense(${pyLiteral(l.params.units)}, use_bias=${pyLiteral(l.params.bias !== false)}${reg}${frozenArg(l)}, name=${pyLiteral(l.name)})(${x})`,
  }),
  // units·k columns (unit j's piece p at j·k + p, as the lab's kernel), the largest per unit.
  maxout: (l, [x = 'x'], reg) => ({
    expr: `keras.ops.max(layers.Reshape((${pyLiteral(l.params.units)}, ${pyLiteral(l.params.pieces)}))(layers.Dense(${pyLiteral((l.params.units as number) * (l.params.pieces as number))}, use_bias=${pyLiteral(l.params.bias !== false)}${reg}${frozenArg(l)}, name=${pyLiteral(l.name)})(${x})), axis=-1)`,
    note: 'maxout (Goodfellow et al. 2013): a dense layer to units × pieces, then the largest piece of each unit',
  }),
  dropout: (l, [x = 'x']) => ({ expr: `layers.Dropout(${pyLiteral(l.params.rate)})(${x})` }),
  batchnorm: (l, [x = 'x']) => ({
    expr: `layers.BatchNormalization(momentum=${BATCHNORM_MOMENTUM}, epsilon=${BATCHNORM_EPSILON}${frozenArg(l)}, name=${pyLiteral(l.name)})(${x})`,
  }),
  activation: (_l, [x = 'x']) => ({ expr: x }),
  add: (_l, xs) => ({ expr: `layers.Add()([${xs.join(', ')}])` }),
  concat: (_l, xs) => ({ expr: `layers.Concatenate(axis=-1)([${xs.join(', ')}])` }),
};

/** The functional model: one line per layer. */
export function kerasModel(
  network: NetworkDocument,
  setup: Pick<ExportSetup, 'l1' | 'l2' | 'init'>,
): string {
  const graph = exportGraph(network);
  // Keras's L2 is λ Σw²; the lab's loss adds (λ₂/2) Σw², so λ = λ₂/2.
  const regulariser =
    setup.l1 || setup.l2
      ? `, kernel_regularizer=regularizers.L1L2(l1=${setup.l1}, l2=${setup.l2 / 2})`
      : '';
  // The lab's initialisation scheme on every kernel; biases start at zero in both.
  const reg = `, kernel_initializer=${KERAS_INIT[setup.init]}${regulariser}`;
  const variable = (name: string) => (name === 'input' ? 'inputs' : pythonName(name));
  const lines = [`    inputs = keras.Input(shape=${pyLiteral(graph.input)})`];
  for (const l of graph.layers) {
    const write = KERAS_LAYERS[l.type];
    if (!write) throw new Error(`The Keras export has no form for the layer type ${l.type}.`);
    const { expr, note } = write(l, l.sources.map(variable), reg);
    const activated = l.activation ? (KERAS_ACTIVATIONS[l.activation] ?? ((v) => v))(expr) : expr;
    if (note) lines.push(`    # ${note}`);
    lines.push(
      `    ${variable(l.name)} = ${activated}  # ${l.name}: ${l.type} → ${l.outputShape.join('×')}`,
    );
  }
  lines.push(
    `    return keras.Model(inputs, ${variable(graph.layers.at(-1)?.name ?? 'input')}, name='labnet')`,
  );
  return ['def build_model():', ...lines, ''].join('\n');
}

export function kerasScript(network: NetworkDocument, setup: ExportSetup): string {
  const graph = exportGraph(network);
  const c = OPTIMIZER_CONSTANTS;
  const optimizer = {
    sgd: `keras.optimizers.SGD(learning_rate=${setup.learningRate})`,
    momentum: `keras.optimizers.SGD(learning_rate=${setup.learningRate}, momentum=${c.momentum})`,
    adam: `keras.optimizers.Adam(learning_rate=${setup.learningRate}, beta_1=${c.beta1}, beta_2=${c.beta2}, epsilon=${c.epsilon})`,
  }[setup.optimizer];
  const softmaxLast = graph.layers.at(-1)?.activation === 'softmax';
  return `#!/usr/bin/env python3
"""${graph.name || 'A network'} from CNN Lab, as Keras (TensorFlow 2).

Dataset: ${setup.dataset.title}; the lab's data files are read from --data (default public/data).
${setup.checkpointFile ? `Weights: loaded from the lab's checkpoint ${setup.checkpointFile}; Keras uses the lab's HWIO layout.` : "Weights: trained from scratch with the lab's settings."}
"""
import argparse, base64, gzip, json, math, os, struct

import keras
import numpy as np
from keras import layers, regularizers

${kerasModel(network, setup)}

${PYTHON_DATA_CODE}

def load_checkpoint(model, path):
    """The lab's weights by layer name: kernels, biases, gamma, beta and statistics, as stored."""
    with open(path) as f:
        checkpoint = json.load(f)
    by_layer = {}
    for entry in checkpoint['weights']:
        dtype = {'float16': np.float16, 'float32': np.float32}[entry['dtype']]
        value = np.frombuffer(base64.b64decode(entry['data']), dtype=dtype).astype(np.float32).reshape(entry['shape'])
        by_layer.setdefault(entry['name'], {})[entry['role']] = value
    order = ['kernel', 'bias', 'gamma', 'beta', 'movingMean', 'movingVariance']
    for name, roles in by_layer.items():
        model.get_layer(name).set_weights([roles[r] for r in order if r in roles])


def main():
    parser = argparse.ArgumentParser(description=__doc__)
    parser.add_argument('--data', default=os.path.join('public', 'data'))
    parser.add_argument('--checkpoint', default=${setup.checkpointFile ? pyLiteral(setup.checkpointFile) : 'None'})
    args = parser.parse_args()
    keras.utils.set_random_seed(${setup.seed})
    name = ${pyLiteral(setup.dataset.id)}
    train_images, train_labels, _ = read_cnnlab(os.path.join(args.data, f'{name}-train.cnnlab'))
    test_images, test_labels, _ = read_cnnlab(os.path.join(args.data, f'{name}-test.cnnlab'))
    (train_images, train_labels), (val_images, val_labels) = split_validation(train_images, train_labels, ${setup.validationSplit}, ${setup.seed})
    mean, std = ${setup.stats ? `[${setup.stats.mean.join(', ')}], [${setup.stats.std.join(', ')}]` : 'channel_stats(train_images)'}
    mean_image = train_images.mean(axis=0)
    prep = lambda images: normalise(images, ${pyLiteral(setup.normalisation)}, mean, std, mean_image)
    model = build_model()
    # ${softmaxLast ? 'The last layer ends in a softmax, so the loss takes probabilities.' : 'The last layer has no softmax: its outputs are logits.'}
    model.compile(optimizer=${optimizer}, loss=keras.losses.SparseCategoricalCrossentropy(from_logits=${softmaxLast ? 'False' : 'True'}), metrics=['accuracy'])
    model.summary()
    if args.checkpoint:
        load_checkpoint(model, args.checkpoint)
    else:
        # The lab's augmentation (flip, shift, rotation, zoom, brightness, noise) is not applied by fit here.
        model.fit(prep(train_images), train_labels, batch_size=${setup.batchSize}, epochs=${setup.epochs},
                  validation_data=(prep(val_images), val_labels), shuffle=True)
    loss, accuracy = model.evaluate(prep(test_images), test_labels, verbose=0)
    print(f'test: loss {loss:.4f}, accuracy {accuracy:.2%}')


if __name__ == '__main__':
    main()
`;
}
