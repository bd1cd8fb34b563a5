import { line, scaleLinear } from 'd3';

/** One network's curve on the shift chart. */
export interface ShiftCurve {
  readonly id: string;
  readonly path: string;
  readonly points: readonly { readonly shift: number; readonly x: number; readonly y: number }[];
}

export interface ShiftChartLayout {
  readonly plot: { left: number; right: number; top: number; bottom: number };
  readonly xTicks: { value: number; at: number }[];
  readonly yTicks: { value: number; at: number }[];
  readonly curves: ShiftCurve[];
  /** Where chance (one in `classes`) lies: the floor both curves fall towards. */
  readonly chanceY: number;
  /** The selected shift, marked on the chart (null outside the tested range). */
  readonly markerX: number | null;
}

/**
 * Positions for the accuracy-against-shift chart: shift in pixels across (whole pixels only),
 * accuracy 0..100 % up, one curve per network.
 */
export function shiftChartLayout(
  shifts: readonly number[],
  series: readonly { readonly network: string; readonly accuracy: readonly number[] }[],
  selected: number,
  size: { width: number; height: number },
  classes = 10,
): ShiftChartLayout {
  const plot = { left: 58, right: size.width - 12, top: 12, bottom: size.height - 40 };
  const maxShift = Math.max(1, ...shifts);
  const x = scaleLinear().domain([0, maxShift]).range([plot.left, plot.right]);
  const y = scaleLinear().domain([0, 1]).range([plot.bottom, plot.top]);
  const curves = series.map((s) => {
    const points = shifts.map((shift, i) => ({ shift, x: x(shift), y: y(s.accuracy[i] ?? 0) }));
    const path =
      line<(typeof points)[number]>()
        .x((p) => p.x)
        .y((p) => p.y)(points) ?? '';
    return { id: s.network, path, points };
  });
  return {
    plot,
    xTicks: x
      .ticks(Math.min(maxShift, 8))
      .filter(Number.isInteger)
      .map((v) => ({ value: v, at: x(v) })),
    yTicks: y.ticks(5).map((v) => ({ value: v, at: y(v) })),
    curves,
    chanceY: y(1 / classes),
    markerX: selected >= 0 && selected <= maxShift ? x(selected) : null,
  };
}
