/**
 * Histograms with fixed edges, for comparing one layer's values across steps and runs:
 * the edges are chosen once (from the first measurement) and reused, so a distribution
 * that spreads or shrinks shows as bars that move, not as an axis that rescales.
 */

export interface Histogram {
  /** bins + 1 increasing edges; bin i is [edges[i], edges[i+1]), the last one closed. */
  readonly edges: readonly number[];
  readonly counts: readonly number[];
  /** Values below the first edge and above the last (shown as a note, not a bar). */
  readonly below: number;
  readonly above: number;
  /** NaN and ±∞: a diverged run says so instead of vanishing from the chart. */
  readonly nonFinite: number;
  readonly total: number;
}

export interface ValueSummary {
  readonly count: number;
  /** Mean and population standard deviation √(Σ(x − μ)² / n) of the finite values. */
  readonly mean: number;
  readonly std: number;
  /** Largest |x|, smallest and largest of the finite values (0 when there are none). */
  readonly maxAbs: number;
  readonly min: number;
  readonly max: number;
}

/** Mean, population std and largest |x| of the finite values (two passes, for accuracy). */
export function summaryOf(values: ArrayLike<number>): ValueSummary {
  let count = 0;
  let sum = 0;
  let maxAbs = 0;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? NaN;
    if (!Number.isFinite(v)) continue;
    count++;
    sum += v;
    maxAbs = Math.max(maxAbs, Math.abs(v));
    min = Math.min(min, v);
    max = Math.max(max, v);
  }
  const mean = count > 0 ? sum / count : 0;
  let squares = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? NaN;
    if (Number.isFinite(v)) squares += (v - mean) ** 2;
  }
  const std = count > 0 ? Math.sqrt(squares / count) : 0;
  return count > 0
    ? { count, mean, std, maxAbs, min, max }
    : { count, mean, std, maxAbs, min: 0, max: 0 };
}

/** The smallest of 1, 2, 2.5, 5 × 10ᵏ that is ≥ x (x > 0): a round axis end. */
export function roundUp(x: number): number {
  const power = 10 ** Math.floor(Math.log10(x));
  for (const m of [1, 2, 2.5, 5, 10]) if (m * power >= x * (1 - 1e-12)) return m * power;
  return 10 * power;
}

/**
 * `bins` equal bins over [−r, r] with r the round number at or above `maxAbs`; r = 1 when
 * every value is 0 (the zeros scheme), so the one bar at 0 still has an axis around it.
 */
export function symmetricEdges(maxAbs: number, bins: number): number[] {
  if (!Number.isInteger(bins) || bins < 1)
    throw new RangeError('A histogram needs 1 or more bins.');
  const r = Number.isFinite(maxAbs) && maxAbs > 0 ? roundUp(maxAbs) : 1;
  return Array.from({ length: bins + 1 }, (_, i) => r * ((2 * i) / bins - 1));
}

/**
 * Edges for values summarised by `summary`: ±r as `symmetricEdges`, but only the side the
 * values reach when they are all of one sign (a ReLU layer's outputs get [0, r], not half
 * an empty chart).
 */
export function edgesCovering(summary: ValueSummary, bins: number): number[] {
  const edges = symmetricEdges(summary.maxAbs, bins);
  const r = edges[bins] ?? 1;
  if (summary.count === 0 || summary.maxAbs === 0) return edges;
  const lo = summary.min >= 0 ? 0 : -r;
  const hi = summary.max <= 0 ? 0 : r;
  return Array.from({ length: bins + 1 }, (_, i) => lo + ((hi - lo) * i) / bins);
}

/** Counts of `values` in the bins between `edges` (see Histogram for the bin rule). */
export function histogramOf(values: ArrayLike<number>, edges: readonly number[]): Histogram {
  const bins = edges.length - 1;
  if (bins < 1) throw new RangeError('A histogram needs at least two edges.');
  const first = edges[0] ?? 0;
  const last = edges[bins] ?? 0;
  const counts = new Array<number>(bins).fill(0);
  let below = 0;
  let above = 0;
  let nonFinite = 0;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? NaN;
    if (!Number.isFinite(v)) nonFinite++;
    else if (v < first) below++;
    else if (v > last) above++;
    else {
      // Binary search for the last edge ≤ v; v equal to the last edge goes in the last bin.
      let lo = 0;
      let hi = bins;
      while (hi - lo > 1) {
        const mid = (lo + hi) >> 1;
        if ((edges[mid] ?? 0) <= v) lo = mid;
        else hi = mid;
      }
      counts[lo] = (counts[lo] ?? 0) + 1;
    }
  }
  return { edges: [...edges], counts, below, above, nonFinite, total: values.length };
}

/**
 * The largest difference between two units' values at the same place, max over rows of
 * (max_j x[row, j] − min_j x[row, j]), where the last axis of `shape` indexes the units
 * (a kernel's output units, or a layer output's channels). Exactly 0 when every unit of
 * the layer holds the same numbers: the symmetry that zero initialisation never breaks.
 */
export function unitSpreadOf(values: ArrayLike<number>, shape: readonly number[]): number {
  const units = shape[shape.length - 1] ?? 0;
  if (units < 1) return 0;
  const rows = Math.floor(values.length / units);
  let spread = 0;
  for (let r = 0; r < rows; r++) {
    let lo = Infinity;
    let hi = -Infinity;
    for (let j = 0; j < units; j++) {
      const v = values[r * units + j] ?? 0;
      // A NaN (a diverged run) makes the measure NaN, which the page reports rather than hides.
      if (Number.isNaN(v)) return NaN;
      if (v < lo) lo = v;
      if (v > hi) hi = v;
    }
    spread = Math.max(spread, hi - lo);
  }
  return spread;
}
