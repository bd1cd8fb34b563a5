import type { Random } from './random';
import { keyGuardOf, keysOf, type DescribedChoice } from './tables';
import { weightSizeOf, type WeightSpec } from './weights';

/**
 * Weight initialisation: how a network's kernels start. Biases and β start at 0, γ and
 * the running variance at 1, the running mean at 0, whatever the scheme.
 */
export type InitScheme = 'zeros' | 'small' | 'large' | 'glorot' | 'he';

/** Each scheme as the explainer presents it; the formula is its distribution. */
export const INIT_SCHEMES: Readonly<Record<InitScheme, DescribedChoice>> = {
  zeros: {
    label: 'Zeros',
    formula: 'w = 0',
    help: 'Every unit computes the same thing and gets the same gradient, so they never differ.',
  },
  small: {
    label: 'Small random',
    formula: 'w ~ N(0, 0.01²)',
    help: 'Signals shrink layer after layer, and so do the gradients.',
  },
  large: {
    label: 'Large random',
    formula: 'w ~ N(0, 1)',
    help: 'Signals grow layer after layer; sigmoid and tanh units saturate.',
  },
  glorot: {
    label: 'Glorot (Xavier) uniform',
    formula: 'w ~ U(−√(6 / (n_in + n_out)), +√(6 / (n_in + n_out)))',
    help: 'Keeps the variance of signals and gradients about the same from layer to layer.',
  },
  he: {
    label: 'He normal',
    formula: 'w ~ N(0, 2 / n_in)',
    help: 'Glorot’s idea adjusted for ReLU, which zeroes half of its inputs.',
  },
};

export const INIT_SCHEME_NAMES = keysOf(INIT_SCHEMES);

/** True for a known initialisation scheme name. */
export const isInitScheme = keyGuardOf(INIT_SCHEMES);

/**
 * Starting values of one weight tensor, drawn from `random` in row-major order: kernels
 * follow the scheme; bias, β and the running mean are 0; γ and the running variance 1.
 */
export function initialValuesOf(
  spec: WeightSpec,
  scheme: InitScheme,
  random: Random,
): Float32Array {
  const values = new Float32Array(weightSizeOf(spec));
  if (spec.role === 'gamma' || spec.role === 'movingVariance') return values.fill(1);
  if (spec.role !== 'kernel') return values;
  switch (scheme) {
    case 'zeros':
      return values;
    case 'small':
      return values.map(() => random.normal(0, 0.01));
    case 'large':
      return values.map(() => random.normal(0, 1));
    case 'glorot': {
      const limit = Math.sqrt(6 / (spec.fanIn + spec.fanOut));
      return values.map(() => random.uniform(-limit, limit));
    }
    case 'he':
      return values.map(() => random.normal(0, Math.sqrt(2 / spec.fanIn)));
  }
}
