import type { Activation } from '../../core/activations';
import type { Padding } from '../../core/fields';
import { poolWindowsOf } from '../../core/reference/pooling';
import type { Pair } from '../../core/shape';

/**
 * What the backward pass does inside a layer, computed from what the engine reports:
 * the layer's output a = f(z), the gradient ∂L/∂a, and the pooling layer's input.
 */

/** f′(z) written in terms of the output a = f(z), for the activations where that is possible. */
const SLOPE_FROM_OUTPUT: Partial<Record<Activation, (a: number) => number>> = {
  linear: () => 1,
  relu: (a) => (a > 0 ? 1 : 0),
  sigmoid: (a) => a * (1 - a),
  tanh: (a) => 1 - a * a,
};

/** True when preActivationGradient can undo this activation. */
export const hasLocalSlope = (fn: string): boolean => fn in SLOPE_FROM_OUTPUT;

/**
 * ∂L/∂z = ∂L/∂a ⊙ f′(z) for an element-wise activation, with f′ read off the output a:
 * ReLU passes the gradient where a > 0 and zeroes it where the unit was off (a = 0);
 * sigmoid scales it by a(1 − a) ≤ 1/4, tanh by 1 − a². `off` counts the units ReLU closed.
 */
export function preActivationGradient(
  fn: string,
  output: ArrayLike<number>,
  outputGradient: ArrayLike<number>,
): { gradient: Float32Array; gate: Uint8Array; off: number } | null {
  const slope = SLOPE_FROM_OUTPUT[fn as Activation];
  if (!slope) return null;
  const n = output.length;
  const gradient = new Float32Array(n);
  const gate = new Uint8Array(n);
  let off = 0;
  for (let i = 0; i < n; i++) {
    const s = slope(output[i] ?? 0);
    gradient[i] = (outputGradient[i] ?? 0) * s;
    gate[i] = s === 0 ? 0 : 1;
    if (s === 0) off++;
  }
  return { gradient, gate, off };
}

export interface PoolGeometry {
  readonly size: Pair;
  readonly stride?: Pair;
  readonly padding?: Padding;
}

/**
 * Max pooling's backward routing on an H×W×C input: each window sends its output gradient
 * to the first of its largest inputs (as the reference op does) and nothing to the rest.
 * `winner` marks those inputs; `gradient` is ∂L/∂(pool input), overlapping windows adding up.
 */
export function maxPoolRouting(
  input: ArrayLike<number>,
  shape: readonly number[],
  outputGradient: ArrayLike<number>,
  geometry: PoolGeometry,
): { winner: Uint8Array; gradient: Float32Array } {
  const [height = 1, width = 1, channels = 1] = shape;
  const { cells } = poolWindowsOf([height, width], geometry, 'max pooling');
  const winner = new Uint8Array(height * width * channels);
  const gradient = new Float32Array(height * width * channels);
  cells.forEach((window, o) => {
    for (let c = 0; c < channels; c++) {
      let best = -1;
      let bestValue = -Infinity;
      for (const p of window) {
        const v = input[p * channels + c] ?? -Infinity;
        if (v > bestValue) {
          bestValue = v;
          best = p;
        }
      }
      if (best < 0) continue;
      const at = best * channels + c;
      winner[at] = 1;
      gradient[at] = (gradient[at] ?? 0) + (outputGradient[o * channels + c] ?? 0);
    }
  });
  return { winner, gradient };
}

/** L2 norm of some values, e.g. a weight gradient. */
export function normOf(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += (values[i] ?? 0) ** 2;
  return Math.sqrt(sum);
}
