import { beforeAll, describe, expect, test } from 'vitest';
import { createRandom } from '../../../src/core/random';
import {
  batchNormTrainingReference,
  forwardReference,
  softmaxCrossEntropyReference,
  type LayerWeightValues,
  type RefTensor,
} from '../../../src/core/reference';
import type { WeightRole } from '../../../src/core/weights';
import { forward, type Model } from '../../../src/engine/model';
import { readValues, readWeights } from '../../../src/engine/records';
import { tf, type Tensor } from '../../../src/engine/tf';
import { softmaxCrossEntropy } from '../../../src/engine/train';
import { randomModel, randomValues, referenceWeights, relativeError, useCpu } from './helpers';

/**
 * Backpropagation against central finite differences, (L(w + ε) − L(w − ε)) / 2ε, computed
 * in float64 through the reference ops with ε = 1e-6 (truncation and rounding errors both
 * far below 1e-6). The engine's gradients are float32, so the tolerance is 1e-3 normwise
 * relative error (max |g − g_fd| / max |g_fd| per tensor). Up to 40 entries of each tensor
 * are checked, chosen at random.
 */
const EPSILON = 1e-6;
const TOLERANCE = 1e-3;
const CHECKS_PER_TENSOR = 40;
const BATCH = 2;

beforeAll(useCpu);

const to64 = (t: RefTensor): RefTensor<Float64Array> => ({
  shape: t.shape,
  data: Float64Array.from(t.data),
});

interface Checked {
  readonly what: string;
  readonly values: Float64Array;
  readonly gradient: Float32Array;
}

/** Compares gradient entries with central differences of `loss` as each value is nudged. */
function expectFiniteDifferences(tensors: Checked[], loss: () => number, seed: string) {
  const random = createRandom(seed).fork('entries');
  for (const { what, values, gradient } of tensors) {
    const count = Math.min(CHECKS_PER_TENSOR, values.length);
    const entries = random.shuffle(Array.from(values, (_, i) => i)).slice(0, count);
    const numeric: number[] = [];
    for (const i of entries) {
      const original = values[i] ?? 0;
      values[i] = original + EPSILON;
      const up = loss();
      values[i] = original - EPSILON;
      const down = loss();
      values[i] = original;
      numeric.push((up - down) / (2 * EPSILON));
    }
    const analytic = entries.map((i) => gradient[i] ?? NaN);
    expect(relativeError(analytic, numeric), what).toBeLessThan(TOLERANCE);
  }
}

/** Gradients of the mean cross-entropy w.r.t. the input and every trainable weight, test mode. */
async function engineGradients(model: Model, x: Float32Array, labels: number[]) {
  const trainable = model.layers.flatMap((l) =>
    l.specs.filter((s) => s.trainable).map((s) => ({ layer: l, role: s.role })),
  );
  const grads = tf.tidy(() => {
    const input = tf.tensor(x, [BATCH, ...model.inputShape]);
    const classes = model.outputShape[0] ?? 1;
    const oneHot = tf.cast(tf.oneHot(tf.tensor1d(labels, 'int32'), classes), 'float32');
    const loss = (...args: Tensor[]) =>
      softmaxCrossEntropy(forward(model, args[0] as Tensor, { training: false }).logits, oneHot);
    return tf.grads(loss)([input, ...trainable.map((t) => t.layer.weights[t.role] as Tensor)]);
  });
  const values = await Promise.all(grads.map(readValues));
  tf.dispose(grads);
  return { input: values[0] as Float32Array, trainable, weights: values.slice(1) };
}

async function expectGradientsMatch(input: number[], layers: object[], seed: string) {
  const network = { input, layers };
  const model = await randomModel(network, seed);
  const random = createRandom(seed).fork('x');
  const size = input.reduce((p, n) => p * n, 1);
  const x = randomValues(BATCH * size, random);
  const classes = model.outputShape[0] ?? 1;
  const labels = Array.from({ length: BATCH }, () => random.int(classes));
  const grads = await engineGradients(model, x, labels);
  const weights64: LayerWeightValues[] = referenceWeights(await readWeights(model)).map((w) =>
    Object.fromEntries(Object.entries(w ?? {}).map(([role, t]) => [role, to64(t)])),
  );
  const x64 = Float64Array.from(x);
  const loss = () => {
    let total = 0;
    for (let n = 0; n < BATCH; n++) {
      const sample = { shape: input, data: x64.subarray(n * size, (n + 1) * size) };
      const { logits } = forwardReference(network, weights64, sample);
      total += softmaxCrossEntropyReference(logits, labels[n] ?? 0);
    }
    return total / BATCH;
  };
  const checked: Checked[] = [{ what: 'input', values: x64, gradient: grads.input }];
  grads.trainable.forEach(({ layer, role }, i) => {
    const values = weights64[layer.index]?.[role as WeightRole]?.data as Float64Array;
    checked.push({
      what: `${layer.name} ${role}`,
      values,
      gradient: grads.weights[i] as Float32Array,
    });
  });
  expectFiniteDifferences(checked, loss, seed);
  model.dispose();
}

const head = [{ type: 'flatten' }, { type: 'dense', units: 3, activation: 'softmax' }];

describe('gradients match finite differences (test mode, loss = softmax cross-entropy)', () => {
  test.each<[string, object]>([
    ['3×3, stride 1, valid', { kernel: 3 }],
    ['3×3, stride 2, same', { kernel: 3, stride: 2, padding: 'same' }],
    ['3×2, dilation 2, padding [2, 1]', { kernel: [3, 2], dilation: 2, padding: [2, 1] }],
    [
      '2×3, stride [2, 1], dilation [1, 2], same, no bias',
      { kernel: [2, 3], stride: [2, 1], dilation: [1, 2], padding: 'same', bias: false },
    ],
  ])('conv2d %s', async (_, extra) => {
    await expectGradientsMatch(
      [7, 6, 2],
      [{ type: 'conv2d', filters: 3, activation: 'tanh', ...extra }, ...head],
      'gconv',
    );
  });

  test.each<[string, object]>([
    ['maxpool2d 2×2', { type: 'maxpool2d', size: 2 }],
    ['maxpool2d 3×3 stride 2 same', { type: 'maxpool2d', size: 3, stride: 2, padding: 'same' }],
    [
      'avgpool2d 3×2 stride 1 padding 1',
      { type: 'avgpool2d', size: [3, 2], stride: 1, padding: 1 },
    ],
    ['avgpool2d 2×2', { type: 'avgpool2d', size: 2 }],
  ])('%s', async (_, layer) => {
    await expectGradientsMatch([6, 5, 2], [layer, ...head], 'gpool');
  });

  test('global average pooling, dense with and without bias', async () => {
    await expectGradientsMatch(
      [4, 4, 3],
      [
        { type: 'globalavgpool2d' },
        { type: 'dense', units: 4, bias: false, activation: 'relu' },
        { type: 'dense', units: 3, activation: 'softmax' },
      ],
      'gdense',
    );
  });

  test('maxout, with and without bias (the gradient reaches only each unit’s winning piece)', async () => {
    await expectGradientsMatch(
      [3, 3, 2],
      [
        { type: 'flatten' },
        { type: 'maxout', units: 4, pieces: 3 },
        { type: 'maxout', units: 3, pieces: 2, bias: false },
      ],
      'gmaxout',
    );
  });

  test('batch norm (running statistics) and dropout (identity at test time)', async () => {
    await expectGradientsMatch(
      [3, 3, 2],
      [
        { type: 'batchnorm' },
        { type: 'dropout', rate: 0.5 },
        { type: 'flatten' },
        { type: 'batchnorm' },
        { type: 'dense', units: 3 },
      ],
      'gbn',
    );
  });

  test.each(['linear', 'relu', 'leakyrelu', 'elu', 'sigmoid', 'tanh', 'softplus', 'softmax'])(
    'activation %s',
    async (fn) => {
      await expectGradientsMatch(
        [2, 2, 3],
        [
          { type: 'activation', fn },
          { type: 'flatten' },
          { type: 'dense', units: 4, activation: fn },
          { type: 'dense', units: 3, activation: 'softmax' },
        ],
        `gact-${fn}`,
      );
    },
  );

  test('add and concat', async () => {
    await expectGradientsMatch(
      [4, 4, 2],
      [
        { type: 'conv2d', id: 'a', filters: 2, kernel: 3, padding: 'same', activation: 'elu' },
        { type: 'add', id: 'sum', inputs: ['a', 'input'] },
        { type: 'conv2d', id: 'b', filters: 1, kernel: 1, inputs: ['input'] },
        { type: 'concat', id: 'cat', inputs: ['sum', 'b', 'a'] },
        ...head,
      ],
      'gmerge',
    );
  });
});

describe('training-mode layers', () => {
  test('batch norm on batch statistics: gradients through the mean and variance', async () => {
    const shape = [4, 2, 2, 3];
    const model = await randomModel(
      { input: shape.slice(1), layers: [{ type: 'batchnorm' }] },
      'gbnt',
    );
    const random = createRandom('gbnt').fork('x');
    const x = randomValues(48, random);
    const r = randomValues(48, random);
    const gamma = await readValues(model.layers[0]?.weights.gamma as Tensor);
    const beta = await readValues(model.layers[0]?.weights.beta as Tensor);
    const grads = tf.tidy(() => {
      const weights = [model.layers[0]?.weights.gamma, model.layers[0]?.weights.beta] as Tensor[];
      const loss = (input: Tensor) =>
        tf.sum(tf.mul(forward(model, input, { training: true }).logits, tf.tensor(r, shape)));
      return tf.grads((input: Tensor, ..._: Tensor[]) => loss(input))([
        tf.tensor(x, shape),
        ...weights,
      ]);
    });
    const [gx, gGamma, gBeta] = await Promise.all(grads.map(readValues));
    tf.dispose(grads);
    const x64 = Float64Array.from(x);
    const gamma64 = Float64Array.from(gamma);
    const beta64 = Float64Array.from(beta);
    const loss = () => {
      const { output } = batchNormTrainingReference({ shape, data: x64 }, gamma64, beta64);
      return output.data.reduce((sum, y, i) => sum + y * (r[i] ?? 0), 0);
    };
    expectFiniteDifferences(
      [
        { what: 'input', values: x64, gradient: gx as Float32Array },
        { what: 'gamma', values: gamma64, gradient: gGamma as Float32Array },
        { what: 'beta', values: beta64, gradient: gBeta as Float32Array },
      ],
      loss,
      'gbnt',
    );
    model.dispose();
  });
});
