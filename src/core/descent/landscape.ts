import type { Random } from '../random';

/**
 * The arithmetic of a loss-landscape picture of a real network, after Li, Xu, Taylor, Studer
 * and Goldstein, "Visualizing the Loss Landscape of Neural Nets" (NeurIPS 2018): the loss
 * L(θ + α·δ + β·η) over a grid of (α, β), for two random directions δ and η of weight space.
 * A raw Gaussian direction would move small filters relatively far and large ones hardly at
 * all, and the picture would depend on the scale of the weights (which batch norm makes
 * arbitrary); so each filter of a direction is rescaled to the norm of the same filter of θ:
 * d_f ← d_f · ‖θ_f‖ / ‖d_f‖ (their eq. 1). Biases and batch norm's parameters are not moved
 * (their direction is 0), as in their experiments.
 */

/** The part of a weight record a direction needs. */
export interface DirectionWeight {
  readonly role: string;
  readonly shape: readonly number[];
  readonly data: ArrayLike<number>;
}

/**
 * Whether a weight is moved along the directions: kernels (conv [KH, KW, C_in, F], dense and
 * maxout [N_in, N_out]) are; biases, γ, β and running statistics are not.
 */
export function isDirectionRole(role: string): boolean {
  return role === 'kernel';
}

/**
 * A filter-normalised random direction for one weight tensor. A kernel's filters run along its
 * last axis (one per output channel or unit, as Li et al. treat a dense layer's neurons), so
 * value i belongs to filter i mod F in row-major order. Each filter is drawn from N(0, 1) and
 * scaled so ‖d_f‖ = ‖θ_f‖; a tensor that is not moved gets zeros.
 */
export function filterNormalisedDirection(weight: DirectionWeight, random: Random): Float32Array {
  const size = weight.data.length;
  const out = new Float32Array(size);
  if (!isDirectionRole(weight.role) || size === 0) return out;
  const filters = weight.shape[weight.shape.length - 1] ?? 1;
  const draw = new Float64Array(size);
  for (let i = 0; i < size; i++) draw[i] = random.normal();
  const weightSq = new Float64Array(filters);
  const drawSq = new Float64Array(filters);
  for (let i = 0; i < size; i++) {
    const f = i % filters;
    const w = weight.data[i] ?? 0;
    weightSq[f] = (weightSq[f] ?? 0) + w * w;
    drawSq[f] = (drawSq[f] ?? 0) + (draw[i] ?? 0) ** 2;
  }
  for (let i = 0; i < size; i++) {
    const f = i % filters;
    const d = drawSq[f] ?? 0;
    out[i] = d > 0 ? (draw[i] ?? 0) * Math.sqrt((weightSq[f] ?? 0) / d) : 0;
  }
  return out;
}

/** Per-filter L2 norms of a kernel-shaped array (filters along the last axis). */
export function filterNorms(data: ArrayLike<number>, shape: readonly number[]): Float64Array {
  const filters = shape[shape.length - 1] ?? 1;
  const sq = new Float64Array(filters);
  for (let i = 0; i < data.length; i++)
    sq[i % filters] = (sq[i % filters] ?? 0) + (data[i] ?? 0) ** 2;
  return sq.map(Math.sqrt);
}

/** The grid's coordinates: `size` evenly spaced values from −range to range (0 at the centre for odd size). */
export function gridCoordinates(size: number, range: number): Float64Array {
  if (size === 1) return Float64Array.of(0);
  return Float64Array.from({ length: size }, (_, i) => -range + (2 * range * i) / (size - 1));
}

/** What the network surface is computed over. */
export interface LandscapeRequest {
  /** Points along each side (odd, so the centre is the current weights). */
  readonly size: number;
  /** α and β run from −range to range. */
  readonly range: number;
  /** Training images in the fixed batch the loss is measured on (the first of the split). */
  readonly count: number;
  /** Seeds the two random directions. */
  readonly seed: string | number;
}

export interface LandscapeOutcome {
  readonly request: LandscapeRequest;
  /** The α (across) and β (up) values of the grid, −range to range. */
  readonly alphas: Float64Array;
  readonly betas: Float64Array;
  /** Mean cross-entropy at each grid point, row j (β = betas[j]) then column i (α = alphas[i]). */
  readonly losses: Float32Array;
  /** The loss of the unchanged weights on the same images, computed on its own. */
  readonly currentLoss: number;
  /** The loss at the grid's centre, α = β = 0. */
  readonly centreLoss: number;
  /** Images the loss was measured on. */
  readonly count: number;
  /** The run's step the weights were at. */
  readonly step: number;
}

export type LandscapeStatus =
  | { readonly state: 'idle' }
  | { readonly state: 'running'; readonly done: number; readonly total: number }
  | { readonly state: 'done'; readonly outcome: LandscapeOutcome }
  | { readonly state: 'stopped'; readonly message: string };

/** The request's limits, so a hostile page cannot ask for hours of work. */
export const LANDSCAPE_LIMITS = { maxSize: 41, maxRange: 5, maxCount: 1000 } as const;

/** Throws a RangeError saying what is wrong with a request, or returns nothing. */
export function checkLandscapeRequest(request: LandscapeRequest): void {
  const { maxSize, maxRange, maxCount } = LANDSCAPE_LIMITS;
  if (
    !Number.isInteger(request.size) ||
    request.size < 3 ||
    request.size > maxSize ||
    request.size % 2 === 0
  )
    throw new RangeError(`The grid takes an odd number of points from 3 to ${maxSize} per side.`);
  if (!(request.range > 0) || request.range > maxRange)
    throw new RangeError(`The range must be above 0 and at most ${maxRange}.`);
  if (!Number.isInteger(request.count) || request.count < 1 || request.count > maxCount)
    throw new RangeError(`The loss is measured on 1 to ${maxCount} training images.`);
}
