import type { JobStatus } from './jobStatus';
/**
 * The pixel arithmetic of adversarial examples, on plain arrays of pixel values in a valid
 * range (the lab uses 0..1: byte / 255). The gradient ∇ₓL comes from the engine; what is
 * done with it is here, so it is checked without a network.
 * Sources: Goodfellow, Shlens and Szegedy, "Explaining and harnessing adversarial examples"
 * (ICLR 2015) for FGSM; Kurakin, Goodfellow and Bengio, "Adversarial examples in the
 * physical world" (2017) for the basic iterative method (BIM, I-FGSM).
 */

/** The valid pixel range [lo, hi] a perturbed image is clipped back into. */
export type PixelRange = readonly [number, number];

/** The lab's pixel space: byte / 255. */
export const UNIT_PIXELS: PixelRange = [0, 1];

/** sign(v): −1, 0 or 1 (0 for a zero gradient: that pixel does not move). */
function signOf(v: number): number {
  return v > 0 ? 1 : v < 0 ? -1 : 0;
}

function checkLengths(a: ArrayLike<number>, b: ArrayLike<number>, what: string): void {
  if (a.length !== b.length) {
    throw new RangeError(`The image has ${a.length} values but the ${what} ${b.length}.`);
  }
}

function checkStep(value: number, what: string): void {
  if (!(value >= 0) || !Number.isFinite(value)) {
    throw new RangeError(`${what} must be a number from 0; got ${value}.`);
  }
}

/**
 * The fast gradient sign method: x′ = clip(x + ε·sign(∇ₓL), lo, hi). Every pixel moves by
 * exactly ε up or down (or stays, where the gradient is 0), then is clipped to the valid range.
 */
export function fgsmStep(
  pixels: ArrayLike<number>,
  gradient: ArrayLike<number>,
  epsilon: number,
  range: PixelRange = UNIT_PIXELS,
): Float32Array {
  checkLengths(pixels, gradient, 'gradient');
  checkStep(epsilon, 'ε');
  const [lo, hi] = range;
  const out = new Float32Array(pixels.length);
  for (let i = 0; i < pixels.length; i++) {
    const moved = (pixels[i] ?? 0) + epsilon * signOf(gradient[i] ?? 0);
    out[i] = Math.min(hi, Math.max(lo, moved));
  }
  return out;
}

/**
 * Projection onto the ε-ball of the L∞ norm round the original image, inside the valid
 * range: each pixel clipped to [max(lo, x₀ − ε), min(hi, x₀ + ε)].
 */
export function projectToBall(
  candidate: ArrayLike<number>,
  original: ArrayLike<number>,
  epsilon: number,
  range: PixelRange = UNIT_PIXELS,
): Float32Array {
  checkLengths(original, candidate, 'candidate');
  checkStep(epsilon, 'ε');
  const [lo, hi] = range;
  const out = new Float32Array(candidate.length);
  for (let i = 0; i < candidate.length; i++) {
    const x0 = original[i] ?? 0;
    const low = Math.max(lo, x0 - epsilon);
    const high = Math.min(hi, x0 + epsilon);
    out[i] = Math.min(high, Math.max(low, candidate[i] ?? 0));
  }
  return out;
}

/**
 * One step of the basic iterative method: xₜ₊₁ = Π_ε(xₜ + α·sign(∇ₓL(xₜ))), the projection
 * Π_ε back into the ε-ball round the original x₀ and the valid range.
 */
export function iterativeStep(
  current: ArrayLike<number>,
  original: ArrayLike<number>,
  gradient: ArrayLike<number>,
  alpha: number,
  epsilon: number,
  range: PixelRange = UNIT_PIXELS,
): Float32Array {
  checkStep(alpha, 'The step size α');
  return projectToBall(fgsmStep(current, gradient, alpha, range), original, epsilon, range);
}

/** The largest |x′ − x₀| over the pixels: the perturbation's L∞ size. */
export function maxPerturbation(
  adversarial: ArrayLike<number>,
  original: ArrayLike<number>,
): number {
  checkLengths(original, adversarial, 'adversarial image');
  let max = 0;
  for (let i = 0; i < original.length; i++)
    max = Math.max(max, Math.abs((adversarial[i] ?? 0) - (original[i] ?? 0)));
  return max;
}

/** The k most probable classes, most probable first, with their probabilities. */
export function topClasses(
  probabilities: ArrayLike<number>,
  k: number,
): { readonly index: number; readonly probability: number }[] {
  return Array.from(probabilities, (probability, index) => ({ index, probability }))
    .sort((a, b) => b.probability - a.probability || a.index - b.index)
    .slice(0, Math.max(0, k));
}

/** ε values from 0 to `max` in `count` equal steps (the flip-rate sweep's x axis). */
export function epsilonGrid(max: number, count: number): number[] {
  checkStep(max, 'The largest ε');
  if (!Number.isInteger(count) || count < 2) {
    throw new RangeError(`The sweep needs at least 2 values of ε; got ${count}.`);
  }
  return Array.from({ length: count }, (_, i) => (max * i) / (count - 1));
}

/** FGSM (one step of ε) or the basic iterative method (k steps of α inside the ε-ball). */
export type AttackMethod = 'fgsm' | 'iterative';

/** What the page asks of one attack (pixel units, 0..1). */
export interface AttackRequest {
  readonly method: AttackMethod;
  readonly epsilon: number;
  readonly steps: number;
  readonly alpha: number;
}

/** One attack on the selected image, as the page draws it. */
export interface AttackOutcome {
  readonly shape: { readonly height: number; readonly width: number; readonly channels: number };
  /** The image and its adversarial version, pixels 0..1 (HWC). */
  readonly original: Float32Array;
  readonly adversarial: Float32Array;
  /** The class the loss was taken against: the true one, or for an own image the one predicted. */
  readonly label: number;
  readonly before: Float32Array;
  readonly after: Float32Array;
  readonly request: AttackRequest;
  /** The run's training step the network was at. */
  readonly step: number;
}

/** The flip-rate sweep's question. */
export interface SweepRequest extends Omit<AttackRequest, 'epsilon'> {
  readonly epsilons: readonly number[];
  /** How many test images, from the first. */
  readonly count: number;
}

/** How many test images the attack flips at each ε. */
export interface SweepOutcome {
  readonly epsilons: readonly number[];
  /** Images whose predicted class changed at each ε. */
  readonly flipped: readonly number[];
  /** Images classified wrongly at each ε (at ε = 0, the clean errors). */
  readonly wrong: readonly number[];
  readonly count: number;
  readonly request: SweepRequest;
  readonly step: number;
}

/** Where a sweep is: running with its progress, finished, or stopped and why. */
export type SweepStatus = JobStatus<SweepOutcome>;
