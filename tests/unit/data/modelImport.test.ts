import '@tensorflow/tfjs-backend-cpu';
import type * as tfl from '@tensorflow/tfjs-layers';
import { beforeAll, describe, expect, test } from 'vitest';
import { importTfjsLayersModel } from '../../../src/core/import/tfjsLayers';
import type { NetworkDocument } from '../../../src/core/network';
import {
  decodeWeight,
  fromFloat16,
  parseCheckpoint,
  toFloat16,
} from '../../../src/data/checkpoint';
import type { DatasetEntry } from '../../../src/data/manifest';
import {
  datasetForNetwork,
  importTfjsModel,
  type ModelFile,
  type ModelImportResult,
} from '../../../src/data/modelImport';
import { chooseBackend } from '../../../src/engine/backend';
import { createModel } from '../../../src/engine/model';
import { writeWeights } from '../../../src/engine/records';
import { tf } from '../../../src/engine/tf';
import { predictBatch } from '../../../src/engine/train';
import {
  BIN_NAME,
  constantDigitModel,
  flatMnist,
  functionalCnn,
  randomiseWeights,
  saveModel,
  seededValues,
  sequentialCnn,
  vectorMlp,
  type SavedModel,
} from './tfjsModels';

/**
 * The TensorFlow.js model import against real tfjs-layers models: each model saved by
 * tfjs-layers (as the converter writes it), imported, and run in the lab's engine must give
 * tfjs-layers' own predictions; hostile and unsupported files are refused with a message
 * that names what is wrong, and nothing throws.
 */

const file = (name: string, bytes: Uint8Array | string): ModelFile => {
  const data = typeof bytes === 'string' ? new TextEncoder().encode(bytes) : bytes;
  return { name, size: data.length, read: async () => data.slice().buffer };
};
const filesOf = (saved: SavedModel): ModelFile[] => [
  file('model.json', JSON.stringify(saved.json)),
  file(saved.binName, saved.bin),
];
const anyDataset = () => ({ dataset: 'mnist' });
const importFiles = (files: readonly ModelFile[]) =>
  importTfjsModel(files, { datasetFor: anyDataset });

function problemsOf(result: ModelImportResult): readonly string[] {
  if (result.ok) throw new Error('expected the import to be refused');
  return result.error.problems;
}

/** Both frameworks on the same inputs: tfjs-layers' predict, and the lab's engine with the imported weights. */
async function compare(model: tfl.LayersModel, labInput: readonly number[], seed: number) {
  const saved = await saveModel(model);
  const result = await importFiles(filesOf(saved));
  if (!result.ok) throw new Error(result.error.problems.join('\n'));
  const count = 3;
  const inputShape = (model.inputs[0]?.shape ?? []).slice(1) as number[];
  const size = inputShape.reduce((p, n) => p * n, 1);
  const images = seededValues(count * size, seed, 1);
  const expected = tf.tidy(() =>
    (model.predict(tf.tensor(images, [count, ...inputShape])) as tf.Tensor).dataSync(),
  );
  // The checkpoint goes through the same parse the app's "Open a checkpoint" uses.
  const checkpoint = parseCheckpoint(JSON.parse(JSON.stringify(result.model.checkpoint)));
  expect(checkpoint.network.input).toEqual(labInput);
  const lab = createModel(checkpoint.network, { seed: 1, init: 'glorot' });
  try {
    writeWeights(lab, checkpoint.weights.map(decodeWeight));
    const got = await predictBatch(lab, images, count);
    expect(got.length).toBe(expected.length);
    got.forEach((v, i) =>
      expect(Math.abs(v - (expected[i] ?? NaN)), `value ${i}`).toBeLessThan(1e-5),
    );
  } finally {
    lab.dispose();
  }
  return result.model;
}

beforeAll(async () => {
  tf.env().set('IS_TEST', true);
  await chooseBackend({ preferred: 'cpu' });
});

describe('importing a TensorFlow.js Layers model', () => {
  test('a Sequential CNN predicts in the lab exactly as in tfjs-layers', async () => {
    const m = sequentialCnn();
    randomiseWeights(m, 11);
    const model = await compare(m, [9, 9, 1], 5);
    expect(model.network.layers.map((l) => l.type)).toEqual([
      'conv2d',
      'batchnorm',
      'conv2d',
      'maxpool2d',
      'avgpool2d',
      'activation',
      'flatten',
      'dense',
      'dropout',
      'dense',
    ]);
    expect(model.network.layers[0]).toMatchObject({
      id: 'conv2d_Conv2D1',
      padding: 'same',
      stride: [2, 2],
      activation: 'relu',
    });
    // A Sequential model reads as a chain: no layer needs to name its inputs.
    expect(model.network.layers.some((l) => 'inputs' in l)).toBe(false);
    expect(model.files).toEqual(['model.json', BIN_NAME]);
    expect(model.notes.join(' ')).toMatch(/moving variance was raised/);
  });

  test('a Functional model with zero padding, a skip connection and a concat predicts the same', async () => {
    const m = functionalCnn();
    randomiseWeights(m, 23);
    const model = await compare(m, [8, 8, 2], 7);
    const byId = new Map(model.network.layers.map((l) => [l.id, l]));
    // ZeroPadding2D became conv_a's padding; the skip and the concat name their inputs.
    expect(byId.has('pad')).toBe(false);
    expect(byId.get('conv_a')).toMatchObject({ padding: [1, 1] });
    expect(byId.get('conv_b')).toMatchObject({ inputs: ['input'] });
    expect(byId.get('skip')).toMatchObject({ type: 'add', inputs: ['conv_a', 'conv_b'] });
    expect(byId.get('join')).toMatchObject({ type: 'concat', inputs: ['elu', 'relu'] });
    expect(byId.get('leaky')).toMatchObject({ type: 'activation', fn: 'leakyrelu' });
    expect(model.notes.join(' ')).toMatch(/“pad” \(ZeroPadding2D\) became the padding of “conv_a”/);
  });

  test('a vector model and a 28×28 model that only flattens its input predict the same', async () => {
    const mlp = vectorMlp();
    randomiseWeights(mlp, 31);
    await compare(mlp, [6], 9);
    const flat = flatMnist();
    randomiseWeights(flat, 37);
    await compare(flat, [28, 28, 1], 3);
  });

  test('the Keras 3 converter’s format (call records, batch_shape, model-prefixed weight names) predicts the same', async () => {
    const m = functionalCnn();
    randomiseWeights(m, 41);
    const saved = await saveModel(m);
    const keras3 = toKeras3(saved);
    const result = await importFiles(filesOf(keras3));
    if (!result.ok) throw new Error(result.error.problems.join('\n'));
    const direct = await importFiles(filesOf(saved));
    if (!direct.ok) throw new Error('the tfjs form failed');
    expect(result.model.network.layers).toEqual(direct.model.network.layers);
    expect(result.model.checkpoint.weights).toEqual(direct.model.checkpoint.weights);
  });

  test('the Keras 2 converter’s layout (model_config, an InputLayer first, batch norm on axis [3]) predicts the same', async () => {
    const m = sequentialCnn();
    randomiseWeights(m, 43);
    const saved = await saveModel(m);
    const keras2 = toKeras2(saved);
    const result = await importFiles(filesOf(keras2));
    if (!result.ok) throw new Error(result.error.problems.join('\n'));
    const direct = await importFiles(filesOf(saved));
    if (!direct.ok) throw new Error('the tfjs form failed');
    expect(result.model.network.layers).toEqual(direct.model.network.layers);
    expect(result.model.checkpoint.weights).toEqual(direct.model.checkpoint.weights);
    // Batch norm over the height (axis 1) is not the lab's: refused with the axis named.
    const height = structuredClone(keras2.json) as typeof keras2.json & {
      modelTopology: {
        model_config: { config: { layers: { config: Record<string, unknown> }[] } };
      };
    };
    const bn = height.modelTopology.model_config.config.layers[2];
    if (bn) bn.config.axis = [1];
    expect(problemsOf(await importFiles(filesOf({ ...keras2, json: height })))[0]).toMatch(
      /^Layer 3 \(“batch_normalization_BatchNormalization\d+”, BatchNormalization\) cannot be imported: it acts on axis 1 of its 5×5×3 input/,
    );
  });

  test('weights split over two shards, and weights quantised to float16 and uint8, read back as the manifest says', async () => {
    const m = vectorMlp();
    randomiseWeights(m, 47);
    const saved = await saveModel(m);
    const direct = await importFiles(filesOf(saved));
    if (!direct.ok) throw new Error('the plain form failed');
    // The converter cuts shards at a byte count, even inside a weight.
    const cut = 37;
    const sharded = structuredClone(saved.json) as {
      weightsManifest: { paths: string[]; weights: Record<string, unknown>[] }[];
    };
    const group = sharded.weightsManifest[0];
    if (!group) throw new Error('no weight group');
    group.paths = ['group1-shard1of2.bin', 'group1-shard2of2.bin'];
    const split = await importFiles([
      file('model.json', JSON.stringify(sharded)),
      file('group1-shard2of2.bin', saved.bin.slice(cut)),
      file('group1-shard1of2.bin', saved.bin.slice(0, cut)),
    ]);
    if (!split.ok) throw new Error(split.error.problems.join('\n'));
    expect(split.model.checkpoint.weights).toEqual(direct.model.checkpoint.weights);

    // First weight as float16, second as uint8 (q·scale + min), the rest float32.
    const floats = new Float32Array(saved.bin.slice().buffer);
    const parts: Uint8Array[] = [];
    const expected: Float32Array[] = [];
    let at = 0;
    group.paths = [BIN_NAME];
    group.weights.forEach((w, i) => {
      const count = (w.shape as number[]).reduce((p, n) => p * n, 1);
      const values = floats.slice(at, at + count);
      at += count;
      if (i === 0) {
        const halves = toFloat16(values);
        w.quantization = { dtype: 'float16' };
        parts.push(new Uint8Array(halves.buffer));
        expected.push(fromFloat16(halves));
      } else if (i === 1) {
        const [scale, min] = [0.01, -1];
        const q = Uint8Array.from(values, (v) =>
          Math.max(0, Math.min(255, Math.round((v - min) / scale))),
        );
        w.quantization = { dtype: 'uint8', scale, min };
        parts.push(q);
        expected.push(Float32Array.from(q, (v) => v * scale + min));
      } else {
        parts.push(new Uint8Array(values.buffer));
        expected.push(values);
      }
    });
    const bin = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    parts.reduce((offset, p) => (bin.set(p, offset), offset + p.length), 0);
    const quantised = await importFiles([
      file('model.json', JSON.stringify(sharded)),
      file(BIN_NAME, bin),
    ]);
    if (!quantised.ok) throw new Error(quantised.error.problems.join('\n'));
    const names = group.weights.map((w) => String(w.name));
    const lab = quantised.model.checkpoint.weights.map(decodeWeight);
    for (const [i, name] of names.slice(0, 2).entries()) {
      const [layer, suffix] = name.split('/');
      const role = suffix === 'kernel' ? 'kernel' : 'bias';
      const got = lab.find((w) => w.name === layer && w.role === role);
      expect(got?.data, name).toEqual(expected[i]);
    }
  });

  test('the constant-digit fixture says its digit', async () => {
    const saved = await saveModel(constantDigitModel(7));
    const result = await importFiles(filesOf(saved));
    if (!result.ok) throw new Error(result.error.problems.join('\n'));
    const lab = createModel(result.model.network, { seed: 1, init: 'glorot' });
    writeWeights(lab, result.model.checkpoint.weights.map(decodeWeight));
    const p = await predictBatch(lab, seededValues(784, 1, 1), 1);
    lab.dispose();
    expect(p.indexOf(Math.max(...p))).toBe(7);
    expect(p[7]).toBeCloseTo(Math.exp(4) / (Math.exp(4) + 9), 5);
  });
});

/** Rewrites a tfjs-layers Sequential model.json as the Keras 2 converter lays it out. */
function toKeras2(saved: SavedModel): SavedModel {
  const json = structuredClone(saved.json) as {
    modelTopology: {
      config: { name: string; layers: { class_name: string; config: Record<string, unknown> }[] };
    };
  };
  const layers = json.modelTopology.config.layers;
  const first = layers[0]?.config ?? {};
  const batchShape = first.batch_input_shape;
  delete first.batch_input_shape;
  layers.unshift({
    class_name: 'InputLayer',
    config: {
      batch_input_shape: batchShape,
      dtype: 'float32',
      sparse: false,
      ragged: false,
      name: 'conv2d_input',
    },
  });
  for (const layer of layers)
    if (layer.class_name === 'BatchNormalization') layer.config.axis = [3];
  const topology = {
    keras_version: '2.15.0',
    backend: 'tensorflow',
    model_config: json.modelTopology,
    training_config: { loss: 'categorical_crossentropy' },
  };
  return {
    ...saved,
    json: {
      ...json,
      modelTopology: topology,
      convertedBy: 'TensorFlow.js Converter v4.22.0',
      generatedBy: 'keras v2.15.0',
    },
  };
}

/** Rewrites a tfjs-layers Functional model.json as Keras 3's converter lays it out. */
function toKeras3(saved: SavedModel): SavedModel {
  const json = structuredClone(saved.json) as {
    modelTopology: { config: Record<string, unknown> & { layers: Record<string, unknown>[] } };
    weightsManifest: { weights: { name: string }[] }[];
  };
  const tensor = (h: unknown[]) => ({
    class_name: '__keras_tensor__',
    config: { shape: [null], dtype: 'float32', keras_history: h.slice(0, 3) },
  });
  for (const layer of json.modelTopology.config.layers) {
    const config = layer.config as Record<string, unknown>;
    config.dtype = { module: 'keras', class_name: 'DTypePolicy', config: { name: 'float32' } };
    if (layer.class_name === 'InputLayer') {
      config.batch_shape = config.batch_input_shape;
      delete config.batch_input_shape;
    }
    layer.module = 'keras.layers';
    layer.registered_name = null;
    const nodes = layer.inbound_nodes as unknown[][][];
    layer.inbound_nodes = nodes.map((node) => ({
      args: node.length === 1 ? [tensor(node[0] ?? [])] : [node.map(tensor)],
      kwargs: {},
    }));
  }
  const config = json.modelTopology.config;
  config.input_layers = (config.input_layers as unknown[][])[0];
  config.output_layers = (config.output_layers as unknown[][])[0];
  (json.modelTopology as Record<string, unknown>).class_name = 'Functional';
  json.modelTopology = {
    model_config: json.modelTopology,
    keras_version: '3.5.0',
    backend: 'tensorflow',
  } as never;
  for (const w of json.weightsManifest[0]?.weights ?? []) w.name = `skip_net/${w.name}`;
  return { ...saved, json: json as unknown as Record<string, unknown> };
}

describe('refusing what the lab cannot import', () => {
  let cnn: SavedModel;
  beforeAll(async () => {
    cnn = await saveModel(sequentialCnn());
  });
  // The edits reach into tfjs-layers' own JSON, whose shape the test knows and TypeScript does not.
  // eslint-disable-next-line @typescript-eslint/no-explicit-any
  const edited = (edit: (json: any) => void): SavedModel => {
    const json = structuredClone(cnn.json);
    edit(json);
    return { ...cnn, json };
  };

  test('an unknown layer is named with its position and the classes the lab knows', async () => {
    const json = edited((j) => {
      j.modelTopology.config.layers[3].class_name = 'LSTM';
      j.modelTopology.config.layers[3].config.name = 'lstm_1';
    });
    const problems = problemsOf(await importFiles(filesOf(json)));
    expect(problems[0]).toMatch(
      /^Layer 4 \(“lstm_1”, LSTM\) is not a layer the lab knows; it knows Conv2D, MaxPooling2D, /,
    );
  });

  test('channels_first, a leaky ReLU of another slope and an unequal zero padding each give their reason', async () => {
    const first = edited(
      (j) => (j.modelTopology.config.layers[0].config.data_format = 'channels_first'),
    );
    expect(problemsOf(await importFiles(filesOf(first)))[0]).toMatch(
      /^Layer 1 \(“conv2d_Conv2D\d+”, Conv2D\) cannot be imported: it uses data_format "channels_first"; the lab's images are channels_last/,
    );
    const leaky = edited((j) => {
      j.modelTopology.config.layers[5] = {
        class_name: 'LeakyReLU',
        config: { name: 'leaky', alpha: 0.3 },
      };
    });
    expect(problemsOf(await importFiles(filesOf(leaky)))[0]).toMatch(
      /“leaky”, LeakyReLU\) cannot be imported: its slope α is 0.3; the lab's leaky ReLU has α = 0.01/,
    );
    const pad = edited((j) => {
      j.modelTopology.config.layers.splice(2, 0, {
        class_name: 'ZeroPadding2D',
        config: {
          name: 'pad',
          padding: [
            [1, 0],
            [1, 1],
          ],
        },
      });
    });
    expect(problemsOf(await importFiles(filesOf(pad)))[0]).toMatch(
      /Layer 3 \(“pad”, ZeroPadding2D\) cannot be imported: it pads the sides unequally/,
    );
    // Layer 3 is a 'same' convolution: zero padding before it cannot be folded.
    const beforeSame = edited((j) => {
      j.modelTopology.config.layers.splice(2, 0, {
        class_name: 'ZeroPadding2D',
        config: { name: 'pad', padding: 1 },
      });
    });
    expect(problemsOf(await importFiles(filesOf(beforeSame)))[0]).toMatch(
      /“pad”, ZeroPadding2D\) cannot be imported: the lab folds zero padding only into the one "valid" convolution it feeds, and this one feeds a convolution that pads already\.$/,
    );
  });

  test('a missing weight file is named, a short one says how many bytes it has and needs', async () => {
    const missing = await importFiles([file('model.json', JSON.stringify(cnn.json))]);
    expect(missing.ok === false && missing.error.kind).toBe('missing-weights');
    expect(problemsOf(missing)[0]).toMatch(/The weight file group1-shard1of1.bin is missing/);
    const short = await importFiles([
      file('model.json', JSON.stringify(cnn.json)),
      file(BIN_NAME, cnn.bin.slice(0, 100)),
    ]);
    expect(problemsOf(short)[0]).toBe(
      `group1-shard1of1.bin holds 100 bytes, but its weights need ${cnn.bin.length.toLocaleString('en-US')}: the file is cut short or belongs to another model.`,
    );
  });

  test('a weight of the wrong shape is named by its layer', async () => {
    const wrong = edited((j) => {
      const kernel = j.weightsManifest[0].weights.find(
        (w: { name: string }) =>
          w.name.endsWith('dense_Dense1/kernel') || /dense_Dense\d+\/kernel/.test(w.name),
      );
      kernel.shape = [kernel.shape[1], kernel.shape[0]];
    });
    const result = await importFiles(filesOf(wrong));
    expect(result.ok === false && result.error.kind).toBe('shape-mismatch');
    expect(problemsOf(result)[0]).toMatch(
      /^Layer 8 \(“dense_Dense\d+”\): its kernel is 6×\d+ in the model, but the lab's network of it needs \d+×6\.$/,
    );
  });

  test('10,000-deep nesting, text that is not JSON and a graph model are refused without throwing', async () => {
    const deep = `{"modelTopology":${'['.repeat(10_000)}${']'.repeat(10_000)}}`;
    expect(problemsOf(await importFiles([file('model.json', deep)]))[0]).toMatch(
      /nests deeper than 64 levels/,
    );
    const text = await importFiles([file('model.json', 'this is not json')]);
    expect(text.ok === false && text.error.kind).toBe('not-json');
    expect(problemsOf(text)[0]).toMatch(/^model.json is not JSON/);
    expect(importTfjsLayersModel({ format: 'graph-model', modelTopology: {} })).toMatchObject({
      ok: false,
      problems: [expect.stringMatching(/graph model/)],
    });
    expect(problemsOf(await importFiles([file('weights.bin', new Uint8Array(4))]))[0]).toMatch(
      /Choose the model.json/,
    );
    for (const hostile of [
      null,
      42,
      [],
      { modelTopology: { class_name: 'Sequential', config: { layers: [null] } } },
      { modelTopology: { class_name: 'Sequential', config: { layers: Array(3000).fill({}) } } },
    ])
      expect(importTfjsLayersModel(hostile).ok).toBe(false);
  });

  test('a network the lab rejects (dense on an image) names the Keras layer', () => {
    const network = importTfjsLayersModel(
      edited((j) => j.modelTopology.config.layers.splice(6, 1)).json,
    );
    expect(network.ok).toBe(false);
    if (!network.ok)
      expect(network.problems[0]).toMatch(
        /^Layer 7 \(“dense_Dense\d+”, Dense\) does not fit the lab's rules: a dense layer needs a flat vector/,
      );
  });

  test('no dataset of the lab fits: refused with the reason the caller gives', async () => {
    const result = await importTfjsModel(filesOf(cnn), {
      datasetFor: (n: NetworkDocument) => ({
        problem: `no dataset has ${n.input.join('×')} images`,
      }),
    });
    expect(problemsOf(result)).toEqual(['no dataset has 9×9×1 images']);
  });
});

describe('choosing the dataset an imported model runs on', () => {
  const entry = (
    id: string,
    title: string,
    imageShape: [number, number, number],
    available = true,
  ) =>
    ({
      id,
      title,
      description: '',
      classNames: Array.from({ length: 10 }, String),
      imageShape,
      licence: '',
      available,
      how: '',
    }) as unknown as DatasetEntry;
  const datasets = [
    entry('mnist', 'MNIST', [28, 28, 1]),
    entry('fashion-mnist', 'Fashion-MNIST', [28, 28, 1]),
    entry('cifar10', 'CIFAR-10', [32, 32, 3], false),
  ];
  const net = (input: number[], units = 10): NetworkDocument => ({
    input,
    layers: [{ type: 'flatten' }, { type: 'dense', units }],
  });

  test('the current dataset when it fits, else the first that does; a vector input of the same size fits', () => {
    expect(datasetForNetwork(net([28, 28, 1]), datasets, 'fashion-mnist')).toEqual({
      dataset: 'fashion-mnist',
    });
    expect(datasetForNetwork(net([28, 28, 1]), datasets, 'cifar10')).toEqual({ dataset: 'mnist' });
    expect(datasetForNetwork(net([784]), datasets, 'cifar10')).toEqual({ dataset: 'mnist' });
  });

  test('a model no dataset fits is refused with the shapes; one that fits an unbuilt dataset says how to build it', () => {
    expect(datasetForNetwork(net([28, 28, 1], 5), datasets, 'mnist')).toEqual({
      problem: expect.stringMatching(
        /^The model takes 28×28×1 inputs and gives 5 outputs; the lab's datasets are MNIST \(28×28×1, 10 classes\), /,
      ),
    });
    expect(datasetForNetwork(net([32, 32, 3]), datasets, 'mnist')).toEqual({
      problem: expect.stringMatching(/fit CIFAR-10, but that dataset is not built here/),
    });
  });
});

describe('a model too large to train in a tab', () => {
  test('is refused before anything is read or changed, with its parameter count', async () => {
    const saved = await saveModel(flatMnist());
    // The same model with a first dense layer of 7,000 units: 784 × 7,000 + 7,000 weights.
    const json = structuredClone(saved.json) as {
      modelTopology: { config: { layers: { class_name: string; config: { units?: number } }[] } };
    };
    const dense = json.modelTopology.config.layers.find((l) => l.class_name === 'Dense');
    if (!dense) throw new Error('flatMnist has no Dense layer');
    dense.config.units = 7000;
    let weightsRead = false;
    const bin: ModelFile = {
      name: saved.binName,
      size: saved.bin.length,
      read: async () => {
        weightsRead = true;
        return saved.bin.slice().buffer;
      },
    };
    const result = await importFiles([file('model.json', JSON.stringify(json)), bin]);
    expect(result.ok).toBe(false);
    if (result.ok) return;
    expect(result.error.kind).toBe('too-large');
    expect(result.error.problems[0]).toMatch(/parameters, more than the 5,000,000/);
    expect(weightsRead).toBe(false);
  });
});
