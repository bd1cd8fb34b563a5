import { beforeAll, describe, expect, test } from 'vitest';
import { createRandom } from '../../../src/core/random';
import { forwardReference } from '../../../src/core/reference';
import { forward } from '../../../src/engine/model';
import { readValues, readWeights } from '../../../src/engine/records';
import { tf } from '../../../src/engine/tf';
import {
  relativeError,
  randomModel,
  randomValues,
  referenceWeights,
  sampleOf,
  useCpu,
} from './helpers';

/**
 * The engine's layers against the core's reference ops, sample by sample, in test mode
 * (dropout off, batch norm with running statistics). Tolerance: 1e-5 normwise relative error
 * (max |a − b| / max |b| per layer output); float32 sums of a few hundred products are good
 * to about 1e-6.
 */
const TOLERANCE = 1e-5;
const BATCH = 3;

beforeAll(useCpu);

async function expectMatchesReference(input: number[], layers: object[], seed: string) {
  const network = { input, layers };
  const model = await randomModel(network, seed);
  const x = randomValues(BATCH * input.reduce((p, n) => p * n, 1), createRandom(seed).fork('x'));
  const outputs = tf.tidy(
    () => forward(model, tf.tensor(x, [BATCH, ...input]), { training: false }).outputs,
  );
  const weights = referenceWeights(await readWeights(model));
  for (let i = 0; i < BATCH; i++) {
    const reference = forwardReference(network, weights, sampleOf(x, input, i));
    for (const [index, output] of outputs.entries()) {
      const expected = reference.outputs[index];
      expect(output.shape.slice(1)).toEqual(expected?.shape);
      const actual = sampleOf(await readValues(output), output.shape.slice(1), i).data;
      expect(relativeError(actual, expected?.data ?? [])).toBeLessThan(TOLERANCE);
    }
  }
  tf.dispose(outputs);
  model.dispose();
}

describe('conv2d matches the reference convolution', () => {
  const cases: [string, object][] = [
    ['3×3, stride 1, no padding', { kernel: 3 }],
    ['3×3, stride 2, padding same', { kernel: 3, stride: 2, padding: 'same' }],
    [
      '5×3 kernel, stride [2, 1], padding [2, 1]',
      { kernel: [5, 3], stride: [2, 1], padding: [2, 1] },
    ],
    ['3×3, dilation 2, padding same', { kernel: 3, dilation: 2, padding: 'same' }],
    [
      '2×3, dilation [2, 3], stride 2, padding [1, 0]',
      { kernel: [2, 3], dilation: [2, 3], stride: 2, padding: [1, 0] },
    ],
    ['4×4, stride 3, padding same (uneven)', { kernel: 4, stride: 3, padding: 'same' }],
    ['1×1, no bias, relu', { kernel: 1, bias: false, activation: 'relu' }],
  ];
  test.each(cases)('%s', async (_, extra) => {
    await expectMatchesReference([9, 8, 3], [{ type: 'conv2d', filters: 4, ...extra }], 'conv');
  });
});

describe('pooling matches the reference pooling', () => {
  const cases: [string, object][] = [
    ['2×2', { size: 2 }],
    ['3×3 stride 2 (overlapping)', { size: 3, stride: 2 }],
    ['3×2 stride [1, 2] padding [1, 1]', { size: [3, 2], stride: [1, 2], padding: [1, 1] }],
    ['3×3 stride 2 padding same', { size: 3, stride: 2, padding: 'same' }],
  ];
  test.each(cases)('max %s', async (_, extra) => {
    await expectMatchesReference([7, 8, 2], [{ type: 'maxpool2d', ...extra }], 'max');
  });
  test.each(cases)('average %s (padding not counted)', async (_, extra) => {
    await expectMatchesReference([7, 8, 2], [{ type: 'avgpool2d', ...extra }], 'avg');
  });
  test('global average pooling', async () => {
    await expectMatchesReference([5, 6, 3], [{ type: 'globalavgpool2d' }], 'gap');
  });
});

describe('dense, flatten, batch norm, dropout and activations match the reference', () => {
  test('flatten then dense, with and without bias', async () => {
    await expectMatchesReference(
      [3, 4, 2],
      [
        { type: 'flatten' },
        { type: 'dense', units: 5, activation: 'tanh' },
        { type: 'dense', units: 3, bias: false },
      ],
      'dense',
    );
  });
  test('batch norm on images and on vectors (running statistics), dropout is identity', async () => {
    await expectMatchesReference(
      [4, 4, 3],
      [
        { type: 'batchnorm' },
        { type: 'dropout', rate: 0.5 },
        { type: 'flatten' },
        { type: 'batchnorm' },
      ],
      'bn',
    );
  });
  test.each(['linear', 'relu', 'leakyrelu', 'elu', 'sigmoid', 'tanh', 'softplus', 'softmax'])(
    'activation %s, on images (softmax over channels) and on a dense layer',
    async (fn) => {
      await expectMatchesReference(
        [3, 3, 4],
        [
          { type: 'activation', fn },
          { type: 'flatten' },
          { type: 'dense', units: 6, activation: fn },
        ],
        `act-${fn}`,
      );
    },
  );
});

describe('maxout matches the reference', () => {
  test('dense to units × pieces then the largest piece, with and without bias', async () => {
    await expectMatchesReference(
      [3, 4, 2],
      [
        { type: 'flatten' },
        { type: 'maxout', units: 5, pieces: 3 },
        { type: 'maxout', units: 3, pieces: 2, bias: false },
      ],
      'maxout',
    );
  });
});

describe('add and concat graphs match the reference', () => {
  test('a residual block with a projection and a concat of two branches', async () => {
    await expectMatchesReference(
      [6, 6, 2],
      [
        { type: 'conv2d', id: 'a', filters: 3, kernel: 3, padding: 1, activation: 'relu' },
        { type: 'conv2d', id: 'b', filters: 3, kernel: 1, inputs: ['input'] },
        { type: 'add', id: 'sum', inputs: ['a', 'b'] },
        { type: 'maxpool2d', id: 'p', size: 2, inputs: ['input'] },
        { type: 'avgpool2d', id: 'q', size: 2, inputs: ['sum'] },
        { type: 'concat', id: 'cat', inputs: ['p', 'q'] },
        { type: 'globalavgpool2d' },
        { type: 'dense', units: 4, activation: 'softmax' },
      ],
      'graph',
    );
  });
});
