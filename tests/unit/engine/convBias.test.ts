import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, test } from 'vitest';
import { createRandom } from '../../../src/core/random';
import { chooseBackend } from '../../../src/engine/backend';
import { conv2dWithBias, type FusedActivation } from '../../../src/engine/convBias';
import { tf, type Tensor } from '../../../src/engine/tf';
import { CONV_CASES, type ConvCase as Case } from './fixtures';
import { randomValues, relativeError, useCpu } from './helpers';

/**
 * The fused convolution with bias, linear or with its ReLU, against tfjs's own conv2d
 * followed by an Add (and a Relu), on the CPU backend (its reference loops) and on WASM
 * (XNNPACK, and our Winograd kernel for the 3×3 case with 8 channels): the output and the
 * gradients with respect to the input, the kernel and the bias. The same float32 sums in
 * another order: 1e-5 normwise relative error.
 */
const TOLERANCE = 1e-5;

/** The shared cases, and one Winograd takes (3×3, stride 1, 8 channels in). */
const CASES: readonly Case[] = [
  ...CONV_CASES,
  {
    name: '3×3 same, 8 → 8 (Winograd)',
    x: [2, 9, 10, 8],
    kernel: [3, 3, 8, 8],
    stride: [1, 1],
    pad: 'same',
  },
];

const size = (shape: readonly number[]) => shape.reduce((p, d) => p * d, 1);

interface Result {
  readonly y: Float32Array;
  readonly grads: Float32Array[];
}

/** y and d(Σ y·r)/d(x, kernel, bias) for a fixed random r, through `conv`. */
async function run(c: Case, conv: (x: Tensor, k: Tensor, b: Tensor) => Tensor): Promise<Result> {
  const random = createRandom(c.name);
  const x = tf.tensor(randomValues(size(c.x), random), c.x);
  const k = tf.tensor(randomValues(size(c.kernel), random, 0.5), c.kernel);
  const b = tf.tensor(randomValues(c.kernel[3], random), [c.kernel[3]]);
  const y = conv(x, k, b);
  const r = tf.tensor(randomValues(y.size, random), y.shape);
  const grads = tf.grads((xx: Tensor, kk: Tensor, bb: Tensor) =>
    tf.sum(tf.mul(conv(xx, kk, bb), r)),
  )([x, k, b]);
  const result = {
    y: (await y.data()) as Float32Array,
    grads: await Promise.all(grads.map((g) => g.data() as Promise<Float32Array>)),
  };
  tf.dispose([x, k, b, y, r, ...grads]);
  return result;
}

const ACTIVATIONS: readonly FusedActivation[] = ['linear', 'relu'];

const plain = (c: Case, activation: FusedActivation) => (x: Tensor, k: Tensor, b: Tensor) => {
  const sum = tf.add(tf.conv2d(x as tf.Tensor4D, k as tf.Tensor4D, c.stride, c.pad), b);
  return activation === 'relu' ? tf.relu(sum) : sum;
};
const fused = (c: Case, activation: FusedActivation) => (x: Tensor, k: Tensor, b: Tensor) =>
  conv2dWithBias(x, k, b, c.stride, c.pad, activation);

const expected = new Map<string, Result>();

beforeAll(async () => {
  await useCpu();
  for (const c of CASES) {
    for (const a of ACTIVATIONS) expected.set(`${c.name} ${a}`, await run(c, plain(c, a)));
  }
});

describe.each(['cpu', 'wasm'])('conv2d with its bias fused, on %s', (backend) => {
  beforeAll(async () => {
    if (backend === 'wasm') expect((await chooseBackend({ preferred: 'wasm' })).name).toBe('wasm');
    else await useCpu();
  });

  test.each(CASES.flatMap((c) => ACTIVATIONS.map((a) => [c.name, a, c] as const)))(
    'gives conv2d + bias (%s, %s) and its three gradients',
    async (_, activation, c) => {
      const before = tf.memory().numTensors;
      const got = await run(c, fused(c, activation));
      const want = expected.get(`${c.name} ${activation}`) as Result;
      // The ReLU clamps: some outputs are 0 and some are not.
      if (activation === 'relu') {
        expect(got.y.some((v) => v === 0) && got.y.some((v) => v > 0)).toBe(true);
      }
      expect(relativeError(got.y, want.y)).toBeLessThan(TOLERANCE);
      expect(got.grads).toHaveLength(3);
      got.grads.forEach((g, i) =>
        expect(relativeError(g, want.grads[i] ?? new Float32Array())).toBeLessThan(TOLERANCE),
      );
      expect(tf.memory().numTensors).toBe(before);
    },
  );

  test('the ReLU’s and the bias’s gradients are one kernel on WASM, composed elsewhere', async () => {
    const c = CASES.find((k) => k.name.includes('Winograd')) as Case;
    const random = createRandom('relu kernels');
    const x = tf.tensor(randomValues(size(c.x), random), c.x);
    const k = tf.variable(tf.tensor(randomValues(size(c.kernel), random), c.kernel));
    const b = tf.variable(tf.zeros([c.kernel[3]]));
    const profile = await tf.profile(() => {
      const { value, grads } = tf.variableGrads(
        () => tf.sum(tf.square(conv2dWithBias(x, k, b, c.stride, c.pad, 'relu'))) as tf.Scalar,
        [k, b],
      );
      tf.dispose([value, ...Object.values(grads)]);
    });
    const kernels = profile.kernels.map((kernel) => kernel.name);
    if (backend === 'wasm') {
      expect(kernels).toContain('ReluBiasGradLab');
      expect(kernels).not.toContain('Step');
    } else {
      expect(kernels).toContain('Step');
      expect(kernels).not.toContain('ReluBiasGradLab');
    }
    tf.dispose([x, k, b]);
  });

  test('a first layer’s training step leaves out the input’s gradient', async () => {
    const [c] = CASES as [Case];
    const random = createRandom('first layer');
    const x = tf.tensor(randomValues(size(c.x), random), c.x);
    const k = tf.variable(tf.tensor(randomValues(size(c.kernel), random), c.kernel));
    const b = tf.variable(tf.zeros([c.kernel[3]]));
    const profile = await tf.profile(() => {
      const { value, grads } = tf.variableGrads(
        () => tf.sum(tf.square(conv2dWithBias(x, k, b, c.stride, c.pad))) as tf.Scalar,
        [k, b],
      );
      tf.dispose([value, ...Object.values(grads)]);
    });
    const kernels = profile.kernels.map((kernel) => kernel.name);
    expect(kernels).toContain('FusedConv2D');
    expect(kernels).toContain('Conv2DBackpropFilter');
    expect(kernels).not.toContain('Conv2DBackpropInput');
    tf.dispose([x, k, b]);
  });
});
