/**
 * The shift-invariance experiment's questions and answers (curriculum row 18): an MLP and a
 * CNN trained on centred digits, then tested on the same test digits moved by 0, 1, …
 * pixels. Plain data, so it crosses the worker boundary as is.
 */
import type { JobStatus } from './jobStatus';

/** Which way the test digits are moved; diagonal moves them the same number of pixels right and down. */
export const SHIFT_DIRECTIONS = ['right', 'down', 'diagonal'] as const;
export type ShiftDirection = (typeof SHIFT_DIRECTIONS)[number];

/** The two networks compared, as catalogue ids, with how the page names them. */
export const SHIFT_NETWORKS = [
  { id: 'mlp', label: 'MLP', title: '784-128-64-10' },
  { id: 'lenet5', label: 'CNN', title: 'LeNet-5' },
] as const;
export type ShiftNetworkId = (typeof SHIFT_NETWORKS)[number]['id'];

/** Largest shift the experiment tests: a third of a 28-pixel digit. */
export const MAX_SHIFT = 8;
/** Limits a request must keep, so a hostile page cannot ask for hours of work. */
export const SHIFT_LIMITS = {
  steps: { min: 10, max: 2000 },
  testCount: { min: 100, max: 10_000 },
} as const;

/** What the page asks for. */
export interface ShiftRequest {
  /** The seed of both networks' weights and data order (the lab's seed). */
  readonly seed: number;
  /** Training steps (batches of 32) for each network. */
  readonly steps: number;
  /** How many test images, from the first, are tested at each shift. */
  readonly testCount: number;
  readonly direction: ShiftDirection;
  /** Shifts tested: 0 to this many pixels. */
  readonly maxShift: number;
}

/** One network's results. */
export interface ShiftNetworkResult {
  readonly network: ShiftNetworkId;
  /** Test accuracy (0..1) at each shift of `shifts`. */
  readonly accuracy: readonly number[];
  /** The class it gave the example digit at each shift. */
  readonly examplePredictions: readonly number[];
}

/** The finished experiment. */
export interface ShiftOutcome {
  readonly request: ShiftRequest;
  readonly shifts: readonly number[];
  readonly results: readonly ShiftNetworkResult[];
  /** The example digit (test image 0), unshifted, and its true class. */
  readonly example: {
    readonly pixels: Uint8Array;
    readonly height: number;
    readonly width: number;
    readonly label: number;
  };
}

/** Where the experiment is. */
/** Running, `done` counts the steps taken (training) or the shifts tested (testing), of `total`. */
export type ShiftStatus = JobStatus<
  ShiftOutcome,
  { readonly network: ShiftNetworkId; readonly phase: 'training' | 'testing' }
>;

/** The shifts 0, 1, …, max in pixels. */
export function shiftRange(max: number): number[] {
  if (!Number.isInteger(max) || max < 0 || max > MAX_SHIFT)
    throw new RangeError(
      `The largest shift must be a whole number of pixels from 0 to ${MAX_SHIFT}; got ${max}.`,
    );
  return Array.from({ length: max + 1 }, (_, i) => i);
}

/** Why a request cannot run, or null when it can. */
export function shiftRequestProblem(request: ShiftRequest): string | null {
  const { steps, testCount } = SHIFT_LIMITS;
  if (!Number.isInteger(request.steps) || request.steps < steps.min || request.steps > steps.max)
    return `The training steps must be a whole number from ${steps.min} to ${steps.max}.`;
  if (
    !Number.isInteger(request.testCount) ||
    request.testCount < testCount.min ||
    request.testCount > testCount.max
  )
    return `The test images must be a whole number from ${testCount.min} to ${testCount.max}.`;
  if (!SHIFT_DIRECTIONS.includes(request.direction))
    return `There is no direction "${String(request.direction)}"; use ${SHIFT_DIRECTIONS.join(', ')}.`;
  if (!Number.isInteger(request.maxShift) || request.maxShift < 0 || request.maxShift > MAX_SHIFT)
    return `The largest shift must be a whole number from 0 to ${MAX_SHIFT} pixels.`;
  if (!Number.isInteger(request.seed) || request.seed < 0)
    return 'The seed must be a whole number from 0.';
  return null;
}
