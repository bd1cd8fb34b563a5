import { describe, expect, test } from 'vitest';
import {
  activationReference,
  denseReference,
  softmaxCrossEntropyReference,
  type RefTensor,
} from '../../../src/core/reference';
import {
  backwardSmallMlp,
  batchGradientsOf,
  createSmallMlp,
  forwardSmallMlp,
  HIDDEN_ACTIVATIONS,
  lossOfTrace,
  type SmallMlp,
  type SmallMlpSpec,
} from '../../../src/core/smallMlp';
import { createToyData } from '../../../src/core/toyData';

const lossAt = (net: SmallMlp, x: number, y: number, label: number) =>
  lossOfTrace(net, forwardSmallMlp(net, x, y), label);

/** Checks every weight and bias gradient of one point against a central difference. */
function checkGradients(spec: SmallMlpSpec, x: number, y: number, label: number) {
  const net = createSmallMlp(spec, 'grad');
  net.biases.forEach((b, l) => b.forEach((_, i) => (b[i] = 0.1 * Math.sin(7 * l + i))));
  const grads = backwardSmallMlp(net, forwardSmallMlp(net, x, y), label);
  const eps = 1e-6;
  let checked = 0;
  for (const [params, analytic] of [
    [net.weights, grads.weights],
    [net.biases, grads.biases],
  ] as const) {
    params.forEach((p, l) =>
      p.forEach((w, i) => {
        p[i] = w + eps;
        const up = lossAt(net, x, y, label);
        p[i] = w - eps;
        const down = lossAt(net, x, y, label);
        p[i] = w;
        const numeric = (up - down) / (2 * eps);
        const value = analytic[l]?.[i] ?? NaN;
        expect(Math.abs(value - numeric)).toBeLessThan(1e-7 + 1e-6 * Math.abs(numeric));
        checked++;
      }),
    );
  }
  return checked;
}

describe('small MLP', () => {
  test.each(HIDDEN_ACTIVATIONS.flatMap((a) => [[a, 'sigmoid'] as const, [a, 'softmax'] as const]))(
    'backprop equals finite differences: %s hidden, %s output',
    (activation, output) => {
      const spec: SmallMlpSpec = { hidden: [3, 4], activation, output };
      // Points chosen off ReLU's kink: every pre-activation is far from 0 for them.
      expect(checkGradients(spec, 0.37, -0.81, 1)).toBe(
        2 * 3 + 3 + 3 * 4 + 4 + 4 * (output === 'softmax' ? 2 : 1) + (output === 'softmax' ? 2 : 1),
      );
      checkGradients(spec, -0.52, 0.29, 0);
    },
  );

  test('the perceptron (no hidden layer) has gradients too', () => {
    expect(checkGradients({ hidden: [], activation: 'tanh', output: 'sigmoid' }, 0.3, 0.4, 0)).toBe(
      3,
    );
  });

  test('δ at the output is p − y', () => {
    const net = createSmallMlp({ hidden: [2], activation: 'tanh', output: 'softmax' }, 1);
    const trace = forwardSmallMlp(net, 0.2, 0.9);
    const delta = backwardSmallMlp(net, trace, 1).delta[1];
    const p = trace.post[2];
    expect(delta?.[0]).toBeCloseTo((p?.[0] ?? 0) - 0, 12);
    expect(delta?.[1]).toBeCloseTo((p?.[1] ?? 0) - 1, 12);
  });

  test('forward pass equals the reference dense and activation ops', () => {
    const net = createSmallMlp({ hidden: [4, 3], activation: 'relu', output: 'softmax' }, 5);
    net.biases.forEach((b) => b.forEach((_, i) => (b[i] = 0.05 * (i + 1))));
    const trace = forwardSmallMlp(net, 0.6, -0.3);
    let a: RefTensor<Float64Array> = { shape: [2], data: Float64Array.of(0.6, -0.3) };
    net.weights.forEach((w, l) => {
      const n = net.sizes[l] ?? 0;
      const m = net.sizes[l + 1] ?? 0;
      // The reference kernel is [inputs, units]; the small MLP stores [units, inputs].
      const kernel = Float64Array.from(
        { length: n * m },
        (_, k) => w[(k % m) * n + Math.floor(k / m)] ?? 0,
      );
      const z = denseReference(a, { shape: [n, m], data: kernel }, net.biases[l] ?? null);
      expect(Array.from(trace.pre[l] ?? [])).toEqual(
        Array.from(z.data, (v) => expect.closeTo(v, 12) as number),
      );
      a = activationReference(l === net.weights.length - 1 ? 'softmax' : 'relu', z);
      expect(Array.from(trace.post[l + 1] ?? [])).toEqual(
        Array.from(a.data).map((v) => expect.closeTo(v, 12) as number),
      );
    });
    const logits = { shape: [2], data: trace.pre[2] ?? new Float64Array(2) };
    expect(lossOfTrace(net, trace, 1)).toBeCloseTo(softmaxCrossEntropyReference(logits, 1), 10);
  });

  test('batch gradients are the mean of the point gradients', () => {
    const net = createSmallMlp({ hidden: [3], activation: 'tanh', output: 'sigmoid' }, 2);
    const data = createToyData({ dataset: 'circles', count: 6, noise: 0, seed: 1 });
    const batch = batchGradientsOf(net, data.xy, data.labels, [0, 3, 5]);
    let sum = 0;
    for (const k of [0, 3, 5]) {
      const t = forwardSmallMlp(net, data.xy[2 * k] ?? 0, data.xy[2 * k + 1] ?? 0);
      sum += backwardSmallMlp(net, t, data.labels[k] ?? 0).weights[0]?.[1] ?? 0;
    }
    expect(batch.weights[0]?.[1]).toBeCloseTo(sum / 3, 12);
  });

  test('seeded initialisation: same seed, same weights; He scale for ReLU', () => {
    const spec: SmallMlpSpec = { hidden: [8, 8, 8], activation: 'relu', output: 'sigmoid' };
    expect(createSmallMlp(spec, 3).weights).toEqual(createSmallMlp(spec, 3).weights);
    expect(createSmallMlp(spec, 3).weights).not.toEqual(createSmallMlp(spec, 4).weights);
    const big = createSmallMlp({ ...spec, hidden: [8, 8, 8, 8] }, 9).weights.slice(1, 4);
    const values = big.flatMap((w) => Array.from(w));
    const std = Math.sqrt(values.reduce((s, v) => s + v * v, 0) / values.length);
    expect(std).toBeGreaterThan(0.35); // √(2/8) = 0.5
    expect(std).toBeLessThan(0.65);
  });
});
