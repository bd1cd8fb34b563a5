import { describe, expect, test } from 'vitest';
import {
  epsilonGrid,
  fgsmStep,
  iterativeStep,
  maxPerturbation,
  projectToBall,
  topClasses,
} from '../../../src/core/adversarial';
import { createRandom } from '../../../src/core/random';

const random = createRandom('adversarial');
const image = Float32Array.from({ length: 200 }, (_, i) =>
  // Some pixels at the ends of the range, where clipping must act.
  i % 10 === 0 ? 0 : i % 10 === 1 ? 1 : random.next(),
);
const gradient = Float32Array.from({ length: 200 }, (_, i) =>
  i % 7 === 0 ? 0 : random.normal(0, 1e-3),
);

describe('FGSM sign step', () => {
  test.each([0.01, 0.1, 0.3])(
    'ε = %f: each pixel moves by exactly ±ε or not at all, then is clipped to 0..1',
    (eps) => {
      const out = fgsmStep(image, gradient, eps);
      for (let i = 0; i < image.length; i++) {
        const x = image[i]!;
        const g = gradient[i]!;
        const unclipped = g === 0 ? x : x + Math.sign(g) * eps;
        const expected = Math.min(1, Math.max(0, unclipped));
        expect(out[i]).toBeCloseTo(expected, 6);
        const moved = Math.abs(out[i]! - x);
        // Unclipped pixels move by ε exactly (float32 rounding aside); clipped ones by less.
        if (g !== 0 && unclipped >= 0 && unclipped <= 1) expect(moved).toBeCloseTo(eps, 6);
        else expect(moved).toBeLessThanOrEqual(eps + 1e-7);
        if (g === 0) expect(out[i]).toBe(x);
      }
      expect(maxPerturbation(out, image)).toBeLessThanOrEqual(eps + 1e-6);
    },
  );

  test('the step follows the gradient sign, not its size; and a 0..255 range clips there', () => {
    const out = fgsmStep([100, 100, 250], [5e-9, -300, 1], 10, [0, 255]);
    expect(Array.from(out)).toEqual([110, 90, 255]);
  });

  test('a wrong length or a negative ε is named', () => {
    expect(() => fgsmStep([0, 1], [1], 0.1)).toThrow(/2 values but the gradient 1/);
    expect(() => fgsmStep([0], [1], -0.1)).toThrow(/ε must be/);
  });
});

describe('the iterative method', () => {
  test('k steps of α never leave the ε-ball round the original, nor the pixel range', () => {
    const eps = 0.05;
    let x: Float32Array = Float32Array.from(image);
    for (let k = 0; k < 10; k++) {
      // A fresh gradient each step, as the network's would change.
      const g = Float32Array.from(image, () => random.normal(0, 1));
      x = iterativeStep(x, image, g, 0.02, eps);
      for (let i = 0; i < x.length; i++) {
        expect(Math.abs(x[i]! - image[i]!)).toBeLessThanOrEqual(eps + 1e-6);
        expect(x[i]).toBeGreaterThanOrEqual(0);
        expect(x[i]).toBeLessThanOrEqual(1);
      }
    }
    // With the same gradient every step, it walks to the edge of the ball: FGSM with ε.
    let same: Float32Array = Float32Array.from(image);
    for (let k = 0; k < 5; k++) same = iterativeStep(same, image, gradient, 0.02, eps);
    const fgsm = fgsmStep(image, gradient, eps);
    for (let i = 0; i < image.length; i++) expect(same[i]).toBeCloseTo(fgsm[i]!, 6);
  });

  test('projection clips to [x₀ − ε, x₀ + ε] ∩ [0, 1]', () => {
    expect(Array.from(projectToBall([0.9, -0.05, 0.5], [0.5, 0.02, 0.5], 0.1))).toEqual(
      [0.6, 0, 0.5].map(Math.fround),
    );
  });
});

describe('read-outs', () => {
  test('top classes, most probable first; ε grid from 0', () => {
    expect(topClasses([0.1, 0.6, 0.3], 2)).toEqual([
      { index: 1, probability: 0.6 },
      { index: 2, probability: 0.3 },
    ]);
    const grid = epsilonGrid(0.3, 4);
    expect(grid).toHaveLength(4);
    [0, 0.1, 0.2, 0.3].forEach((v, i) => expect(grid[i]).toBeCloseTo(v, 12));
    expect(() => epsilonGrid(0.3, 1)).toThrow(/at least 2/);
  });
});
