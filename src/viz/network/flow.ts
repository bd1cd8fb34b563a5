import { scaleLinear, scaleLog } from 'd3';
import { prepareHiDpiCanvas } from '../canvas';
import { canvasFont, scaledBox, scaledPx } from '../typeScale';

/** ‖∂L/∂W‖ per layer at one training step (as the metrics log keeps them). */
export interface NormPoint {
  readonly step: number;
  readonly norms: Float32Array;
}

/** Okabe–Ito colours, then a few more, one per kernel layer (readable on white). */
export const FLOW_COLORS = [
  '#0072b2',
  '#d55e00',
  '#009e73',
  '#cc79a7',
  '#7a6300',
  '#56687a',
  '#b8002e',
  '#5a3d99',
  '#006d6f',
  '#8a4b08',
];

/** The chart's height at the design type size (CSS px): with large type it grows with the labels. */
export const FLOW_HEIGHT_PX = 240;

/** Margins at the design type size (typeScale.ts): tick labels left, steps and their title below. */
const PAD = { left: 52, right: 14, top: 10, bottom: 40 };
/** Tick and axis labels' size at the design type size: 0.8rem, like the page's small print. */
const TICK_PX = 12;

/** [smallest, largest] positive norm over the chosen layers (log axes cannot show 0). */
export function logDomain(
  points: readonly NormPoint[],
  layers: readonly number[],
): [number, number] {
  let lo = Infinity;
  let hi = 0;
  for (const p of points)
    for (const l of layers) {
      const v = p.norms[l] ?? 0;
      if (v > 0 && Number.isFinite(v)) {
        if (v < lo) lo = v;
        if (v > hi) hi = v;
      }
    }
  if (!(hi > 0)) return [1e-4, 1];
  // Whole decades, at least one apart, so the ticks are powers of ten.
  const bottom = 10 ** Math.floor(Math.log10(lo));
  const top = 10 ** Math.ceil(Math.log10(hi));
  return [bottom, top > bottom ? top : bottom * 10];
}

const SUPERSCRIPT = '⁰¹²³⁴⁵⁶⁷⁸⁹';

/** 10 to the power e as it is printed, with a superscript exponent: 10⁻³. */
export function powerOfTen(e: number): string {
  const digits = String(Math.abs(e))
    .split('')
    .map((d) => SUPERSCRIPT[Number(d)] ?? d)
    .join('');
  return `10${e < 0 ? '⁻' : ''}${digits}`;
}

/** Draws each layer's kernel-gradient norm over training steps on a log y axis. */
export function drawFlow(
  canvas: HTMLCanvasElement,
  points: readonly NormPoint[],
  layers: readonly number[],
): void {
  const surface = prepareHiDpiCanvas(canvas, 480, 220);
  if (!surface) return;
  const { g, width, height, scale } = surface;
  const pad = scaledBox(PAD, scale);
  const lastStep = Math.max(1, points.at(-1)?.step ?? 1);
  const x = scaleLinear()
    .domain([0, lastStep])
    .range([pad.left, width - pad.right]);
  const y = scaleLog()
    .domain(logDomain(points, layers))
    .range([height - pad.bottom, pad.top]);
  g.font = canvasFont(TICK_PX, scale);
  g.fillStyle = '#333c46';
  g.strokeStyle = '#dde3ea';
  g.lineWidth = 1;
  g.textAlign = 'right';
  g.textBaseline = 'middle';
  const [d0, d1] = y.domain() as [number, number];
  for (let e = Math.round(Math.log10(d0)); e <= Math.round(Math.log10(d1)); e++) {
    const yy = y(10 ** e);
    g.beginPath();
    g.moveTo(pad.left, yy);
    g.lineTo(width - pad.right, yy);
    g.stroke();
    g.fillText(powerOfTen(e), pad.left - scaledPx(6, scale), yy);
  }
  g.textAlign = 'center';
  g.textBaseline = 'top';
  for (const t of x.ticks(Math.max(2, Math.floor(width / scaledPx(80, scale)))))
    g.fillText(String(t), x(t), height - pad.bottom + scaledPx(4, scale));
  g.textBaseline = 'bottom';
  g.fillText('training step', (pad.left + width - pad.right) / 2, height - scaledPx(2, scale));
  layers.forEach((layer, k) => {
    g.strokeStyle = FLOW_COLORS[k % FLOW_COLORS.length] ?? '#000';
    g.lineWidth = scaledPx(1.5, scale);
    g.beginPath();
    let started = false;
    for (const p of points) {
      const v = p.norms[layer] ?? 0;
      if (!(v > 0)) {
        started = false;
        continue;
      }
      const px = x(p.step);
      const py = y(Math.max(d0, v));
      if (started) g.lineTo(px, py);
      else g.moveTo(px, py);
      started = true;
    }
    g.stroke();
  });
}
