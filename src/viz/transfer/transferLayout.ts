import { line, scaleLinear } from 'd3';

/** One curve to draw: its points as (step, accuracy 0..1). */
export interface CurveInput {
  readonly id: string;
  readonly points: readonly { readonly step: number; readonly accuracy: number }[];
}

export interface CurvesLayout {
  readonly plot: { left: number; right: number; top: number; bottom: number };
  readonly xTicks: { value: number; at: number }[];
  /** Accuracy ticks in per cent. */
  readonly yTicks: { value: number; at: number }[];
  readonly curves: {
    readonly id: string;
    readonly path: string;
    readonly points: { step: number; accuracy: number; x: number; y: number }[];
  }[];
  /** Where chance (one class in ten) lies, for the dotted line. */
  readonly chanceY: number;
}

/**
 * Positions for the transfer chart: steps across from 0 to `steps`, test accuracy up from
 * 0 to 100 %, one path per run, and the chance line at 1 / classes.
 */
export function curvesLayout(
  curves: readonly CurveInput[],
  steps: number,
  size: { width: number; height: number },
  classes = 10,
): CurvesLayout {
  const plot = { left: 52, right: size.width - 20, top: 12, bottom: size.height - 44 };
  const x = scaleLinear()
    .domain([0, Math.max(1, steps)])
    .range([plot.left, plot.right]);
  const y = scaleLinear().domain([0, 1]).range([plot.bottom, plot.top]);
  return {
    plot,
    xTicks: x.ticks(5).map((v) => ({ value: v, at: x(v) })),
    yTicks: y.ticks(5).map((v) => ({ value: Math.round(v * 100), at: y(v) })),
    curves: curves.map((c) => {
      const points = c.points.map((p) => ({ ...p, x: x(p.step), y: y(p.accuracy) }));
      const path =
        line<(typeof points)[number]>()
          .x((p) => p.x)
          .y((p) => p.y)(points) ?? '';
      return { id: c.id, path, points };
    }),
    chanceY: y(1 / classes),
  };
}
