/** The lowest and highest value a colour map or an axis covers. */
export type ValueRange = readonly [number, number];

/** How rangeOf turns the smallest and largest value into a range worth drawing. */
export interface RangeOptions {
  /** The range of no values at all (default [0, 1]). */
  readonly empty?: ValueRange;
  /** Widening on each side when every value is the same, so the range is not empty (default ½; 0 keeps [v, v]). */
  readonly constantPad?: number;
  /**
   * Symmetric about zero, for diverging colour maps: 'always' (values of one sign included;
   * only zeros give [−1, 1], so white is exactly zero), 'if-negative' (when the range
   * reaches below zero), or never (the default).
   */
  readonly symmetric?: 'always' | 'if-negative';
}

/** [−m, m] with m = max(|lo|, |hi|), or [−1, 1] when both are 0. */
export function symmetricRange(range: ValueRange): ValueRange {
  const m = Math.max(Math.abs(range[0]), Math.abs(range[1])) || 1;
  return [-m, m];
}

/**
 * [min vᵢ, max vᵢ], in the values' own units: widened by `constantPad` when they are all
 * equal, `empty` when there are none, and made symmetric about zero when asked.
 */
export function rangeOf(values: ArrayLike<number>, options: RangeOptions = {}): ValueRange {
  const { empty = [0, 1], constantPad = 0.5, symmetric } = options;
  let min = Infinity;
  let max = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? 0;
    if (v < min) min = v;
    if (v > max) max = v;
  }
  if (symmetric === 'always' && !(min < 0 || max > 0)) return [-1, 1];
  const range: ValueRange = !Number.isFinite(min)
    ? empty
    : min === max
      ? [min - constantPad, max + constantPad]
      : [min, max];
  const widen = symmetric === 'always' || (symmetric === 'if-negative' && range[0] < 0);
  return widen ? symmetricRange(range) : range;
}
