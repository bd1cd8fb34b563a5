import { createRandom } from './random';

/**
 * Polynomial fitting for the overfitting experiment: noisy samples of a smooth curve, a
 * least-squares polynomial of degree d with an optional L2 (ridge) penalty, and its error
 * on the training points and on held-out points. Inputs live in [−1, 1], where the powers
 * xᵏ stay between −1 and 1, so the Vandermonde matrix is as well scaled as monomials get.
 * Source: Goodfellow, Bengio and Courville, Deep Learning (2016), §5.2 (capacity, figure 5.2).
 */

/** The smooth curve the points are drawn from: f(x) = sin(πx) on [−1, 1]. */
export function polyTarget(x: number): number {
  return Math.sin(Math.PI * x);
}

/** Points (x, y) as two arrays of one length. */
export interface PolyPoints {
  readonly x: Float64Array;
  readonly y: Float64Array;
}

export interface PolyDataOptions {
  readonly seed: string | number;
  /** Training points. */
  readonly count: number;
  /** Held-out points, drawn the same way from their own stream. */
  readonly testCount: number;
  /** Standard deviation of the Gaussian noise added to y. */
  readonly noise: number;
}

export interface PolyData {
  readonly train: PolyPoints;
  readonly test: PolyPoints;
}

/** Points with x uniform in [−1, 1] and y = sin(πx) + N(0, noise²), from one stream. */
function drawPoints(count: number, noise: number, seed: string): PolyPoints {
  const random = createRandom(seed);
  const x = new Float64Array(count);
  const y = new Float64Array(count);
  for (let i = 0; i < count; i++) {
    const xi = random.uniform(-1, 1);
    x[i] = xi;
    y[i] = polyTarget(xi) + random.normal(0, noise);
  }
  return { x, y };
}

/**
 * Training and held-out points from a seed. The two sets use separate streams, so changing
 * the number of training points leaves the held-out points where they were.
 */
export function polyData(options: PolyDataOptions): PolyData {
  const seed = String(options.seed);
  return {
    train: drawPoints(options.count, options.noise, `${seed}/train`),
    test: drawPoints(options.testCount, options.noise, `${seed}/test`),
  };
}

/** p(x) = Σₖ cₖ xᵏ by Horner's rule; `coefficients[k]` multiplies xᵏ. */
export function polyValue(coefficients: ArrayLike<number>, x: number): number {
  let value = 0;
  for (let k = coefficients.length - 1; k >= 0; k--) value = value * x + (coefficients[k] ?? 0);
  return value;
}

/**
 * The ridge polynomial fit: c = argmin Σᵢ (p(xᵢ) − yᵢ)² + λ Σₖ₌₁ᵈ cₖ² (the constant term
 * c₀ is not penalised, so a large λ shrinks towards the mean, not towards 0). Solved as the
 * ordinary least-squares problem of the stacked system [V; √λ·I′] c ≈ [y; 0] by Householder
 * QR, which never forms VᵀV and so does not square V's condition number. With fewer points
 * than coefficients and λ = 0, infinitely many polynomials pass through every point; the
 * fit is then the one with the smallest ‖c‖₂, c = Vᵀ(VVᵀ)⁻¹y, through the QR of Vᵀ.
 */
export function polyFit(points: PolyPoints, degree: number, lambda = 0): Float64Array {
  if (!Number.isInteger(degree) || degree < 0) {
    throw new RangeError(`The degree must be a whole number from 0; got ${degree}.`);
  }
  if (!(lambda >= 0)) throw new RangeError(`λ must be 0 or more; got ${lambda}.`);
  const n = points.x.length;
  const columns = degree + 1;
  if (n === 0) throw new RangeError('A fit needs at least one point.');
  const penalised = lambda > 0 ? degree : 0;
  const rows = n + penalised;
  if (rows < columns) return minimumNormFit(points, columns);
  // Column-major, so each Householder reflection works down contiguous columns.
  const a = new Float64Array(rows * columns);
  const b = new Float64Array(rows);
  for (let i = 0; i < n; i++) {
    let power = 1;
    const xi = points.x[i] ?? 0;
    for (let k = 0; k < columns; k++) {
      a[k * rows + i] = power;
      power *= xi;
    }
    b[i] = points.y[i] ?? 0;
  }
  const root = Math.sqrt(lambda);
  for (let k = 1; k <= penalised; k++) a[k * rows + n + k - 1] = root;
  const qr = householderQr(a, rows, columns);
  qr.applyQt(b);
  return qr.solveR(b);
}

/** The smallest-norm c with Vc = y (n points, m > n coefficients): Vᵀ = QR, c = Q·[R⁻ᵀy; 0]. */
function minimumNormFit(points: PolyPoints, columns: number): Float64Array {
  const n = points.x.length;
  // Vᵀ is columns × n; its column i is (1, xᵢ, xᵢ², …).
  const a = new Float64Array(columns * n);
  for (let i = 0; i < n; i++) {
    let power = 1;
    for (let k = 0; k < columns; k++) {
      a[i * columns + k] = power;
      power *= points.x[i] ?? 0;
    }
  }
  const qr = householderQr(a, columns, n);
  const z = new Float64Array(columns);
  z.set(qr.solveRt(Float64Array.from(points.y)));
  qr.applyQ(z);
  return z;
}

/** A Householder QR factorisation of a column-major rows × columns matrix (rows ≥ columns). */
interface HouseholderQr {
  /** b ← Qᵀb, in place (b has `rows` entries). */
  applyQt(b: Float64Array): void;
  /** z ← Qz, in place (z has `rows` entries). */
  applyQ(z: Float64Array): void;
  /** x with Rx = b's first `columns` entries. */
  solveR(b: Float64Array): Float64Array;
  /** x with Rᵀx = b. */
  solveRt(b: Float64Array): Float64Array;
}

function householderQr(a: Float64Array, rows: number, columns: number): HouseholderQr {
  // Reflection k is H = I − 2vvᵀ/vᵀv with v in a's column k below the diagonal (rows k…);
  // R's diagonal is kept aside, its strict upper part stays in a.
  const diagonal = new Float64Array(columns);
  const vv = new Float64Array(columns);
  const reflect = (k: number, target: Float64Array, offset: number) => {
    if (vv[k] === 0) return;
    const col = k * rows;
    let dot = 0;
    for (let i = k; i < rows; i++) dot += (a[col + i] ?? 0) * (target[offset + i] ?? 0);
    const f = (2 * dot) / (vv[k] ?? 1);
    for (let i = k; i < rows; i++)
      target[offset + i] = (target[offset + i] ?? 0) - f * (a[col + i] ?? 0);
  };
  for (let k = 0; k < columns; k++) {
    const col = k * rows;
    let norm = 0;
    for (let i = k; i < rows; i++) norm = Math.hypot(norm, a[col + i] ?? 0);
    if (norm === 0) continue;
    // The sign that avoids cancellation in v = x − αe₁.
    const alpha = (a[col + k] ?? 0) > 0 ? -norm : norm;
    a[col + k] = (a[col + k] ?? 0) - alpha;
    let sum = 0;
    for (let i = k; i < rows; i++) sum += (a[col + i] ?? 0) ** 2;
    vv[k] = sum;
    for (let j = k + 1; j < columns; j++) reflect(k, a, j * rows);
    diagonal[k] = alpha;
  }
  const pivot = (k: number): number => {
    const r = diagonal[k] ?? 0;
    if (r === 0) throw new RangeError('The points do not determine the fit (repeated x values).');
    return r;
  };
  const upper = (i: number, j: number): number => a[j * rows + i] ?? 0;
  return {
    applyQt(b) {
      for (let k = 0; k < columns; k++) reflect(k, b, 0);
    },
    applyQ(z) {
      for (let k = columns - 1; k >= 0; k--) reflect(k, z, 0);
    },
    solveR(b) {
      const x = new Float64Array(columns);
      for (let k = columns - 1; k >= 0; k--) {
        let sum = b[k] ?? 0;
        for (let j = k + 1; j < columns; j++) sum -= upper(k, j) * (x[j] ?? 0);
        x[k] = sum / pivot(k);
      }
      return x;
    },
    solveRt(b) {
      const x = new Float64Array(columns);
      for (let k = 0; k < columns; k++) {
        let sum = b[k] ?? 0;
        for (let j = 0; j < k; j++) sum -= upper(j, k) * (x[j] ?? 0);
        x[k] = sum / pivot(k);
      }
      return x;
    },
  };
}

/** Mean squared error (1/n) Σᵢ (p(xᵢ) − yᵢ)² of a polynomial on points. */
export function polyMse(coefficients: ArrayLike<number>, points: PolyPoints): number {
  const n = points.x.length;
  if (n === 0) return NaN;
  let sum = 0;
  for (let i = 0; i < n; i++)
    sum += (polyValue(coefficients, points.x[i] ?? 0) - (points.y[i] ?? 0)) ** 2;
  return sum / n;
}

/** One degree's fit and its errors. */
export interface DegreeErrors {
  readonly degree: number;
  readonly train: number;
  readonly test: number;
}

/** Training and held-out MSE of the ridge fit at every degree from 0 to `maxDegree`. */
export function errorsByDegree(data: PolyData, maxDegree: number, lambda = 0): DegreeErrors[] {
  return Array.from({ length: maxDegree + 1 }, (_, degree) => {
    const c = polyFit(data.train, degree, lambda);
    return { degree, train: polyMse(c, data.train), test: polyMse(c, data.test) };
  });
}
