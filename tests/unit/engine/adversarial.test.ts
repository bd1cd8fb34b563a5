import { beforeAll, describe, expect, test } from 'vitest';
import { createRandom } from '../../../src/core/random';
import { computeStats } from '../../../src/data/stats';
import {
  attackPixels,
  pixelAffineOf,
  pixelGradient,
  pixelProbabilities,
  type PixelAffine,
} from '../../../src/engine/adversarial';
import { readWeights } from '../../../src/engine/records';
import { syntheticDigits } from './fixtures';
import { randomModel, relativeError, useCpu } from './helpers';

beforeAll(useCpu);

const INPUT = [4, 4, 2];
const SIZE = 32;
const network = {
  input: INPUT,
  layers: [
    { type: 'conv2d', filters: 3, kernel: 3, activation: 'tanh' },
    { type: 'flatten' },
    { type: 'dense', units: 3, activation: 'softmax' },
  ],
};

/** Σ −log softmax(f(s·p + o))_label, in float32 through the engine, for finite differences. */
async function lossAt(
  model: Awaited<ReturnType<typeof randomModel>>,
  pixels: Float32Array,
  labels: number[],
  affine: PixelAffine,
) {
  const probabilities = await pixelProbabilities(model, pixels, labels.length, affine);
  const classes = probabilities.length / labels.length;
  return labels.reduce((s, l, n) => s - Math.log(probabilities[n * classes + l] ?? NaN), 0);
}

describe('the input gradient of an attack', () => {
  test('∇ₚL matches central finite differences, through a standardising normalisation', async () => {
    const model = await randomModel(network, 'adv-fd');
    const random = createRandom('adv-fd').fork('x');
    const pixels = Float32Array.from({ length: 2 * SIZE }, () => 0.2 + 0.6 * random.next());
    const labels = [2, 0];
    // Standardise: scale 1/(255·std) per channel, a non-trivial affine map the gradient must carry.
    const affine: PixelAffine = {
      scale: Float32Array.from({ length: SIZE }, (_, i) => (i % 2 === 0 ? 3.1 : 0.7)),
      offset: Float32Array.from({ length: SIZE }, (_, i) => (i % 2 === 0 ? -0.4 : 0.25)),
    };
    const gradient = await pixelGradient(model, pixels, labels, affine);
    // float32 losses: a step of 1e-2 keeps rounding (≈1e-7 / 1e-2) well below the tolerance.
    const h = 1e-2;
    const entries = random.shuffle(Array.from(pixels, (_, i) => i)).slice(0, 24);
    const numeric: number[] = [];
    for (const i of entries) {
      const up = Float32Array.from(pixels);
      const down = Float32Array.from(pixels);
      up[i] = (up[i] ?? 0) + h;
      down[i] = (down[i] ?? 0) - h;
      numeric.push(
        ((await lossAt(model, up, labels, affine)) - (await lossAt(model, down, labels, affine))) /
          (2 * h),
      );
    }
    expect(
      relativeError(
        entries.map((i) => gradient[i] ?? NaN),
        numeric,
      ),
    ).toBeLessThan(2e-2);
    model.dispose();
  });

  test('the affine form of a normalisation reproduces it: s·(byte/255) + o', () => {
    const set = syntheticDigits(20, 'adv-norm', 8);
    const stats = computeStats(set);
    const affine = pixelAffineOf({ normalisation: 'standardise', stats }, 64, 1);
    const mean = stats.mean[0] ?? 0;
    const std = stats.std[0] ?? 1;
    for (const byte of [0, 17, 128, 255]) {
      const expected = (byte / 255 - mean) / std;
      expect((affine.scale[5] ?? 0) * (byte / 255) + (affine.offset[5] ?? 0)).toBeCloseTo(
        expected,
        4,
      );
    }
  });

  test('an attack leaves every weight as it was, and FGSM raises the loss', async () => {
    const model = await randomModel(network, 'adv-weights');
    const before = await readWeights(model);
    const random = createRandom('adv-weights').fork('x');
    const pixels = Float32Array.from({ length: 3 * SIZE }, () => random.next());
    const labels = [0, 1, 2];
    const affine: PixelAffine = {
      scale: new Float32Array(SIZE).fill(1),
      offset: new Float32Array(SIZE),
    };
    const clean = await lossAt(model, pixels, labels, affine);
    const fgsm = await attackPixels(model, pixels, labels, affine, {
      method: 'fgsm',
      epsilon: 0.05,
      steps: 1,
      alpha: 0,
    });
    const iterative = await attackPixels(model, pixels, labels, affine, {
      method: 'iterative',
      epsilon: 0.05,
      steps: 5,
      alpha: 0.02,
    });
    expect(await lossAt(model, fgsm, labels, affine)).toBeGreaterThan(clean);
    expect(await lossAt(model, iterative, labels, affine)).toBeGreaterThan(clean);
    const after = await readWeights(model);
    expect(after.length).toBe(before.length);
    after.forEach((w, i) => expect(Array.from(w.data)).toEqual(Array.from(before[i]!.data)));
    model.dispose();
  });
});
