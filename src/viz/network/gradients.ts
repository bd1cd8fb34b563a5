import { elementwiseOf, isElementwise, type Activation } from '../../core/activations';
import { poolWindowsOf, type PoolOptions } from '../../core/reference/pooling';
import { pool2dBackwardReference, poolCellShares } from '../../core/reference/poolingBackward';

/**
 * What the backward pass does inside a layer, computed from what the engine reports:
 * the layer's output a = f(z), the gradient ∂L/∂a, and the pooling layer's input.
 */

/** f′(z) read off the output a = f(z), or null when the activation's table row has no such rule. */
const slopeFromOutputOf = (fn: Activation): ((a: number) => number) | null =>
  isElementwise(fn) ? (elementwiseOf(fn).slopeFromOutput ?? null) : null;

/**
 * ∂L/∂z = ∂L/∂a ⊙ f′(z) for an element-wise activation, with f′ read off the output a:
 * ReLU passes the gradient where a > 0 and zeroes it where the unit was off (a = 0);
 * sigmoid scales it by a(1 − a) ≤ 1/4, tanh by 1 − a². `off` counts the units ReLU closed.
 */
export function preActivationGradient(
  fn: Activation,
  output: ArrayLike<number>,
  outputGradient: ArrayLike<number>,
): { gradient: Float32Array; gate: Uint8Array; off: number } | null {
  const slope = slopeFromOutputOf(fn);
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

/**
 * Max pooling's backward routing on an H×W×C input: each window sends its output gradient
 * to the first of its largest inputs and nothing to the rest, by the reference op.
 * `winner` marks those inputs; `gradient` is ∂L/∂(pool input), overlapping windows adding up.
 */
export function maxPoolRouting(
  input: ArrayLike<number>,
  shape: readonly number[],
  outputGradient: ArrayLike<number>,
  geometry: PoolOptions,
): { winner: Uint8Array; gradient: Float32Array } {
  const [height = 1, width = 1, channels = 1] = shape;
  const x = { shape: [height, width, channels], data: Float32Array.from(input) };
  const { rows, cols, cells } = poolWindowsOf([height, width], geometry, 'max pooling');
  const winner = new Uint8Array(height * width * channels);
  for (const window of cells)
    for (let c = 0; c < channels; c++) {
      const values = window.map((p) => x.data[p * channels + c] ?? 0);
      poolCellShares('max', values).forEach((share, k) => {
        if (share > 0) winner[(window[k] ?? 0) * channels + c] = 1;
      });
    }
  const dy = { shape: [rows.out, cols.out, channels], data: Float32Array.from(outputGradient) };
  return { winner, gradient: pool2dBackwardReference('max', x, dy, geometry).data };
}

/** L2 norm of some values, e.g. a weight gradient. */
export function normOf(values: ArrayLike<number>): number {
  let sum = 0;
  for (let i = 0; i < values.length; i++) sum += (values[i] ?? 0) ** 2;
  return Math.sqrt(sum);
}

/** Largest |aᵢ − bᵢ| over the common length: how far a recomputed gradient is from the engine's. */
export function maxDifference(a: ArrayLike<number>, b: ArrayLike<number>): number {
  let m = 0;
  for (let i = 0; i < Math.min(a.length, b.length); i++)
    m = Math.max(m, Math.abs((a[i] ?? 0) - (b[i] ?? 0)));
  return m;
}

/** One class of softmax with cross-entropy: p, the one-hot target y, and ∂L/∂z = p − y. */
export interface SoftmaxGradientRow {
  readonly probability: number;
  readonly target: number;
  readonly gradient: number;
}

/** ∂L/∂zₖ = pₖ − yₖ for every class, y one-hot at `label`. */
export function softmaxGradientRows(
  probabilities: ArrayLike<number>,
  label: number,
): SoftmaxGradientRow[] {
  return Array.from(probabilities, (probability, k) => {
    const target = k === label ? 1 : 0;
    return { probability, target, gradient: probability - target };
  });
}

/** A dense kernel gradient [inputs, units] laid out one row per unit: out[u·inputs + i] = g[i·units + u]. */
export function unitRowsOf(values: ArrayLike<number>, inputs: number, units: number): Float32Array {
  const rows = new Float32Array(inputs * units);
  for (let i = 0; i < inputs; i++)
    for (let u = 0; u < units; u++) rows[u * inputs + i] = values[i * units + u] ?? 0;
  return rows;
}

/**
 * Canvas size in CSS pixels for unit rows: up to 4 px a weight within 336 px across,
 * 4 px a unit between 40 and 200 px down.
 */
export function unitRowsSize(inputs: number, units: number): { width: number; height: number } {
  return {
    width: Math.min(336, inputs * Math.max(1, Math.min(4, Math.floor(336 / inputs)))),
    height: Math.min(200, Math.max(40, units * 4)),
  };
}
