import '@tensorflow/tfjs-backend-cpu';
import '@tensorflow/tfjs-backend-wasm';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { afterAll, describe, expect, test } from 'vitest';
import { readDiskDataset } from '../../../src/cli/pretrainData';
import { parsePretrainedIndex } from '../../../src/cli/pretrainIndex';
import { ACTIVATIONS } from '../../../src/core/activations';
import { TRAINABLE_NETWORKS } from '../../../src/core/catalogue/trainable';
import { KERAS_ACTIVATIONS, KERAS_LAYERS, kerasScript } from '../../../src/core/export/keras';
import { pytorchScript, TORCH_ACTIVATIONS, TORCH_LAYERS } from '../../../src/core/export/pytorch';
import type { LayerDocument, NetworkDocument } from '../../../src/core/network';
import { LAYER_TYPES } from '../../../src/core/registry';
import { decodeWeight, encodeWeight, parseCheckpoint } from '../../../src/data/checkpoint';
import { normalisePixels, type NormalisationMode } from '../../../src/data/normalise';
import { chooseBackend } from '../../../src/engine/backend';
import { createModel } from '../../../src/engine/model';
import { readWeights, writeWeights } from '../../../src/engine/records';
import { tf } from '../../../src/engine/tf';
import { evaluate, predictBatch } from '../../../src/engine/train';
import { exportSetupOf, settingsFromRecord } from '../../../src/state/exportSetup';
import { defaultSettings } from '../../../src/state/settings';

/**
 * The exported PyTorch scripts, run in the real framework (Debian's python3-torch, which CI
 * installs): each shipped trained network's script, loading the lab's checkpoint, predicts
 * every test image as the lab's engine does; every trainable catalogue network with random
 * weights gives the engine's class probabilities; a script trains from scratch.
 */
const PYTHON = process.env.CNN_LAB_PYTHON ?? '/usr/bin/python3';
const torchProbe = spawnSync(PYTHON, ['-c', 'import torch; print(torch.__version__)'], {
  encoding: 'utf8',
});
if (torchProbe.status !== 0)
  throw new Error(
    `${PYTHON} cannot import torch: install Debian's python3-torch (apt-get install -y python3-torch) or set CNN_LAB_PYTHON. ${torchProbe.stderr}`,
  );

const DATA = resolve('public/data');
const work = mkdtempSync(join(tmpdir(), 'cnn-lab-export-'));
afterAll(() => rmSync(work, { recursive: true, force: true }));

function runScript(script: string, name: string, args: readonly string[]): string {
  const file = join(work, `${name}.py`);
  writeFileSync(file, script);
  // Run in the scratch folder: a script that trains saves labnet.pt where it runs.
  return execFileSync(PYTHON, [file, '--data', DATA, ...args], {
    cwd: work,
    encoding: 'utf8',
    timeout: 300_000,
  });
}

const index = parsePretrainedIndex(JSON.parse(readFileSync('public/models/index.json', 'utf8')));

describe('the PyTorch export', () => {
  test('every layer type and activation of the lab has a PyTorch and a Keras form', () => {
    for (const def of LAYER_TYPES) {
      expect(TORCH_LAYERS[def.type], def.type).toBeDefined();
      expect(KERAS_LAYERS[def.type], def.type).toBeDefined();
    }
    for (const fn of ACTIVATIONS) {
      expect(TORCH_ACTIVATIONS[fn], fn).toBeDefined();
      expect(KERAS_ACTIVATIONS[fn], fn).toBeDefined();
    }
  });

  test.each(index.models.map((m) => [m.id, m.file] as const))(
    "%s: the exported script with the lab's checkpoint predicts every test image as the engine does",
    async (id, file) => {
      const path = resolve('public/models', file);
      const raw = JSON.parse(readFileSync(path, 'utf8')) as Record<string, unknown>;
      const checkpoint = parseCheckpoint(raw);
      const settings = checkpoint.settings as {
        normalisation: NormalisationMode;
        stats: { mean: number[]; std: number[] };
      };
      const setup = exportSetupOf(settingsFromRecord(checkpoint.settings, checkpoint.dataset), {
        stats: settings.stats,
        checkpointFile: path,
      });
      const predictionsFile = join(work, `${id}.predictions.json`);
      const printed = runScript(pytorchScript(checkpoint.network, setup), id, [
        '--predictions',
        predictionsFile,
      ]);
      const torch = JSON.parse(readFileSync(predictionsFile, 'utf8')) as {
        correct: number;
        count: number;
        predictions: number[];
      };

      tf.env().set('IS_TEST', true);
      await chooseBackend({ preferred: 'wasm' });
      const { test: testSet } = readDiskDataset(DATA, checkpoint.dataset);
      const model = createModel(checkpoint.network, { seed: 0, init: 'zeros' });
      try {
        writeWeights(model, checkpoint.weights.map(decodeWeight));
        const lab = await evaluate(model, testSet, {
          normalisation: settings.normalisation,
          stats: { ...settings.stats, meanImage: new Float32Array(0) },
        });
        expect(torch.count).toBe(testSet.count);
        expect(torch.predictions).toEqual([...lab.predictions]);
        expect(torch.correct).toBe(Math.round(lab.accuracy * testSet.count));
        expect(printed).toContain(`(${torch.correct} of ${testSet.count} images)`);
      } finally {
        model.dispose();
      }
    },
  );

  const datasetFor = (input: readonly number[]) => (input[2] === 3 ? 'cifar10' : 'mnist');
  /**
   * Small networks for what a framework's own layers do differently, each feeding straight
   * into the classifier so a mistake shows in the probabilities: 'same' padding at stride 2
   * (one more row after than before) and dilation; padded max and average pools (the lab's
   * average divides by the real cells); every activation, batch norm and add; a softmax,
   * dropout and batch norm on vectors; maxout (its pieces' order in the kernel).
   */
  const head: LayerDocument[] = [
    { type: 'flatten' },
    { type: 'dense', units: 10, activation: 'linear' },
  ];
  const net = (name: string, layers: readonly LayerDocument[]): NetworkDocument => ({
    name,
    input: [28, 28, 1],
    layers: [...layers, ...head],
  });
  const special: readonly NetworkDocument[] = [
    net('frozen', [
      { type: 'conv2d', filters: 4, kernel: 3, stride: 2, frozen: true },
      { type: 'batchnorm', frozen: true },
    ]),
    net('padding and dilation', [
      { type: 'conv2d', filters: 4, kernel: 3, stride: 2, padding: 'same', activation: 'relu' },
      { type: 'conv2d', filters: 4, kernel: 3, dilation: 2, padding: 2, bias: false },
    ]),
    net('padded pools', [
      { type: 'conv2d', id: 'a', filters: 3, kernel: 3 },
      { type: 'maxpool2d', id: 'c', size: 3, stride: 2, padding: 1 },
      { type: 'avgpool2d', id: 'd', inputs: ['a'], size: 3, stride: 2, padding: 1 },
      { type: 'concat', inputs: ['c', 'd'] },
    ]),
    net('activations, batch norm and add', [
      { type: 'conv2d', id: 'a', filters: 4, kernel: 3, stride: 2, activation: 'elu' },
      { type: 'batchnorm', id: 'b' },
      { type: 'activation', id: 'c', fn: 'tanh' },
      { type: 'conv2d', id: 'd', inputs: ['a'], filters: 4, kernel: 1, activation: 'leakyrelu' },
      { type: 'activation', id: 'e', inputs: ['b'], fn: 'sigmoid' },
      { type: 'conv2d', id: 'f', inputs: ['b'], filters: 4, kernel: 1, activation: 'softplus' },
      { type: 'add', inputs: ['c', 'd', 'e', 'f'] },
    ]),
    {
      name: 'vectors',
      input: [28, 28, 1],
      layers: [
        { type: 'conv2d', filters: 6, kernel: 5, stride: 3, activation: 'relu' },
        { type: 'globalavgpool2d' },
        { type: 'dense', units: 12, activation: 'softmax' },
        { type: 'dropout', rate: 0.25 },
        { type: 'batchnorm' },
        { type: 'dense', units: 10, activation: 'linear' },
      ],
    },
    {
      name: 'maxout',
      input: [28, 28, 1],
      layers: [
        { type: 'conv2d', filters: 4, kernel: 5, stride: 3, activation: 'relu' },
        { type: 'flatten' },
        { type: 'maxout', units: 12, pieces: 3 },
        { type: 'maxout', units: 10, pieces: 2, bias: false },
      ],
    },
  ];
  const networks = [
    ...TRAINABLE_NETWORKS.map((e) => [e.id, e.network] as const),
    ...special.map((n) => [n.name ?? '', n] as const),
  ];
  test.each(networks)(
    '%s with random weights: PyTorch gives the engine’s class probabilities',
    async (id, network) => {
      tf.env().set('IS_TEST', true);
      await chooseBackend({ preferred: 'cpu' });
      const model = createModel(network, { seed: `export ${id}`, init: 'glorot' });
      try {
        // Random biases and statistics too, so every weight's place is checked.
        const records = (await readWeights(model)).map((r, i) => ({
          ...r,
          data:
            r.role === 'movingVariance'
              ? r.data.map((_, j) => 0.5 + ((j * 7 + i) % 10) / 10)
              : r.role === 'kernel'
                ? r.data
                : r.data.map((_, j) => Math.sin(j + i) * 0.3),
        }));
        writeWeights(model, records);
        const checkpointFile = join(work, `${id.replace(/ /g, '-')}.checkpoint.json`);
        writeFileSync(
          checkpointFile,
          JSON.stringify({
            format: 'cnn-lab-checkpoint',
            weights: records.map((r) => encodeWeight(r, 'float32')),
          }),
        );
        const dataset = datasetFor(network.input);
        const setup = exportSetupOf({ ...defaultSettings(), dataset, normalisation: 'scale' });
        const outputsFile = join(work, `${id.replace(/ /g, '-')}.outputs.json`);
        runScript(pytorchScript(network, setup), id.replace(/ /g, '-'), [
          '--checkpoint',
          checkpointFile,
          '--outputs',
          outputsFile,
        ]);
        const torchOut = (JSON.parse(readFileSync(outputsFile, 'utf8')) as number[][]).flat();
        const { test: testSet } = readDiskDataset(DATA, dataset);
        const pixels = testSet.images.subarray(
          0,
          32 * testSet.height * testSet.width * testSet.channels,
        );
        const images = normalisePixels(pixels, testSet.channels, 'scale', { mean: [0], std: [1] });
        const lab = await predictBatch(model, images, 32);
        expect(torchOut.length).toBe(lab.length);
        const worst = Math.max(...lab.map((p, i) => Math.abs(p - (torchOut[i] ?? NaN))));
        // float32 sums in another order differ by about 1e-7; a misplaced weight or pad by far more.
        expect(worst).toBeLessThan(1e-5);
      } finally {
        model.dispose();
      }
    },
  );

  /** Each optimiser with a learning rate at which one epoch teaches an MLP most digits. */
  const OPTIMISERS = [
    ['adam', 0.001, 'optim.Adam(model.parameters(), lr=0.001, betas=(0.9, 0.999), eps=1e-7)'],
    ['momentum', 0.01, 'optim.SGD(model.parameters(), lr=0.01, momentum=0.9)'],
    ['sgd', 0.1, 'optim.SGD(model.parameters(), lr=0.1)'],
  ] as const;
  test.each(OPTIMISERS)(
    'a script without a checkpoint trains with %s and the lab’s weight decay, reporting each epoch',
    (optimizer, learningRate, line) => {
      const mlp = TRAINABLE_NETWORKS.find((e) => e.id === 'mlp');
      if (!mlp) throw new Error('the catalogue has no mlp');
      const setup = exportSetupOf({
        ...defaultSettings(),
        optimizer,
        learningRate,
        l2: 1e-4,
        epochs: 1,
        dataset: 'mnist',
      });
      const script = pytorchScript(mlp.network, setup);
      expect(script).toContain(line);
      const printed = runScript(script, `mlp-${optimizer}`, []);
      expect(printed).toMatch(/epoch 1: training loss [\d.]+, validation loss [\d.]+, accuracy/);
      const accuracy = Number(/test: loss [\d.]+, accuracy ([\d.]+)%/.exec(printed)?.[1]);
      // One epoch on 9,000 digits takes an MLP well past 80% (the lab's own reaches 95.9% in 15).
      expect(accuracy).toBeGreaterThan(80);
    },
  );

  test('the Keras script of every trainable network is valid Python', () => {
    for (const entry of TRAINABLE_NETWORKS) {
      const file = join(work, `${entry.id}.keras.py`);
      writeFileSync(file, kerasScript(entry.network, exportSetupOf(defaultSettings())));
      const compiled = spawnSync(PYTHON, ['-m', 'py_compile', file], { encoding: 'utf8' });
      expect(compiled.stderr, entry.id).toBe('');
      expect(compiled.status, entry.id).toBe(0);
    }
  });
});
