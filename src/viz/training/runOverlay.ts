import { line, scaleLinear } from 'd3';
import { mergeRunCurves, type RunCurveMetric, type RunCurvesInput } from '../../core/runCurves';
import { scaledBox } from '../typeScale';
import { smooth } from './curves';

/**
 * The compared runs' curves as SVG paths: one colour per run, training solid (smoothed as
 * the live curves are), validation dashed. Layout only; the panel draws the paths.
 */

/**
 * Okabe and Ito's colour-blind-safe palette (Color Universal Design, 2002), without its
 * yellow (too pale on white) and with a mid grey for its black (lost on the dark theme);
 * runs past the seventh repeat the colours.
 */
export const RUN_COLOURS = [
  '#0072b2',
  '#d55e00',
  '#009e73',
  '#cc79a7',
  '#56b4e9',
  '#e69f00',
  '#7f7f7f',
] as const;

/** The colour of the i-th compared run. */
export const runColourOf = (i: number): string => RUN_COLOURS[i % RUN_COLOURS.length] ?? '#000';

export interface OverlayPath {
  readonly id: string;
  readonly split: 'train' | 'validation';
  readonly colour: string;
  readonly d: string;
  /** The last point's value, as a data attribute the tests and a reader can check. */
  readonly last: number | null;
}

export interface OverlayTick {
  readonly label: string;
  readonly at: number;
}

export interface OverlayLayout {
  readonly plot: { left: number; right: number; top: number; bottom: number };
  readonly paths: readonly OverlayPath[];
  readonly xTicks: readonly OverlayTick[];
  readonly yTicks: readonly OverlayTick[];
}

/** Margins at the design type size (typeScale.ts): room for the tick labels. */
const MARGIN = { left: 40, right: 12, top: 10, bottom: 32 };

/** A chart's height at the design type size (CSS px), like the live curves'. */
export const OVERLAY_HEIGHT_PX = 200;

/**
 * Paths and ticks for one metric of the compared runs in a width × height box of CSS
 * pixels (the chart's own size, so its labels keep the page's type size at any width).
 */
export function overlayLayout(
  runs: readonly RunCurvesInput[],
  metric: RunCurveMetric,
  size: { width: number; height: number },
  typeScale = 1,
): OverlayLayout {
  const merged = mergeRunCurves(runs, metric);
  const margin = scaledBox(MARGIN, typeScale);
  const plot = {
    left: margin.left,
    right: Math.max(margin.left + 1, size.width - margin.right),
    top: margin.top,
    bottom: Math.max(margin.top + 1, size.height - margin.bottom),
  };
  const x = scaleLinear().domain(merged.steps).range([plot.left, plot.right]);
  const y = scaleLinear().domain(merged.values).range([plot.bottom, plot.top]).clamp(true).nice(4);
  const toPath = line<readonly [number, number]>()
    .x(([step]) => x(step))
    .y(([, v]) => y(v));
  const colourOf = new Map(runs.map((r, i) => [r.id, runColourOf(i)]));
  const paths = merged.series.map((s): OverlayPath => {
    const values = s.split === 'train' ? smooth(s.points.map(([, v]) => v)) : null;
    const points = values ? s.points.map(([step], i) => [step, values[i] ?? 0] as const) : s.points;
    return {
      id: s.id,
      split: s.split,
      colour: colourOf.get(s.id) ?? '#000',
      d: toPath(points) ?? '',
      last: s.points.at(-1)?.[1] ?? null,
    };
  });
  const percent = metric === 'accuracy';
  return {
    plot,
    paths,
    xTicks: x
      .ticks(Math.max(2, Math.floor((plot.right - plot.left) / (70 * typeScale))))
      .filter(Number.isInteger)
      .map((t) => ({ label: t.toLocaleString('en-US'), at: x(t) })),
    yTicks: y.ticks(4).map((t) => ({
      label: percent ? `${Math.round(t * 100)}%` : String(t),
      at: y(t),
    })),
  };
}
