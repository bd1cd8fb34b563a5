/**
 * Text alternatives for maps of numbers drawn as pictures: a feature map (which layer and
 * channel, its size, the range of its values and where it responds most) and an output map
 * of the convolution explainer (how much of it is computed, the value being computed).
 * Pure, so the sentences are unit-tested.
 */

/** A value to three significant digits, with a true minus sign. */
export function formatSigned(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  const text =
    Math.abs(v) >= 1e4 || (v !== 0 && Math.abs(v) < 1e-3)
      ? v.toExponential(1)
      : String(Number(v.toPrecision(3)));
  return text.replace('-', '−');
}

/** The row, column and value of the largest entry of a row-major height×width map (rows from 1). */
export function strongestOf(
  values: ArrayLike<number>,
  width: number,
): { row: number; col: number; value: number } | null {
  let best = -1;
  for (let i = 0; i < values.length; i++)
    if (Number.isFinite(values[i]) && (best < 0 || (values[i] ?? 0) > (values[best] ?? 0)))
      best = i;
  if (best < 0) return null;
  return { row: Math.floor(best / width) + 1, col: (best % width) + 1, value: values[best] ?? 0 };
}

/**
 * A feature map's text alternative, e.g. "conv1, channel 3 of 6, 24×24 units: values from
 * −0.412 to 1.23, strongest at row 5, column 12."
 */
export function describeFeatureMap({
  layer,
  channel,
  channels,
  height,
  width,
  values,
}: {
  readonly layer: string;
  /** From 0. */
  readonly channel: number;
  readonly channels: number;
  readonly height: number;
  readonly width: number;
  readonly values: ArrayLike<number>;
}): string {
  let lo = Infinity;
  let hi = -Infinity;
  for (let i = 0; i < values.length; i++) {
    const v = values[i] ?? 0;
    if (!Number.isFinite(v)) continue;
    if (v < lo) lo = v;
    if (v > hi) hi = v;
  }
  const head = `${layer}, channel ${channel + 1} of ${channels}, ${height}×${width} units`;
  if (!(hi >= lo)) return `${head}: no values.`;
  if (hi === lo) return `${head}: every value is ${formatSigned(hi)}.`;
  const top = strongestOf(values, width);
  const where = top ? `, strongest at row ${top.row}, column ${top.col}` : '';
  return `${head}: values from ${formatSigned(lo)} to ${formatSigned(hi)}${where}.`;
}

/**
 * An output map of the convolution step-through, e.g. "Output map of filter 1, 3×3: 4 of 9
 * values computed; computing row 2, column 2 = 3." Rows and columns from 1.
 */
export function describeConvOutput({
  filter,
  side,
  done,
  current,
}: {
  /** From 0. */
  readonly filter: number;
  readonly side: number;
  /** How many of its side² values are computed so far. */
  readonly done: number;
  /** The value being computed now, when it is in this map. */
  readonly current?: { readonly row: number; readonly col: number; readonly value: number } | null;
}): string {
  const cells = side * side;
  const head = `Output map of filter ${filter + 1}, ${side}×${side}`;
  const progress =
    done >= cells
      ? 'every value computed'
      : done === 0
        ? 'nothing computed yet'
        : `${done} of ${cells} values computed`;
  const now = current
    ? `; computing row ${current.row}, column ${current.col} = ${formatSigned(current.value)}`
    : '';
  return `${head}: ${progress}${now}.`;
}
