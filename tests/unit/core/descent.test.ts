import { describe, expect, test } from 'vitest';
import {
  bowlFunction,
  HIMMELBLAU,
  ROSENBROCK,
  SADDLE,
  SURFACE_FUNCTION_IDS,
  surfaceFunctionOf,
  type Point2,
} from '../../../src/core/descent/functions';
import {
  batchNoiseStd,
  descentStep,
  INITIAL_DESCENT_STATE,
  runDescent,
  type DescentSettings,
} from '../../../src/core/descent/optimisers';
import {
  checkLandscapeRequest,
  filterNormalisedDirection,
  filterNorms,
  gridCoordinates,
} from '../../../src/core/descent/landscape';
import { createRandom } from '../../../src/core/random';

const SETTINGS: DescentSettings = {
  learningRate: 0.1,
  adamLearningRate: 0.1,
  momentum: 0.9,
  batchSize: Infinity,
  steps: 50,
  seed: 1,
};

describe('the test functions', () => {
  test.each(SURFACE_FUNCTION_IDS)('%s: the analytic gradient matches central differences', (id) => {
    const fn = surfaceFunctionOf(id, 7);
    const random = createRandom(`fd-${id}`);
    const h = 1e-5;
    for (let k = 0; k < 20; k++) {
      const p: Point2 = [
        random.uniform(fn.domain.x[0], fn.domain.x[1]),
        random.uniform(fn.domain.y[0], fn.domain.y[1]),
      ];
      const [gx, gy] = fn.gradient(p);
      const dx = (fn.value([p[0] + h, p[1]]) - fn.value([p[0] - h, p[1]])) / (2 * h);
      const dy = (fn.value([p[0], p[1] + h]) - fn.value([p[0], p[1] - h])) / (2 * h);
      const scale = Math.max(1, Math.abs(dx), Math.abs(dy));
      expect(Math.abs(gx - dx) / scale).toBeLessThan(1e-6);
      expect(Math.abs(gy - dy) / scale).toBeLessThan(1e-6);
    }
  });

  test('the published minima: Rosenbrock (1, 1), Himmelblau’s four, the saddle’s two valleys', () => {
    expect(ROSENBROCK.value([1, 1])).toBe(0);
    expect(ROSENBROCK.gradient([1, 1])).toEqual([-0, 0]);
    for (const p of [
      [3, 2],
      [-2.805118, 3.131312],
      [-3.77931, -3.283186],
      [3.584428, -1.848126],
    ] as Point2[]) {
      expect(HIMMELBLAU.value(p)).toBeLessThan(1e-9);
      expect(HIMMELBLAU.value(p)).toBeGreaterThanOrEqual(HIMMELBLAU.minimum);
    }
    expect(SADDLE.value([0, 1])).toBe(SADDLE.minimum);
    expect(SADDLE.gradient([0, 0])).toEqual([0, 0]);
  });

  test('the bowl refuses a condition number below 1', () => {
    expect(() => bowlFunction(0.5)).toThrow(/condition number must be 1 or more/);
  });
});

describe('the optimisers', () => {
  test('SGD on the bowl is the closed form x(1 − η)ᵗ, y(1 − ηκ)ᵗ', () => {
    const kappa = 10;
    const eta = 0.15;
    const run = runDescent(bowlFunction(kappa), 'sgd', [2, 1], {
      ...SETTINGS,
      learningRate: eta,
      steps: 30,
    });
    expect(run.stepsTaken).toBe(30);
    for (let t = 0; t <= 30; t++) {
      expect(run.path[2 * t]).toBeCloseTo(2 * (1 - eta) ** t, 12);
      expect(run.path[2 * t + 1]).toBeCloseTo((1 - eta * kappa) ** t, 12);
    }
    expect(run.diverged).toBe(false);
  });

  test('SGD on the bowl diverges once η > 2/κ, and says after how many steps', () => {
    const run = runDescent(bowlFunction(10), 'sgd', [2, 1], {
      ...SETTINGS,
      learningRate: 0.21,
      steps: 500,
    });
    expect(run.diverged).toBe(true);
    expect(run.stepsTaken).toBeLessThan(500);
    // |1 − 2.1|ᵗ = 1.1ᵗ passes 50 domain widths (300) near t = ln 300 / ln 1.1 ≈ 60.
    expect(run.stepsTaken).toBeGreaterThan(40);
    expect(run.path.length).toBe(2 * (run.stepsTaken + 1));
    const stable = runDescent(bowlFunction(10), 'sgd', [2, 1], {
      ...SETTINGS,
      learningRate: 0.19,
      steps: 500,
    });
    expect(stable.diverged).toBe(false);
    expect(stable.finalLoss).toBeLessThan(1e-10);
  });

  test('momentum and Nesterov: the first two steps by hand', () => {
    const settings = { ...SETTINGS, learningRate: 0.1, momentum: 0.5 };
    // g₁ = (1, 2): v = (1, 2); p = (1, 1) − 0.1·(1, 2) = (0.9, 0.8).
    const first = descentStep('momentum', [1, 1], [1, 2], INITIAL_DESCENT_STATE, settings);
    expect(first.point[0]).toBeCloseTo(0.9, 15);
    expect(first.point[1]).toBeCloseTo(0.8, 15);
    // g₂ = (−2, 0): v = 0.5·(1, 2) + (−2, 0) = (−1.5, 1); p = (0.9, 0.8) − 0.1·v = (1.05, 0.7).
    const second = descentStep('momentum', first.point, [-2, 0], first.state, settings);
    expect(second.state.velocity).toEqual([-1.5, 1]);
    expect(second.point[0]).toBeCloseTo(1.05, 15);
    expect(second.point[1]).toBeCloseTo(0.7, 15);
    // Nesterov's step is g + μv: first (1, 2) + 0.5·(1, 2) = (1.5, 3): p = (0.85, 0.7).
    const nesterov = descentStep('nesterov', [1, 1], [1, 2], INITIAL_DESCENT_STATE, settings);
    expect(nesterov.point[0]).toBeCloseTo(0.85, 15);
    expect(nesterov.point[1]).toBeCloseTo(0.7, 15);
  });

  test('Adam’s first step is η·sign(g) (up to ε): the bias correction undoes the zero start', () => {
    const settings = { ...SETTINGS, adamLearningRate: 0.01 };
    const { point, state } = descentStep(
      'adam',
      [1, 1],
      [4, -0.001],
      INITIAL_DESCENT_STATE,
      settings,
    );
    // m = 0.1·g, v = 0.001·g²; m̂ = g, v̂ = g², so the step is η·g/(|g| + ε).
    expect(state.m[0]).toBeCloseTo(0.4, 15);
    expect(state.v[0]).toBeCloseTo(0.016, 15);
    expect(point[0]).toBeCloseTo(1 - 0.01 * (4 / (4 + 1e-8)), 12);
    expect(point[1]).toBeCloseTo(1 + 0.01 * (0.001 / (0.001 + 1e-8)), 12);
  });

  test('Adam’s bias correction at step t divides the moments by 1 − βᵗ', () => {
    const settings = { ...SETTINGS, adamLearningRate: 0.001 };
    // A constant gradient g: m_t = (1 − β₁ᵗ)g and v_t = (1 − β₂ᵗ)g², so m̂ = g and v̂ = g² at every t,
    // and each step is η·g/(|g| + ε); without the correction step 3 would be η·0.271/√0.003 ≈ 4.9η.
    let p: Point2 = [0, 0];
    let state = INITIAL_DESCENT_STATE;
    for (let t = 1; t <= 3; t++) {
      const before = p[0];
      ({ point: p, state } = descentStep('adam', p, [3, 3], state, settings));
      expect(state.m[0]).toBeCloseTo((1 - 0.9 ** t) * 3, 14);
      expect(state.v[0]).toBeCloseTo((1 - 0.999 ** t) * 9, 14);
      expect(before - p[0]).toBeCloseTo(0.001 * (3 / (3 + 1e-8)), 12);
    }
    expect(state.t).toBe(3);
  });

  test('Adam walks the badly conditioned bowl’s long axis at about η a step, SGD at ηx', () => {
    const bowl = bowlFunction(50);
    const settings = { ...SETTINGS, learningRate: 0.019, adamLearningRate: 0.05, steps: 40 };
    const sgd = runDescent(bowl, 'sgd', [-2.5, 0.5], settings);
    const adam = runDescent(bowl, 'adam', [-2.5, 0.5], settings);
    expect(adam.finalLoss).toBeLessThan(sgd.finalLoss);
  });
});

describe('mini-batch noise', () => {
  test('σ_B = σ₁/√B, none for the full batch', () => {
    expect(batchNoiseStd(4, 16)).toBe(1);
    expect(batchNoiseStd(4, 1)).toBe(4);
    expect(batchNoiseStd(4, Infinity)).toBe(0);
    expect(batchNoiseStd(4, 0)).toBe(0);
  });

  test('the steps’ spread about the exact gradient step shrinks as 1/√B, and a seed repeats', () => {
    // On the flat f = 0 plane the step is −η·noise: its spread measures the noise directly.
    const flat = { ...bowlFunction(1), gradient: (): Point2 => [0, 0], value: () => 0 };
    const spread = (batchSize: number) => {
      const run = runDescent(flat, 'sgd', [0, 0], {
        ...SETTINGS,
        learningRate: 0.01,
        batchSize,
        steps: 4000,
      });
      let sum = 0;
      for (let t = 1; t <= run.stepsTaken; t++) {
        const dx = (run.path[2 * t] ?? 0) - (run.path[2 * t - 2] ?? 0);
        sum += dx * dx;
      }
      return Math.sqrt(sum / run.stepsTaken) / 0.01;
    };
    const s1 = spread(1);
    const s16 = spread(16);
    expect(s1).toBeCloseTo(flat.exampleNoise, 0);
    expect(s1 / s16).toBeGreaterThan(3.6);
    expect(s1 / s16).toBeLessThan(4.4);
    const a = runDescent(HIMMELBLAU, 'adam', [0, 0], { ...SETTINGS, batchSize: 4 });
    const b = runDescent(HIMMELBLAU, 'adam', [0, 0], { ...SETTINGS, batchSize: 4 });
    const c = runDescent(HIMMELBLAU, 'adam', [0, 0], { ...SETTINGS, batchSize: 4, seed: 2 });
    expect(Array.from(a.path)).toEqual(Array.from(b.path));
    expect(Array.from(a.path)).not.toEqual(Array.from(c.path));
  });
});

describe('filter-normalised directions (Li et al. 2018)', () => {
  test('each filter of a conv kernel [KH, KW, C, F] gets the weights’ filter norm; a bias gets zeros', () => {
    const shape = [2, 2, 3, 4];
    const random = createRandom('w');
    const data = Float32Array.from({ length: 48 }, (_, i) => (i % 4 === 2 ? 0 : random.normal()));
    const direction = filterNormalisedDirection({ role: 'kernel', shape, data }, createRandom('d'));
    const want = filterNorms(data, shape);
    const got = filterNorms(direction, shape);
    expect(want[2]).toBe(0);
    got.forEach((n, f) => expect(n).toBeCloseTo(want[f] ?? NaN, 5));
    // Filter f is values f, f + 4, f + 8, …: a hand-computed norm of filter 1.
    const byHand = Math.hypot(...Array.from({ length: 12 }, (_, k) => data[1 + 4 * k] ?? 0));
    expect(want[1]).toBeCloseTo(byHand, 5);
    const bias = filterNormalisedDirection(
      { role: 'bias', shape: [4], data: Float32Array.of(1, 2, 3, 4) },
      createRandom('d'),
    );
    expect(Array.from(bias)).toEqual([0, 0, 0, 0]);
    // The same seed, the same direction.
    expect(filterNormalisedDirection({ role: 'kernel', shape, data }, createRandom('d'))).toEqual(
      direction,
    );
  });

  test('the grid runs from −range to range with the current weights at its centre', () => {
    expect(Array.from(gridCoordinates(5, 1))).toEqual([-1, -0.5, 0, 0.5, 1]);
    expect(gridCoordinates(21, 1)[10]).toBe(0);
    expect(() => checkLandscapeRequest({ size: 20, range: 1, count: 10, seed: 1 })).toThrow(
      /odd number/,
    );
    expect(() => checkLandscapeRequest({ size: 21, range: 0, count: 10, seed: 1 })).toThrow(
      /range/,
    );
    expect(() => checkLandscapeRequest({ size: 21, range: 1, count: 0, seed: 1 })).toThrow(
      /training images/,
    );
  });
});
