import { line, scaleLinear } from 'd3';
import { activationCurveOf, type Activation } from '../core/activations';

/**
 * f and f′ of one activation as an SVG plot's geometry: pure, so a test can read it. The
 * curves come from core's activation table (activationCurveOf); this file only lays them out.
 */

export interface PlotTick {
  readonly value: number;
  /** Position in the plot's pixels along its axis. */
  readonly at: number;
  readonly label: string;
}

export interface ActivationPlotLayout {
  readonly width: number;
  readonly height: number;
  /** The plotting area inside the margins. */
  readonly area: {
    readonly left: number;
    readonly top: number;
    readonly right: number;
    readonly bottom: number;
  };
  /** The SVG path of f and of f′. */
  readonly valuePath: string;
  readonly derivativePath: string;
  readonly xTicks: readonly PlotTick[];
  readonly yTicks: readonly PlotTick[];
  /** Where z = 0 and y = 0 are, for the axes drawn through the origin. */
  readonly zeroX: number;
  readonly zeroY: number;
  /** The y range shown (both curves fit). */
  readonly yDomain: readonly [number, number];
  /** Label positions: each curve's label sits at its right end. */
  readonly valueLabelY: number;
  readonly derivativeLabelY: number;
}

/** The z range every plot shows: wide enough for sigmoid and tanh to saturate. */
export const PLOT_Z_RANGE: readonly [number, number] = [-4, 4];
const SAMPLES = 161;
const LABEL_GAP = 12;
const MARGIN = { left: 30, right: 34, top: 10, bottom: 22 };

const tickText = (v: number) => (Number.isInteger(v) ? String(v) : v.toFixed(1)).replace('-', '−');

/** The plot of f and f′ for `fn` in a `width`×`height` box (px). */
export function activationPlotLayout(
  fn: Activation,
  width = 260,
  height = 170,
): ActivationPlotLayout {
  const { value, derivative } = activationCurveOf(fn);
  const [z0, z1] = PLOT_Z_RANGE;
  const zs = Array.from({ length: SAMPLES }, (_, i) => z0 + ((z1 - z0) * i) / (SAMPLES - 1));
  const fs = zs.map(value);
  const ds = zs.map(derivative);
  const all = [...fs, ...ds, 0, 1];
  // A little headroom so a flat derivative at the top (relu's 1) is not drawn on the frame.
  const lo = Math.min(...all);
  const hi = Math.max(...all);
  const pad = (hi - lo) * 0.06;
  const yDomain: [number, number] = [lo - pad, hi + pad];
  const area = {
    left: MARGIN.left,
    top: MARGIN.top,
    right: width - MARGIN.right,
    bottom: height - MARGIN.bottom,
  };
  const x = scaleLinear().domain(PLOT_Z_RANGE).range([area.left, area.right]);
  const y = scaleLinear().domain(yDomain).range([area.bottom, area.top]);
  const path = (ys: readonly number[]) =>
    line<number>()
      .x((_, i) => x(zs[i] ?? 0))
      .y((v) => y(v))(ys) ?? '';
  const ticks = (scale: typeof x, count: number) =>
    scale.ticks(count).map((v) => ({ value: v, at: scale(v), label: tickText(v) }));
  // The two labels at the right end, kept a line apart where the curves end close together.
  let valueLabelY = y(fs.at(-1) ?? 0);
  let derivativeLabelY = y(ds.at(-1) ?? 0);
  if (Math.abs(valueLabelY - derivativeLabelY) < LABEL_GAP) {
    const mid = (valueLabelY + derivativeLabelY) / 2;
    const valueAbove = (fs.at(-1) ?? 0) >= (ds.at(-1) ?? 0);
    valueLabelY = mid + (valueAbove ? -LABEL_GAP / 2 : LABEL_GAP / 2);
    derivativeLabelY = mid + (valueAbove ? LABEL_GAP / 2 : -LABEL_GAP / 2);
  }
  return {
    width,
    height,
    area,
    valuePath: path(fs),
    derivativePath: path(ds),
    xTicks: ticks(x, 8),
    yTicks: ticks(y, 4),
    zeroX: x(0),
    zeroY: y(0),
    yDomain,
    valueLabelY,
    derivativeLabelY,
  };
}
