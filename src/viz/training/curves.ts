import { scaleLinear } from 'd3';
import type { StepPoint } from '../../core/metrics';
import { prepareHiDpiCanvas } from '../canvas';
import { canvasFont, scaledBox, scaledPx } from '../typeScale';

/**
 * Loss and accuracy curves drawn straight to a canvas. Training points are noisy
 * batch by batch, so they are shown faint with an exponential moving average on
 * top; validation points are drawn as dots joined by a line.
 */
export type CurveMetric = 'loss' | 'accuracy';

export interface CurveData {
  readonly train: readonly StepPoint[];
  readonly validation: readonly StepPoint[];
}

/** Exponential moving average: s_t = α·x_t + (1 − α)·s_{t−1}, started at the first value. */
export function smooth(values: readonly number[], alpha = 0.1): number[] {
  const out: number[] = [];
  let s = values[0] ?? 0;
  for (const v of values) {
    s = alpha * v + (1 - alpha) * s;
    out.push(s);
  }
  return out;
}

export const COLORS = {
  train: '#0072b2',
  trainFaint: 'rgba(0, 114, 178, 0.22)',
  validation: '#d55e00',
  grid: '#dde3ea',
  text: '#333c46',
};

/** A chart's height at the design type size (CSS px): with large type it grows with the labels. */
export const CURVE_HEIGHT_PX = 200;

/** Margins round the plot at the design type size (typeScale.ts): room for the tick labels. */
const PADDING = { left: 48, right: 14, top: 10, bottom: 28 };
/** Tick labels' size at the design type size: 0.8rem, like the page's small print. */
const TICK_PX = 12;

/**
 * Scales for a chart of this size: steps across, the metric up (accuracy 0..1, loss 0..max),
 * inside margins that grow with the type scale.
 */
export function curveScales(
  data: CurveData,
  metric: CurveMetric,
  width: number,
  height: number,
  typeScale = 1,
) {
  const pad = scaledBox(PADDING, typeScale);
  const lastStep = Math.max(1, data.train.at(-1)?.step ?? 0, data.validation.at(-1)?.step ?? 0);
  const values = [...data.train, ...data.validation].map((p) => p[metric]).filter(Number.isFinite);
  const top =
    metric === 'accuracy' ? 1 : Math.max(0.1, Math.min(10, Math.max(...values, 0.1) * 1.05));
  return {
    x: scaleLinear()
      .domain([0, lastStep])
      .range([pad.left, width - pad.right]),
    y: scaleLinear()
      .domain([0, top])
      .range([height - pad.bottom, pad.top]),
    pad,
  };
}

/** The point nearest a step, for hover read-outs. */
export function nearestPoint(points: readonly StepPoint[], step: number): StepPoint | null {
  let best: StepPoint | null = null;
  for (const p of points)
    if (!best || Math.abs(p.step - step) < Math.abs(best.step - step)) best = p;
  return best;
}

/** Draws one metric's chart: axes, faint raw training line, smoothed line, validation dots. */
export function drawCurves(
  canvas: HTMLCanvasElement,
  data: CurveData,
  metric: CurveMetric,
  hoverStep: number | null,
): void {
  const surface = prepareHiDpiCanvas(canvas, 400, 200);
  if (!surface) return;
  const { g, width, height, scale } = surface;
  const { x, y, pad } = curveScales(data, metric, width, height, scale);
  g.font = canvasFont(TICK_PX, scale);
  g.fillStyle = COLORS.text;
  g.strokeStyle = COLORS.grid;
  g.lineWidth = 1;
  g.textAlign = 'right';
  g.textBaseline = 'middle';
  for (const t of y.ticks(4)) {
    g.beginPath();
    g.moveTo(pad.left, y(t));
    g.lineTo(width - pad.right, y(t));
    g.stroke();
    g.fillText(
      metric === 'accuracy' ? `${Math.round(t * 100)}%` : String(t),
      pad.left - scaledPx(6, scale),
      y(t),
    );
  }
  g.textAlign = 'center';
  g.textBaseline = 'top';
  for (const t of x.ticks(Math.max(2, Math.floor(width / scaledPx(80, scale)))))
    g.fillText(String(t), x(t), height - pad.bottom + scaledPx(6, scale));
  const line = (points: readonly { step: number; v: number }[], color: string, width_: number) => {
    if (points.length === 0) return;
    g.strokeStyle = color;
    g.lineWidth = width_;
    g.beginPath();
    points.forEach((p, i) => (i === 0 ? g.moveTo(x(p.step), y(p.v)) : g.lineTo(x(p.step), y(p.v))));
    g.stroke();
  };
  const raw = data.train.map((p) => ({ step: p.step, v: p[metric] }));
  const smoothed = smooth(raw.map((p) => p.v));
  // A long run has far more points than pixels: draw about two per pixel column, so a frame
  // costs the same at step 500 and at step 50,000.
  const every = Math.max(1, Math.ceil(raw.length / (2 * width)));
  const thin = <T>(points: readonly T[]) =>
    points.filter((_, i) => i % every === 0 || i === points.length - 1);
  line(thin(raw), COLORS.trainFaint, scaledPx(1, scale));
  const smoothLine = raw.map((p, i) => ({ step: p.step, v: smoothed[i] ?? p.v }));
  line(thin(smoothLine), COLORS.train, scaledPx(2, scale));
  const val = data.validation.map((p) => ({ step: p.step, v: p[metric] }));
  line(val, COLORS.validation, scaledPx(2, scale));
  g.fillStyle = COLORS.validation;
  for (const p of val) {
    g.beginPath();
    g.arc(x(p.step), y(p.v), scaledPx(3, scale), 0, 2 * Math.PI);
    g.fill();
  }
  if (hoverStep !== null) {
    g.strokeStyle = '#1b1f24';
    g.setLineDash([3, 3]);
    g.beginPath();
    g.moveTo(x(hoverStep), pad.top);
    g.lineTo(x(hoverStep), height - pad.bottom);
    g.stroke();
    g.setLineDash([]);
  }
}

/** The step under a pointer at pixel `px` of a chart this wide, drawn at this type scale. */
export function stepAt(
  data: CurveData,
  metric: CurveMetric,
  width: number,
  height: number,
  px: number,
  typeScale = 1,
): number {
  return Math.round(curveScales(data, metric, width, height, typeScale).x.invert(px));
}
