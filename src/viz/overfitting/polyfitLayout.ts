import { line, scaleLinear, scaleLog } from 'd3';
import { polyTarget, polyValue, type DegreeErrors, type PolyPoints } from '../../core/polyfit';

/** The plot area inside an SVG's viewBox. */
export interface PlotBox {
  readonly left: number;
  readonly right: number;
  readonly top: number;
  readonly bottom: number;
}

export interface Tick {
  readonly value: number;
  readonly label: string;
  /** Position along the tick's axis, in viewBox units. */
  readonly at: number;
}

/** The y range the fit picture shows; a wild fit leaves it (the picture clips it to the plot). */
export const FIT_Y_RANGE: readonly [number, number] = [-2.5, 2.5];

/**
 * The curve's values are bounded to this many plot heights beyond the plot before drawing:
 * a degree-15 fit can reach 10⁶ between points, and such coordinates would only strain the
 * renderer, while the clipped picture looks the same.
 */
const CURVE_BOUND = 4;

export interface FitLayout {
  readonly plot: PlotBox;
  readonly xTicks: Tick[];
  readonly yTicks: Tick[];
  /** The true curve sin(πx). */
  readonly targetPath: string;
  /** The fitted polynomial, its values bounded (draw it clipped to the plot). */
  readonly fitPath: string;
  readonly train: { x: number; y: number }[];
  readonly test: { x: number; y: number }[];
}

const SAMPLES = 240;

/**
 * Positions for the fit picture: x from −1 to 1 across, y over FIT_Y_RANGE up, the true curve
 * and the fit sampled at 240 points, each training and held-out point placed.
 */
export function fitLayout(
  coefficients: ArrayLike<number>,
  train: PolyPoints,
  test: PolyPoints,
  size: { width: number; height: number },
): FitLayout {
  const plot: PlotBox = { left: 40, right: size.width - 12, top: 12, bottom: size.height - 28 };
  const x = scaleLinear().domain([-1, 1]).range([plot.left, plot.right]);
  const y = scaleLinear()
    .domain([...FIT_Y_RANGE])
    .range([plot.bottom, plot.top]);
  const [lo, hi] = FIT_Y_RANGE;
  const span = (hi - lo) * CURVE_BOUND;
  const bound = (v: number) => Math.max(lo - span, Math.min(hi + span, v));
  // Points stay in view: one beyond the range sits on its edge.
  const clip = (v: number) => Math.max(lo, Math.min(hi, v));
  const xs = Array.from({ length: SAMPLES + 1 }, (_, i) => -1 + (2 * i) / SAMPLES);
  const curve = (f: (t: number) => number) =>
    line<number>()
      .x((t) => x(t))
      .y((t) => y(bound(f(t))))(xs) ?? '';
  const place = (p: PolyPoints) =>
    Array.from(p.x, (px, i) => ({ x: x(px), y: y(clip(p.y[i] ?? 0)) }));
  return {
    plot,
    xTicks: x.ticks(5).map((v) => ({ value: v, label: String(v), at: x(v) })),
    yTicks: y.ticks(5).map((v) => ({ value: v, label: String(v), at: y(v) })),
    targetPath: curve(polyTarget),
    fitPath: curve((t) => polyValue(coefficients, t)),
    train: place(train),
    test: place(test),
  };
}

export interface ErrorChartLayout {
  readonly plot: PlotBox;
  readonly xTicks: Tick[];
  readonly yTicks: Tick[];
  readonly trainPath: string;
  readonly testPath: string;
  readonly points: { degree: number; x: number; trainY: number; testY: number }[];
  /** Where the current degree's marker line stands. */
  readonly markerX: number;
}

/** An MSE that an exact interpolation makes 0 (or 1e-30) would sit at −∞ on a log axis: floored here. */
export const ERROR_FLOOR = 1e-6;

/** Powers of ten from 10^a to 10^b, the log axis's ticks. */
function decades(lo: number, hi: number): number[] {
  const out: number[] = [];
  for (let e = Math.floor(Math.log10(lo)); e <= Math.ceil(Math.log10(hi)); e++) out.push(10 ** e);
  return out;
}

/** A power of ten as a short label: 0.01 to 1000 written out, others as 1e6, 1e-4. */
function decadeLabel(v: number): string {
  const exponent = Math.round(Math.log10(v));
  return exponent >= -2 && exponent <= 3 ? String(10 ** exponent) : `1e${exponent}`;
}

/**
 * Positions for the error chart: degree across, MSE up on a log scale (errors span many
 * decades: a high-degree fit's training error is near 0, its held-out error can be huge).
 */
export function errorChartLayout(
  errors: readonly DegreeErrors[],
  degree: number,
  size: { width: number; height: number },
): ErrorChartLayout {
  const plot: PlotBox = { left: 52, right: size.width - 12, top: 12, bottom: size.height - 40 };
  const floored = (v: number) => Math.max(ERROR_FLOOR, Number.isFinite(v) ? v : ERROR_FLOOR);
  const values = errors.flatMap((e) => [floored(e.train), floored(e.test)]);
  const lo = 10 ** Math.floor(Math.log10(Math.min(...values, 1)));
  const hi = 10 ** Math.ceil(Math.log10(Math.max(...values, lo * 10)));
  const maxDegree = Math.max(1, errors.at(-1)?.degree ?? 1);
  const x = scaleLinear().domain([0, maxDegree]).range([plot.left, plot.right]);
  const y = scaleLog().domain([lo, hi]).range([plot.bottom, plot.top]);
  const points = errors.map((e) => ({
    degree: e.degree,
    x: x(e.degree),
    trainY: y(floored(e.train)),
    testY: y(floored(e.test)),
  }));
  const path = (key: 'trainY' | 'testY') =>
    line<(typeof points)[number]>()
      .x((p) => p.x)
      .y((p) => p[key])(points) ?? '';
  const all = decades(lo, hi);
  // At most about six labelled decades, so the labels never collide.
  const every = Math.max(1, Math.ceil(all.length / 6));
  return {
    plot,
    xTicks: x
      .ticks(Math.min(maxDegree, 8))
      .filter(Number.isInteger)
      .map((v) => ({ value: v, label: String(v), at: x(v) })),
    yTicks: all
      .filter((_, i) => i % every === 0)
      .map((v) => ({ value: v, label: decadeLabel(v), at: y(v) })),
    trainPath: path('trainY'),
    testPath: path('testY'),
    points,
    markerX: x(degree),
  };
}
