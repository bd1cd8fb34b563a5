/**
 * Classic two-dimensional test functions for gradient descent, each with its analytic
 * gradient, the square of the plane worth looking at, a start point that shows its
 * difficulty and learning rates that work for it. Two dimensions because a person can see
 * the whole landscape and the path across it; each shows one way real losses are hard
 * (bad conditioning, a curved valley, several minima, a saddle).
 */

/** A point of the plane: [x, y]. */
export type Point2 = readonly [number, number];

/** The rectangle shown: x from x[0] to x[1], y from y[0] to y[1]. */
export interface Domain2 {
  readonly x: readonly [number, number];
  readonly y: readonly [number, number];
}

export type SurfaceFunctionId = 'bowl' | 'rosenbrock' | 'himmelblau' | 'saddle';

export interface SurfaceFunction {
  readonly id: SurfaceFunctionId;
  readonly label: string;
  /** The formula as text, for the caption. */
  readonly formula: string;
  /** f(x, y). */
  value(p: Point2): number;
  /** ∇f(x, y) = [∂f/∂x, ∂f/∂y]. */
  gradient(p: Point2): Point2;
  readonly domain: Domain2;
  readonly start: Point2;
  /** The lowest value f takes (its global minimum), for the readout. */
  readonly minimum: number;
  /** Learning rates that walk it well: plain and momentum SGD, and Adam. */
  readonly learningRate: number;
  readonly adamLearningRate: number;
  /**
   * σ₁, the standard deviation of one example's gradient about the true one, per coordinate:
   * a mini-batch of B examples averages B of them, so its noise is σ₁/√B.
   */
  readonly exampleNoise: number;
}

/** The bowl's condition number when none is given: the ratio of its two curvatures. */
export const DEFAULT_CONDITION = 10;

/**
 * The quadratic bowl f = ½(x² + κy²): curvature 1 along x and κ along y, so κ is the
 * Hessian's condition number. Gradient descent with rate η multiplies x by (1 − η) and y by
 * (1 − ηκ) each step: it diverges once η > 2/κ, and crawls along x when η is small enough
 * for y. That trade-off is what momentum and Adam address.
 */
export function bowlFunction(condition = DEFAULT_CONDITION): SurfaceFunction {
  if (!(condition >= 1) || !Number.isFinite(condition))
    throw new RangeError(`The condition number must be 1 or more; got ${condition}.`);
  return {
    id: 'bowl',
    label: `Quadratic bowl (κ = ${condition})`,
    formula: `f = ½(x² + ${condition}·y²)`,
    value: ([x, y]) => 0.5 * (x * x + condition * y * y),
    gradient: ([x, y]) => [x, condition * y],
    domain: { x: [-3, 3], y: [-3, 3] },
    start: [-2.6, 2.2],
    minimum: 0,
    // 1.2/κ: y overshoots and comes back (its factor 1 − ηκ is −0.2) while x creeps; 2/κ diverges.
    learningRate: Math.min(0.12, 1.2 / condition),
    adamLearningRate: 0.1,
    exampleNoise: 3,
  };
}

/**
 * Rosenbrock's banana f = (1 − x)² + 100(y − x²)² (Rosenbrock 1960): a narrow curved valley
 * whose floor falls slowly to the minimum f(1, 1) = 0. Finding the valley is easy; following it is not.
 */
export const ROSENBROCK: SurfaceFunction = {
  id: 'rosenbrock',
  label: 'Rosenbrock valley',
  formula: 'f = (1 − x)² + 100(y − x²)²',
  value: ([x, y]) => (1 - x) ** 2 + 100 * (y - x * x) ** 2,
  gradient: ([x, y]) => [-2 * (1 - x) - 400 * x * (y - x * x), 200 * (y - x * x)],
  domain: { x: [-2, 2], y: [-1, 3] },
  start: [-1.2, 1],
  minimum: 0,
  learningRate: 0.0015,
  adamLearningRate: 0.1,
  exampleNoise: 20,
};

/**
 * Himmelblau's function f = (x² + y − 11)² + (x + y² − 7)² (Himmelblau 1972): four minima,
 * all with f = 0, at (3, 2), (−2.805, 3.131), (−3.779, −3.283) and (3.584, −1.848). Where a
 * run ends depends on where it starts and how it moves.
 */
export const HIMMELBLAU: SurfaceFunction = {
  id: 'himmelblau',
  label: 'Himmelblau (four minima)',
  formula: 'f = (x² + y − 11)² + (x + y² − 7)²',
  value: ([x, y]) => (x * x + y - 11) ** 2 + (x + y * y - 7) ** 2,
  gradient: ([x, y]) => {
    const a = x * x + y - 11;
    const b = x + y * y - 7;
    return [4 * x * a + 2 * b, 2 * a + 4 * y * b];
  },
  domain: { x: [-5, 5], y: [-5, 5] },
  start: [-0.3, -0.9],
  minimum: 0,
  learningRate: 0.01,
  adamLearningRate: 0.1,
  exampleNoise: 20,
};

/**
 * A saddle with two valleys, f = ½x² + ¼y⁴ − ½y²: at the origin the gradient is 0 but the
 * point is a minimum along x and a maximum along y; the minima are (0, ±1) with f = −¼.
 * Started on the ridge y ≈ 0, noiseless descent lingers at the saddle; noise pushes it off.
 */
export const SADDLE: SurfaceFunction = {
  id: 'saddle',
  label: 'Saddle point',
  formula: 'f = ½x² + ¼y⁴ − ½y²',
  value: ([x, y]) => 0.5 * x * x + 0.25 * y ** 4 - 0.5 * y * y,
  gradient: ([x, y]) => [x, y ** 3 - y],
  domain: { x: [-2, 2], y: [-2, 2] },
  start: [-1.8, 0.0001],
  minimum: -0.25,
  learningRate: 0.1,
  adamLearningRate: 0.05,
  exampleNoise: 1,
};

/** The functions in the order the picker lists them. */
export const SURFACE_FUNCTION_IDS: readonly SurfaceFunctionId[] = [
  'bowl',
  'rosenbrock',
  'himmelblau',
  'saddle',
];

/** The function of an id; the bowl takes its condition number κ. */
export function surfaceFunctionOf(id: SurfaceFunctionId, condition = DEFAULT_CONDITION) {
  switch (id) {
    case 'bowl':
      return bowlFunction(condition);
    case 'rosenbrock':
      return ROSENBROCK;
    case 'himmelblau':
      return HIMMELBLAU;
    case 'saddle':
      return SADDLE;
  }
}

/** Whether a point lies in a domain (edges included). */
export function isInDomain([x, y]: Point2, domain: Domain2): boolean {
  return x >= domain.x[0] && x <= domain.x[1] && y >= domain.y[0] && y <= domain.y[1];
}
