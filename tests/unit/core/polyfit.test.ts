import { describe, expect, test } from 'vitest';
import {
  errorsByDegree,
  polyData,
  polyFit,
  polyMse,
  polyValue,
  type PolyPoints,
} from '../../../src/core/polyfit';

const points = (x: number[], y: number[]): PolyPoints => ({
  x: Float64Array.from(x),
  y: Float64Array.from(y),
});

/** Lagrange's interpolating polynomial through the points, evaluated at t: an independent oracle. */
function lagrange(p: PolyPoints, t: number): number {
  let sum = 0;
  for (let i = 0; i < p.x.length; i++) {
    let term = p.y[i] ?? 0;
    for (let j = 0; j < p.x.length; j++)
      if (j !== i) term *= (t - (p.x[j] ?? 0)) / ((p.x[i] ?? 0) - (p.x[j] ?? 0));
    sum += term;
  }
  return sum;
}

/**
 * The ridge normal equations (VᵀV + λI′) c = Vᵀy solved by Gaussian elimination with partial
 * pivoting: the textbook route polyFit avoids (it squares the condition number), fine at low degree.
 */
function normalEquations(p: PolyPoints, degree: number, lambda: number): number[] {
  const m = degree + 1;
  const matrix = Array.from({ length: m }, (_, r) =>
    Array.from(
      { length: m },
      (_, c) => p.x.reduce((s, x) => s + x ** (r + c), 0) + (r === c && r > 0 ? lambda : 0),
    ),
  );
  const rhs = Array.from({ length: m }, (_, r) =>
    p.x.reduce((s, x, i) => s + x ** r * (p.y[i] ?? 0), 0),
  );
  return gaussSolve(matrix, rhs);
}

/** Solves Ax = b by Gaussian elimination with partial pivoting. */
function gaussSolve(matrix: number[][], rhs: number[]): number[] {
  const m = rhs.length;
  const a = matrix.map((row, r) => [...row, rhs[r]!]);
  for (let k = 0; k < m; k++) {
    let pivot = k;
    for (let r = k + 1; r < m; r++) if (Math.abs(a[r]![k]!) > Math.abs(a[pivot]![k]!)) pivot = r;
    [a[k], a[pivot]] = [a[pivot]!, a[k]!];
    for (let r = k + 1; r < m; r++) {
      const f = a[r]![k]! / a[k]![k]!;
      for (let c = k; c <= m; c++) a[r]![c]! -= f * a[k]![c]!;
    }
  }
  const c = new Array<number>(m).fill(0);
  for (let k = m - 1; k >= 0; k--) {
    let s = a[k]![m]!;
    for (let j = k + 1; j < m; j++) s -= a[k]![j]! * c[j]!;
    c[k] = s / a[k]![k]!;
  }
  return c;
}

describe('polynomial least squares', () => {
  test('a line fit is the closed form: slope cov(x, y)/var(x), intercept ȳ − slope·x̄', () => {
    const p = points([-0.9, -0.4, 0.1, 0.3, 0.8], [0.2, 0.5, 1.7, 1.4, 2.6]);
    const n = p.x.length;
    const mx = p.x.reduce((s, v) => s + v, 0) / n;
    const my = p.y.reduce((s, v) => s + v, 0) / n;
    let sxy = 0;
    let sxx = 0;
    for (let i = 0; i < n; i++) {
      sxy += ((p.x[i] ?? 0) - mx) * ((p.y[i] ?? 0) - my);
      sxx += ((p.x[i] ?? 0) - mx) ** 2;
    }
    const slope = sxy / sxx;
    const [c0, c1] = polyFit(p, 1);
    expect(c1).toBeCloseTo(slope, 12);
    expect(c0).toBeCloseTo(my - slope * mx, 12);
  });

  test('degree 0 is the mean, and a huge λ shrinks any degree towards the mean', () => {
    const p = polyData({ seed: 3, count: 12, testCount: 1, noise: 0.3 }).train;
    const mean = p.y.reduce((s, v) => s + v, 0) / p.y.length;
    expect(polyFit(p, 0)[0]).toBeCloseTo(mean, 12);
    const shrunk = polyFit(p, 9, 1e9);
    expect(shrunk[0]).toBeCloseTo(mean, 6);
    for (const c of shrunk.slice(1)) expect(Math.abs(c)).toBeLessThan(1e-6);
  });

  test.each([3, 7, 11])(
    'with degree + 1 points (degree %i) it interpolates: Lagrange agrees',
    (d) => {
      const p = polyData({ seed: `interp${d}`, count: d + 1, testCount: 0, noise: 0.2 }).train;
      const c = polyFit(p, d);
      expect(polyMse(c, p)).toBeLessThan(1e-18);
      for (const t of [-0.95, -0.3, 0.05, 0.6, 0.99])
        expect(polyValue(c, t)).toBeCloseTo(lagrange(p, t), 6);
    },
  );

  test.each([
    [2, 0],
    [4, 0.01],
    [6, 0.5],
  ])('degree %i, λ %f: the normal equations give the same coefficients', (d, lambda) => {
    const p = polyData({ seed: 'ne', count: 20, testCount: 0, noise: 0.25 }).train;
    const c = polyFit(p, d, lambda);
    const expected = normalEquations(p, d, lambda);
    expected.forEach((e, k) => expect(c[k]).toBeCloseTo(e, 7));
  });

  test('fewer points than coefficients: through every point, with the smallest coefficients', () => {
    // The independent route: c = Vᵀw with (VVᵀ)w = y, solved as normal equations of a
    // polynomial "fit" whose x-powers are the rows: fine at this small size.
    const p = polyData({ seed: 'few', count: 6, testCount: 0, noise: 0.2 }).train;
    const d = 8;
    const c = polyFit(p, d);
    expect(polyMse(c, p)).toBeLessThan(1e-24);
    const n = p.x.length;
    const g = Array.from({ length: n }, (_, i) =>
      Array.from({ length: n }, (_, j) => {
        let s = 0;
        for (let k = 0; k <= d; k++) s += ((p.x[i] ?? 0) * (p.x[j] ?? 0)) ** k;
        return s;
      }),
    );
    const w = gaussSolve(g, Array.from(p.y));
    for (let k = 0; k <= d; k++) {
      const expected = w.reduce((s, wi, i) => s + wi * (p.x[i] ?? 0) ** k, 0);
      expect(c[k]).toBeCloseTo(expected, 6);
    }
    // Degree 15 through 15 points (the slider's far end) interpolates too.
    const many = polyData({ seed: 1, count: 15, testCount: 0, noise: 0.2 }).train;
    expect(polyMse(polyFit(many, 15), many)).toBeLessThan(1e-16);
  });

  test('training error never rises with degree (nested models); held-out error rises again', () => {
    const data = polyData({ seed: 1, count: 15, testCount: 40, noise: 0.2 });
    const errors = errorsByDegree(data, 14);
    for (let d = 1; d < errors.length; d++)
      expect(errors[d]!.train).toBeLessThanOrEqual(errors[d - 1]!.train + 1e-12);
    const best = Math.min(...errors.map((e) => e.test));
    expect(errors[14]!.test).toBeGreaterThan(3 * best);
    expect(errors[0]!.test).toBeGreaterThan(3 * best);
  });

  test('the data is seeded: the same seed repeats, and the test points ignore the training count', () => {
    const a = polyData({ seed: 5, count: 10, testCount: 20, noise: 0.1 });
    const b = polyData({ seed: 5, count: 30, testCount: 20, noise: 0.1 });
    expect(Array.from(a.test.x)).toEqual(Array.from(b.test.x));
    expect(Array.from(a.train.x)).toEqual(Array.from(b.train.x.slice(0, 10)));
    const c = polyData({ seed: 6, count: 10, testCount: 20, noise: 0.1 });
    expect(Array.from(a.train.x)).not.toEqual(Array.from(c.train.x));
  });

  test('bad arguments are named', () => {
    const p = points([0], [1]);
    expect(() => polyFit(p, -1)).toThrow(/degree/);
    expect(() => polyFit(p, 1, -2)).toThrow(/λ/);
    expect(() => polyFit(points([], []), 1)).toThrow(/at least one point/);
  });
});
