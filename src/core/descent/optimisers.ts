import { createRandom } from '../random';
import type { Point2, SurfaceFunction } from './functions';

/**
 * The optimisers of the lab's training panel, on a point of the plane instead of a network's
 * weights, with the same update rules (the forms PyTorch and tfjs use), so what a person sees
 * here is what happens to each weight there. g is the gradient at the current point, η the
 * learning rate; every operation is per coordinate.
 */

export type DescentOptimiserId = 'sgd' | 'momentum' | 'nesterov' | 'adam';

export const DESCENT_OPTIMISERS: readonly { id: DescentOptimiserId; label: string }[] = [
  { id: 'sgd', label: 'SGD' },
  { id: 'momentum', label: 'Momentum' },
  { id: 'nesterov', label: 'Nesterov' },
  { id: 'adam', label: 'Adam' },
];

export interface DescentSettings {
  /** η for SGD, momentum and Nesterov. */
  readonly learningRate: number;
  /** η for Adam, whose steps are about η long whatever the gradient's size. */
  readonly adamLearningRate: number;
  /** μ for momentum and Nesterov. */
  readonly momentum: number;
  /** Adam's β₁, β₂ and ε (Kingma & Ba's defaults 0.9, 0.999, 1e-8 when left out). */
  readonly beta1?: number;
  readonly beta2?: number;
  readonly epsilon?: number;
  /** Examples per mini-batch; Infinity (or 0) is the full batch: the exact gradient. */
  readonly batchSize: number;
  readonly steps: number;
  /** Seeds the gradient noise; every optimiser draws the same noise sequence. */
  readonly seed: string | number;
}

/** An optimiser's memory between steps: velocity v, Adam's moments m and v, and t. */
export interface DescentState {
  readonly velocity: Point2;
  readonly m: Point2;
  readonly v: Point2;
  /** Steps taken so far (Adam's t for its bias correction). */
  readonly t: number;
}

export const INITIAL_DESCENT_STATE: DescentState = { velocity: [0, 0], m: [0, 0], v: [0, 0], t: 0 };

/**
 * One update of point p with gradient g:
 * - SGD: p ← p − η·g.
 * - Momentum (Polyak's heavy ball, in PyTorch's form): v ← μ·v + g; p ← p − η·v.
 * - Nesterov (PyTorch's form of Sutskever et al. 2013): v ← μ·v + g; p ← p − η·(g + μ·v),
 *   the heavy ball's step taken from where the momentum is about to carry the point.
 * - Adam (Kingma & Ba 2015, Algorithm 1): m ← β₁m + (1 − β₁)g; v ← β₂v + (1 − β₂)g²;
 *   m̂ = m/(1 − β₁ᵗ); v̂ = v/(1 − β₂ᵗ); p ← p − η·m̂/(√v̂ + ε). The moments start at 0, so
 *   without the correction the first steps would be too short by the factor (1 − βᵗ).
 */
export function descentStep(
  id: DescentOptimiserId,
  p: Point2,
  g: Point2,
  state: DescentState,
  settings: Pick<
    DescentSettings,
    'learningRate' | 'adamLearningRate' | 'momentum' | 'beta1' | 'beta2' | 'epsilon'
  >,
): { point: Point2; state: DescentState } {
  const t = state.t + 1;
  const map = (f: (i: 0 | 1) => number): Point2 => [f(0), f(1)];
  const eta = settings.learningRate;
  const mu = settings.momentum;
  switch (id) {
    case 'sgd':
      return { point: map((i) => p[i] - eta * g[i]), state: { ...state, t } };
    case 'momentum':
    case 'nesterov': {
      const velocity = map((i) => mu * state.velocity[i] + g[i]);
      const step = id === 'momentum' ? velocity : map((i) => g[i] + mu * velocity[i]);
      return { point: map((i) => p[i] - eta * step[i]), state: { ...state, velocity, t } };
    }
    case 'adam': {
      const b1 = settings.beta1 ?? 0.9;
      const b2 = settings.beta2 ?? 0.999;
      const eps = settings.epsilon ?? 1e-8;
      const m = map((i) => b1 * state.m[i] + (1 - b1) * g[i]);
      const v = map((i) => b2 * state.v[i] + (1 - b2) * g[i] * g[i]);
      const point = map((i) => {
        const mHat = m[i] / (1 - b1 ** t);
        const vHat = v[i] / (1 - b2 ** t);
        return p[i] - settings.adamLearningRate * (mHat / (Math.sqrt(vHat) + eps));
      });
      return { point, state: { ...state, m, v, t } };
    }
  }
}

/** The noise of a mini-batch gradient's coordinate: σ_B = σ₁/√B, 0 for the full batch. */
export function batchNoiseStd(exampleNoise: number, batchSize: number): number {
  if (!(batchSize > 0) || !Number.isFinite(batchSize)) return 0;
  return exampleNoise / Math.sqrt(batchSize);
}

export interface DescentRun {
  readonly optimiser: DescentOptimiserId;
  /** The points visited, the start first: x₀, y₀, x₁, y₁, …, so (steps taken + 1) points. */
  readonly path: Float64Array;
  /** f at the last point. */
  readonly finalLoss: number;
  readonly stepsTaken: number;
  /** True when the run left every sensible bound (or overflowed) and was stopped there. */
  readonly diverged: boolean;
}

/**
 * How far from the domain a run may wander, in domain widths, before it counts as diverged:
 * far enough that an overshoot which comes back is not cut off, near enough to stop an
 * exponential blow-up long before it overflows.
 */
export const DIVERGED_SPAN = 50;

/**
 * Runs one optimiser from `start` on f for `settings.steps` steps, each on the gradient plus
 * Gaussian noise of std σ₁/√B per coordinate, drawn from the seed's stream (so a run repeats
 * exactly). Stops early, diverged, once the point is DIVERGED_SPAN domain widths out or f is
 * no longer finite.
 */
export function runDescent(
  fn: SurfaceFunction,
  optimiser: DescentOptimiserId,
  start: Point2,
  settings: DescentSettings,
): DescentRun {
  const steps = Math.max(0, Math.floor(settings.steps));
  const noise = batchNoiseStd(fn.exampleNoise, settings.batchSize);
  const random = createRandom(settings.seed).fork('descent-noise');
  const { x, y } = fn.domain;
  const span = Math.max(x[1] - x[0], y[1] - y[0]);
  const cx = (x[0] + x[1]) / 2;
  const cy = (y[0] + y[1]) / 2;
  const path = new Float64Array(2 * (steps + 1));
  path[0] = start[0];
  path[1] = start[1];
  let point = start;
  let state = INITIAL_DESCENT_STATE;
  let taken = 0;
  let diverged = false;
  for (let k = 0; k < steps; k++) {
    const exact = fn.gradient(point);
    const g: Point2 = noise
      ? [exact[0] + random.normal(0, noise), exact[1] + random.normal(0, noise)]
      : exact;
    ({ point, state } = descentStep(optimiser, point, g, state, settings));
    taken++;
    path[2 * taken] = point[0];
    path[2 * taken + 1] = point[1];
    const far = Math.max(Math.abs(point[0] - cx), Math.abs(point[1] - cy)) > DIVERGED_SPAN * span;
    if (far || !Number.isFinite(fn.value(point))) {
      diverged = true;
      break;
    }
  }
  return {
    optimiser,
    path: path.slice(0, 2 * (taken + 1)),
    finalLoss: fn.value(point),
    stepsTaken: taken,
    diverged,
  };
}
