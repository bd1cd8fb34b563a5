import type { DescentOptimiserId } from '../../../core/descent/optimisers';

/**
 * Each optimiser's look on the contour plot: an Okabe–Ito colour (told apart by colour-blind
 * readers) and its own end marker, so the paths differ in shape as well as colour.
 */
export const OPTIMISER_STYLES: Record<
  DescentOptimiserId,
  { readonly colour: string; readonly marker: 'circle' | 'square' | 'triangle' | 'diamond' }
> = {
  sgd: { colour: '#d55e00', marker: 'circle' },
  momentum: { colour: '#0072b2', marker: 'square' },
  nesterov: { colour: '#cc79a7', marker: 'diamond' },
  adam: { colour: '#009e73', marker: 'triangle' },
};

/** The mini-batch sizes the batch slider steps through; the last is the full batch (no noise). */
export const BATCH_SIZES: readonly number[] = [1, 2, 4, 8, 16, 32, 64, 128, 256, Infinity];

/** The learning-rate sliders move log₁₀ η in steps of 0.05, from 10⁻⁴ to 10^0.5 ≈ 3.2. */
export const LR_EXPONENT = { min: -4, max: 0.5, step: 0.05 } as const;

/** A learning rate as a slider position (log₁₀ η on the slider's steps). */
export function exponentOf(learningRate: number): number {
  return Math.round(Math.log10(learningRate) / LR_EXPONENT.step) * LR_EXPONENT.step;
}

/** The learning rate of a slider position, to three significant digits. */
export function learningRateOf(exponent: number): number {
  return Number((10 ** exponent).toPrecision(3));
}

/** A loss for the readout: fixed for moderate values, exponential for tiny and huge ones. */
export function formatLoss(value: number): string {
  if (!Number.isFinite(value)) return String(value);
  const size = Math.abs(value);
  return size !== 0 && (size < 1e-3 || size >= 1e5) ? value.toExponential(2) : value.toFixed(4);
}

/** The batch size in words, with the noise it gives. */
export function batchText(batchSize: number, noise: number): string {
  return Number.isFinite(batchSize)
    ? `B = ${batchSize} (noise σ = ${noise.toPrecision(2)})`
    : 'full batch (no noise)';
}

/** The network surface's grid sizes (points per side; odd so the centre is the current weights). */
export const GRID_SIZES: readonly number[] = [11, 21, 31];
