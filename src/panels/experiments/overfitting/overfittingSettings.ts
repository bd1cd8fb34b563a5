/** The highest degree the slider and the error chart reach. */
export const MAX_DEGREE = 15;

/** Held-out points: more than the training points, so their error is a fair estimate. */
export const TEST_COUNT = 40;

/** The λ slider's stops: off, then decades (a penalty matters on a log scale, not a linear one). */
export const LAMBDAS: readonly number[] = [0, 1e-6, 1e-5, 1e-4, 1e-3, 1e-2, 1e-1, 1, 10];

/** An MSE as the page prints it: four significant figures, exponent form when tiny or huge. */
export function formatError(value: number): string {
  if (!Number.isFinite(value)) return '—';
  if (value !== 0 && (Math.abs(value) < 1e-3 || Math.abs(value) >= 1e4))
    return value.toExponential(3);
  return value.toPrecision(4);
}
