import { describe, expect, test } from 'vitest';
import {
  ACTIVATIONS,
  ELU_ALPHA,
  elementwiseOf,
  isElementwise,
  LEAKY_RELU_ALPHA,
} from '../../../src/core/activations';
import { createRandom } from '../../../src/core/random';
import {
  activationReference,
  addReference,
  avgPool2dReference,
  batchNormReference,
  batchNormTrainingReference,
  concatReference,
  conv2dReference,
  denseReference,
  dropoutMaskOf,
  flattenReference,
  forwardReference,
  globalAvgPool2dReference,
  maxPool2dReference,
  softmaxCrossEntropyGradient,
  softmaxCrossEntropyReference,
  softmaxReference,
  stackBatch,
  unstackBatch,
  type RefTensor,
} from '../../../src/core/reference';

const t = (shape: number[], values: number[]): RefTensor<Float32Array> => ({
  shape,
  data: Float32Array.from(values),
});
const range = (n: number, from = 1) => Array.from({ length: n }, (_, i) => i + from);

describe('conv2d', () => {
  const image = t([3, 3, 1], range(9));

  test('slides the kernel and takes dot products: a 2×2 difference kernel on 1…9', () => {
    const out = conv2dReference(image, t([2, 2, 1, 1], [1, 0, 0, -1]), Float32Array.of(1));
    expect(out.shape).toEqual([2, 2, 1]);
    expect(Array.from(out.data)).toEqual([-3, -3, -3, -3]);
  });

  test("'same' padding keeps the size; padding adds nothing", () => {
    const ones = t([3, 3, 1], Array(9).fill(1));
    const out = conv2dReference(ones, t([3, 3, 1, 1], Array(9).fill(1)), null, { padding: 'same' });
    expect(Array.from(out.data)).toEqual([4, 6, 4, 6, 9, 6, 4, 6, 4]);
  });

  test('output sizes from the decks: 7×7 with 3×3 gives 5, 3 at stride 2, and 2 at stride 3', () => {
    const input = t([7, 7, 1], range(49));
    const kernel = t([3, 3, 1, 1], Array(9).fill(0));
    expect(conv2dReference(input, kernel, null).shape).toEqual([5, 5, 1]);
    expect(conv2dReference(input, kernel, null, { stride: [2, 2] }).shape).toEqual([3, 3, 1]);
    expect(conv2dReference(input, kernel, null, { stride: [3, 3] }).shape).toEqual([2, 2, 1]);
  });

  test('ten 5×5 filters, stride 1, padding 2 keep a 32×32×3 image at 32×32×10', () => {
    const out = conv2dReference(
      t([32, 32, 3], Array(3072).fill(0)),
      t([5, 5, 3, 10], Array(750).fill(0)),
      new Float32Array(10),
      { padding: [2, 2] },
    );
    expect(out.shape).toEqual([32, 32, 10]);
  });

  test('dilation 2 spreads a 3×3 kernel over 5×5 input pixels', () => {
    const input = t([5, 5, 1], range(25));
    const out = conv2dReference(input, t([3, 3, 1, 1], Array(9).fill(1)), null, {
      dilation: [2, 2],
    });
    expect(out.shape).toEqual([1, 1, 1]);
    expect(out.data[0]).toBe(1 + 3 + 5 + 11 + 13 + 15 + 21 + 23 + 25);
  });

  test('channels and filters: a 1×1 convolution is a dense layer at every pixel', () => {
    const random = createRandom('1x1');
    const input = t(
      [2, 3, 4],
      range(24).map(() => random.normal()),
    );
    const kernel = t(
      [1, 1, 4, 3],
      range(12).map(() => random.normal()),
    );
    const bias = Float32Array.of(0.1, 0.2, 0.3);
    const out = conv2dReference(input, kernel, bias);
    for (let p = 0; p < 6; p++) {
      const pixel = t([4], Array.from(input.data.subarray(p * 4, p * 4 + 4)));
      const dense = denseReference(pixel, { shape: [4, 3], data: kernel.data }, bias);
      expect(Array.from(out.data.subarray(p * 3, p * 3 + 3))).toEqual(Array.from(dense.data));
    }
  });

  test('refuses a kernel that does not fit or has the wrong channels', () => {
    expect(() => conv2dReference(image, t([4, 4, 1, 1], Array(16).fill(0)), null)).toThrow(
      /larger/,
    );
    expect(() => conv2dReference(image, t([1, 1, 2, 1], [0, 0]), null)).toThrow(/channels/);
  });

  test('keeps float64 precision when given float64', () => {
    const input = { shape: [1, 1, 1], data: Float64Array.of(1 + 1e-12) };
    const out = conv2dReference(input, t([1, 1, 1, 1], [1]), null);
    expect(out.data).toBeInstanceOf(Float64Array);
    expect(out.data[0]).toBe(1 + 1e-12);
  });
});

describe('pooling', () => {
  const image = t([4, 4, 1], range(16));

  test('max pooling keeps the largest value of each window', () => {
    expect(Array.from(maxPool2dReference(image, { size: [2, 2] }).data)).toEqual([6, 8, 14, 16]);
  });

  test('max pooling never picks the padding, even when every value is negative', () => {
    const negative = t([2, 2, 1], [-4, -3, -2, -1]);
    const out = maxPool2dReference(negative, { size: [2, 2], stride: [1, 1], padding: 'same' });
    expect(Array.from(out.data)).toEqual([-1, -1, -1, -1]);
  });

  test('average pooling divides by the real cells only, as TensorFlow does', () => {
    const nine = t([3, 3, 1], range(9));
    const out = avgPool2dReference(nine, { size: [3, 3], stride: [1, 1], padding: [1, 1] });
    // Corner window {1, 2, 4, 5}: 12 / 4 = 3, not 12 / 9.
    expect(out.data[0]).toBe(3);
    expect(out.data[4]).toBe(5);
    const ones = avgPool2dReference(t([3, 3, 1], Array(9).fill(1)), {
      size: [3, 3],
      stride: [1, 1],
      padding: 'same',
    });
    expect(Array.from(ones.data)).toEqual(Array(9).fill(1));
  });

  test('global average pooling averages each channel over the whole map', () => {
    const twoChannels = t([2, 2, 2], [1, 10, 2, 20, 3, 30, 4, 40]);
    expect(Array.from(globalAvgPool2dReference(twoChannels).data)).toEqual([2.5, 25]);
  });
});

describe('dense, flatten, merge and batch norm', () => {
  test('dense: b + Σ x·W with the kernel [inputs, units]', () => {
    const out = denseReference(
      t([2], [1, 2]),
      t([2, 3], [1, 2, 3, 4, 5, 6]),
      Float32Array.of(0, 0, 1),
    );
    expect(Array.from(out.data)).toEqual([9, 12, 16]);
    expect(() => denseReference(t([3], [1, 2, 3]), t([2, 3], range(6)), null)).toThrow(/inputs/);
  });

  test('flatten keeps height, width, channel order', () => {
    expect(flattenReference(t([1, 2, 2], [1, 2, 3, 4]))).toEqual(t([4], [1, 2, 3, 4]));
  });

  test('add sums, concat stacks channels', () => {
    const a = t([1, 2, 1], [1, 2]);
    const b = t([1, 2, 2], [10, 20, 30, 40]);
    expect(Array.from(addReference([a, a]).data)).toEqual([2, 4]);
    expect(concatReference([a, b])).toEqual(t([1, 2, 3], [1, 10, 20, 2, 30, 40]));
    expect(() => addReference([a, b])).toThrow(/same shape/);
  });

  test('batch norm: γ (x − μ) / √(σ² + ε) + β per channel', () => {
    const out = batchNormReference(
      t([2, 2], [1, 10, 3, 20]),
      {
        gamma: Float32Array.of(2, 1),
        beta: Float32Array.of(0, 5),
        mean: Float32Array.of(1, 10),
        variance: Float32Array.of(4, 100),
      },
      0,
    );
    expect(Array.from(out.data)).toEqual([0, 5, 2, 6]);
  });

  test('batch norm while training: each channel has mean 0 and variance ≈ 1 over the batch', () => {
    const random = createRandom('bn');
    const batch = t(
      [8, 3],
      range(24).map((i) => random.normal(i % 3, 1 + (i % 3))),
    );
    const { output, mean, variance } = batchNormTrainingReference(
      batch,
      Float32Array.of(1, 1, 1),
      new Float32Array(3),
    );
    for (let c = 0; c < 3; c++) {
      const values = Array.from(output.data).filter((_, i) => i % 3 === c);
      const m = values.reduce((s, v) => s + v, 0) / 8;
      const v = values.reduce((s, x) => s + (x - m) ** 2, 0) / 8;
      expect(m).toBeCloseTo(0, 5);
      expect(v).toBeCloseTo(variance[c]! / (variance[c]! + 1e-5), 4);
      expect(mean[c]).toBeCloseTo(
        Array.from(batch.data)
          .filter((_, i) => i % 3 === c)
          .reduce((s, x) => s + x, 0) / 8,
        5,
      );
    }
  });
});

describe('activations', () => {
  test('values at a few points, with the lab’s constants', () => {
    const at = (fn: Parameters<typeof activationReference>[0], x: number) =>
      activationReference(fn, t([1], [x])).data[0];
    expect(LEAKY_RELU_ALPHA).toBe(0.01);
    expect(ELU_ALPHA).toBe(1);
    expect(at('relu', -1)).toBe(0);
    expect(at('leakyrelu', -2)).toBeCloseTo(-0.02, 7);
    expect(at('elu', -1)).toBeCloseTo(Math.exp(-1) - 1, 7);
    expect(at('sigmoid', 0)).toBe(0.5);
    expect(at('sigmoid', -800)).toBe(0);
    expect(at('tanh', 1)).toBeCloseTo(Math.tanh(1), 7);
    expect(at('softplus', 0)).toBeCloseTo(Math.LN2, 7);
    expect(at('softplus', 100)).toBe(100);
    expect(at('linear', -3.5)).toBe(-3.5);
  });

  test.each(ACTIVATIONS.filter(isElementwise))(
    '%s: the derivative matches central differences',
    (name) => {
      const fn = elementwiseOf(name);
      for (const x of [-3, -0.7, 0.4, 2.5]) {
        const numeric = (fn.value(x + 1e-6) - fn.value(x - 1e-6)) / 2e-6;
        expect(fn.derivative(x)).toBeCloseTo(numeric, 6);
      }
    },
  );

  test('softmax sums to one along the last axis, even for huge logits', () => {
    const p = softmaxReference(t([2, 2], [1000, 1001, 0, 0]));
    expect(p.data[0]).toBeCloseTo(1 / (1 + Math.E), 6);
    expect(p.data[1]! + p.data[0]!).toBeCloseTo(1, 6);
    expect(Array.from(p.data.subarray(2))).toEqual([0.5, 0.5]);
  });
});

describe('softmax cross-entropy', () => {
  test('L = log Σ e^z − z_y, stable for huge logits', () => {
    expect(softmaxCrossEntropyReference(t([3], [1, 2, 3]), 2)).toBeCloseTo(
      Math.log(Math.E + Math.E ** 2 + Math.E ** 3) - 3,
      6,
    );
    expect(softmaxCrossEntropyReference(t([2], [1000, 0]), 1)).toBeCloseTo(1000, 3);
    expect(() => softmaxCrossEntropyReference(t([2], [0, 0]), 2)).toThrow(/label/);
  });

  test('∂L/∂z = p − y, which matches central differences in float64', () => {
    const z = { shape: [4], data: Float64Array.of(0.3, -1.2, 2.0, 0.5) };
    const g = softmaxCrossEntropyGradient(z, 1);
    expect(g.data.reduce((s, v) => s + v, 0)).toBeCloseTo(0, 12);
    z.data.forEach((v, i) => {
      const up = Float64Array.from(z.data);
      const down = Float64Array.from(z.data);
      up[i] = v + 1e-6;
      down[i] = v - 1e-6;
      const numeric =
        (softmaxCrossEntropyReference({ shape: [4], data: up }, 1) -
          softmaxCrossEntropyReference({ shape: [4], data: down }, 1)) /
        2e-6;
      expect(g.data[i]).toBeCloseTo(numeric, 8);
    });
  });
});

describe('dropout masks', () => {
  test('zero with probability `rate`, else 1 / (1 − rate); the same for the same seed', () => {
    const mask = dropoutMaskOf(10_000, 0.3, createRandom('mask'));
    const zeros = mask.filter((m) => m === 0).length;
    expect(zeros / 10_000).toBeGreaterThan(0.28);
    expect(zeros / 10_000).toBeLessThan(0.32);
    expect(new Set(mask.filter((m) => m !== 0))).toEqual(new Set([Math.fround(1 / 0.7)]));
    expect(dropoutMaskOf(10_000, 0.3, createRandom('mask'))).toEqual(mask);
  });
});

describe('batches and whole networks', () => {
  test('unstack and stack are inverse', () => {
    const batch = t([2, 1, 2, 1], [1, 2, 3, 4]);
    const samples = unstackBatch(batch);
    expect(samples.map((s) => s.shape)).toEqual([
      [1, 2, 1],
      [1, 2, 1],
    ]);
    expect(stackBatch(samples)).toEqual(batch);
  });

  test('the forward pass returns every layer, the logits before the last softmax, and its probabilities', () => {
    const network = {
      input: [2],
      layers: [
        { type: 'dense', units: 2, activation: 'relu' },
        { type: 'dense', units: 2, activation: 'softmax' },
      ],
    };
    const weights = [
      { kernel: t([2, 2], [1, 0, 0, 1]), bias: t([2], [0, -5]) },
      { kernel: t([2, 2], [1, 0, 0, 1]), bias: t([2], [0, 0]) },
    ];
    const { outputs, logits } = forwardReference(network, weights, t([2], [3, 4]));
    expect(Array.from(outputs[0]?.data ?? [])).toEqual([3, 0]);
    expect(Array.from(logits.data)).toEqual([3, 0]);
    expect(outputs[1]?.data[0]).toBeCloseTo(Math.E ** 3 / (Math.E ** 3 + 1), 6);
  });
});
