import { beforeAll, describe, expect, test } from 'vitest';
import { inspectSample } from '../../../src/engine/inspect';
import { createOptimizer, type OptimizerConfig } from '../../../src/engine/optimizers';
import { readWeights } from '../../../src/engine/records';
import { trainStep } from '../../../src/engine/train';
import { randomModel, relativeError, useCpu } from './helpers';

beforeAll(useCpu);

const NETWORK = { input: [3], layers: [{ type: 'dense', units: 2, activation: 'softmax' }] };
const IMAGE = Float32Array.of(0.5, -1, 2);
const LABEL = 1;

/**
 * Two updates of a 3→2 softmax layer from its gradients, by the formulas in the TSDoc of
 * optimizers.ts, against the engine's training step (tolerance 1e-5 normwise).
 */
async function expectUpdates(
  config: OptimizerConfig,
  update: (w: number, g: number, t: number, state: number[], decays: boolean) => number,
) {
  const model = await randomModel(NETWORK, 'optimizer');
  const optimizer = createOptimizer(config);
  const states = new Map<string, number[]>();
  for (let t = 1; t <= 2; t++) {
    const { weightGradients } = await inspectSample(model, IMAGE, LABEL, { includeWeights: false });
    const before = await readWeights(model);
    const expected = before.map((w, i) =>
      w.data.map((value, j) => {
        const key = `${w.role}/${j}`;
        const state = states.get(key) ?? [0, 0];
        states.set(key, state);
        return update(value, weightGradients[i]?.data[j] ?? NaN, t, state, w.role === 'kernel');
      }),
    );
    await trainStep(model, optimizer, { count: 1, images: IMAGE, labels: [LABEL] });
    const after = await readWeights(model);
    after.forEach((w, i) => expect(relativeError(w.data, expected[i] ?? [])).toBeLessThan(1e-5));
  }
  optimizer.dispose();
  model.dispose();
}

describe('optimiser updates follow their formulas', () => {
  const lr = 0.1;
  const l1 = 0.05;
  const l2 = 0.2;
  const decayed = (w: number, g: number, decays: boolean) =>
    decays ? g + l1 * Math.sign(w) + l2 * w : g;

  test('SGD with L1 and L2 on the kernel (not the bias): w ← w − η(g + λ₁ sign w + λ₂ w)', async () => {
    await expectUpdates(
      { name: 'sgd', learningRate: lr, l1, l2 },
      (w, g, _, __, decays) => w - lr * decayed(w, g, decays),
    );
  });

  test('momentum: v ← μv + g, w ← w − ηv', async () => {
    await expectUpdates(
      { name: 'momentum', learningRate: lr, momentum: 0.8, l2 },
      (w, g, _, s, decays) => {
        s[0] = 0.8 * (s[0] ?? 0) + (decays ? g + l2 * w : g);
        return w - lr * (s[0] ?? 0);
      },
    );
  });

  test('Adam with bias correction', async () => {
    const [b1, b2, eps] = [0.9, 0.999, 1e-7];
    await expectUpdates({ name: 'adam', learningRate: lr }, (w, g, t, s) => {
      s[0] = b1 * (s[0] ?? 0) + (1 - b1) * g;
      s[1] = b2 * (s[1] ?? 0) + (1 - b2) * g * g;
      const mHat = (s[0] ?? 0) / (1 - b1 ** t);
      const vHat = (s[1] ?? 0) / (1 - b2 ** t);
      return w - (lr * mHat) / (Math.sqrt(vHat) + eps);
    });
  });

  test('the penalty reported is λ₁ Σ|w| + (λ₂/2) Σ w² over the kernels', async () => {
    const model = await randomModel(NETWORK, 'penalty');
    const kernel = (await readWeights(model)).find((w) => w.role === 'kernel')?.data ?? [];
    const optimizer = createOptimizer({ name: 'sgd', learningRate: 0, l1, l2 });
    const { penalty } = await trainStep(model, optimizer, {
      count: 1,
      images: IMAGE,
      labels: [LABEL],
    });
    const expected = Array.from(kernel).reduce(
      (s, w) => s + l1 * Math.abs(w) + (l2 / 2) * w * w,
      0,
    );
    expect(penalty).toBeCloseTo(expected, 5);
    optimizer.dispose();
    model.dispose();
  });

  test('changing the learning rate keeps the momentum; changing the optimiser resets it', async () => {
    const optimizer = createOptimizer({ name: 'momentum', learningRate: 0.1 });
    const model = await randomModel(NETWORK, 'configure');
    await trainStep(model, optimizer, { count: 1, images: IMAGE, labels: [LABEL] });
    optimizer.configure({ name: 'momentum', learningRate: 0.01 });
    expect(optimizer.iterations).toBe(1);
    optimizer.configure({ name: 'adam', learningRate: 0.01 });
    expect(optimizer.iterations).toBe(0);
    optimizer.dispose();
    model.dispose();
  });
});
