import { line, scaleLinear } from 'd3';

/**
 * The perturbation x′ − x₀ as one value per pixel, for the diverging map: the channels'
 * mean for a colour image (a diverging map shows one signed value), the value itself for grey.
 */
export function perturbationMap(
  adversarial: ArrayLike<number>,
  original: ArrayLike<number>,
  channels: number,
): Float32Array {
  const pixels = Math.floor(original.length / channels);
  const out = new Float32Array(pixels);
  for (let p = 0; p < pixels; p++) {
    let sum = 0;
    for (let c = 0; c < channels; c++)
      sum += (adversarial[p * channels + c] ?? 0) - (original[p * channels + c] ?? 0);
    out[p] = sum / channels;
  }
  return out;
}

export interface SweepChartLayout {
  readonly plot: { left: number; right: number; top: number; bottom: number };
  readonly xTicks: { value: number; at: number }[];
  readonly yTicks: { value: number; at: number }[];
  readonly flippedPath: string;
  readonly wrongPath: string;
  readonly points: { epsilon: number; x: number; flippedY: number; wrongY: number }[];
  /** The attack's current ε, marked on the chart (null outside the swept range). */
  readonly markerX: number | null;
}

/** Positions for the sweep chart: ε across, images up from 0 to the number swept. */
export function sweepChartLayout(
  sweep: {
    epsilons: readonly number[];
    flipped: readonly number[];
    wrong: readonly number[];
    count: number;
  },
  epsilon: number,
  size: { width: number; height: number },
): SweepChartLayout {
  const plot = { left: 44, right: size.width - 12, top: 12, bottom: size.height - 34 };
  const maxEpsilon = Math.max(...sweep.epsilons, 1e-9);
  const x = scaleLinear().domain([0, maxEpsilon]).range([plot.left, plot.right]);
  const y = scaleLinear()
    .domain([0, Math.max(1, sweep.count)])
    .range([plot.bottom, plot.top]);
  const points = sweep.epsilons.map((e, i) => ({
    epsilon: e,
    x: x(e),
    flippedY: y(sweep.flipped[i] ?? 0),
    wrongY: y(sweep.wrong[i] ?? 0),
  }));
  const path = (key: 'flippedY' | 'wrongY') =>
    line<(typeof points)[number]>()
      .x((p) => p.x)
      .y((p) => p[key])(points) ?? '';
  return {
    plot,
    xTicks: x.ticks(5).map((v) => ({ value: v, at: x(v) })),
    yTicks: y.ticks(4).map((v) => ({ value: v, at: y(v) })),
    flippedPath: path('flippedY'),
    wrongPath: path('wrongY'),
    points,
    markerX: epsilon >= 0 && epsilon <= maxEpsilon ? x(epsilon) : null,
  };
}
