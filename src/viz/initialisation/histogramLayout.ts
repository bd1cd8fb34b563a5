import { line, scaleLinear } from 'd3';
import type { Histogram } from '../../core/histogram';

/**
 * Layouts for the initialisation experiment's charts: pure positions computed with d3's
 * scales and line generator, drawn as SVG by the panel.
 */

export interface Plot {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

export interface Tick {
  readonly value: number;
  readonly at: number;
  readonly text: string;
}

export interface HistogramLayout {
  readonly plot: Plot;
  readonly bars: readonly { x: number; y: number; width: number; height: number; share: number }[];
  readonly xTicks: readonly Tick[];
  readonly yTicks: readonly Tick[];
  /** The largest bar's share of the values, the top of the y axis (0..1). */
  readonly topShare: number;
}

/** A short number for a tick: 3 significant figures, exponents for the very small and large. */
export function tickText(value: number): string {
  if (value === 0) return '0';
  const size = Math.abs(value);
  if (size < 1e-3 || size >= 1e4) return value.toExponential(0);
  return String(Number(value.toPrecision(3)));
}

/**
 * Bars of a histogram as shares of all its values (so a run whose values leave the range
 * shows shorter bars, not a taller axis), x over the histogram's fixed edges.
 */
export function histogramLayout(
  histogram: Histogram,
  size: { width: number; height: number },
): HistogramLayout {
  const plot = { left: 34, right: size.width - 8, top: 8, bottom: size.height - 22 };
  const first = histogram.edges[0] ?? -1;
  const last = histogram.edges.at(-1) ?? 1;
  const x = scaleLinear().domain([first, last]).range([plot.left, plot.right]);
  const total = Math.max(1, histogram.total);
  const shares = histogram.counts.map((c) => c / total);
  const topShare = Math.max(...shares, 1e-9);
  const y = scaleLinear().domain([0, topShare]).range([plot.bottom, plot.top]).nice(3);
  const bars = shares.map((share, i) => {
    const x0 = x(histogram.edges[i] ?? first);
    const x1 = x(histogram.edges[i + 1] ?? last);
    return {
      x: x0,
      width: Math.max(0.5, x1 - x0 - 0.5),
      y: y(share),
      height: plot.bottom - y(share),
      share,
    };
  });
  return {
    plot,
    bars,
    xTicks: [first, (first + last) / 2, last].map((v) => ({
      value: v,
      at: x(v),
      text: tickText(v),
    })),
    yTicks: y.ticks(2).map((v) => ({ value: v, at: y(v), text: `${Math.round(v * 100)}%` })),
    topShare,
  };
}

export interface CurveLayout {
  readonly plot: Plot;
  readonly paths: readonly string[];
  readonly xTicks: readonly Tick[];
  readonly yTicks: readonly Tick[];
}

/** Loss curves over steps 1..n on shared axes, from 0 to the largest finite loss. */
export function curvesLayout(
  curves: readonly (readonly number[])[],
  size: { width: number; height: number },
): CurveLayout {
  const plot = { left: 40, right: size.width - 12, top: 14, bottom: size.height - 40 };
  const steps = Math.max(1, ...curves.map((c) => c.length));
  const finite = curves.flat().filter(Number.isFinite);
  const x = scaleLinear()
    .domain([1, Math.max(2, steps)])
    .range([plot.left, plot.right]);
  const y = scaleLinear()
    .domain([0, Math.max(1e-6, ...finite)])
    .range([plot.bottom, plot.top])
    .nice(4);
  const path = line<number>()
    .defined(Number.isFinite)
    .x((_, i) => x(i + 1))
    .y((v) => y(v));
  return {
    plot,
    paths: curves.map((c) => path([...c]) ?? ''),
    xTicks: x.ticks(5).map((v) => ({ value: v, at: x(v), text: String(v) })),
    yTicks: y.ticks(4).map((v) => ({ value: v, at: y(v), text: tickText(v) })),
  };
}
