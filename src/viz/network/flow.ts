import { scaleLinear, scaleLog } from 'd3';
import { prepareHiDpiCanvas } from '../canvas';

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

const PAD = { left: 64, right: 12, top: 10, bottom: 28 };

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

/** Draws each layer's kernel-gradient norm over training steps on a log y axis. */
export function drawFlow(
  canvas: HTMLCanvasElement,
  points: readonly NormPoint[],
  layers: readonly number[],
): void {
  const surface = prepareHiDpiCanvas(canvas, 480, 220);
  if (!surface) return;
  const { g, width, height } = surface;
  const lastStep = Math.max(1, points.at(-1)?.step ?? 1);
  const x = scaleLinear()
    .domain([0, lastStep])
    .range([PAD.left, width - PAD.right]);
  const y = scaleLog()
    .domain(logDomain(points, layers))
    .range([height - PAD.bottom, PAD.top]);
  g.font = '11px system-ui, sans-serif';
  g.fillStyle = '#333c46';
  g.strokeStyle = '#dde3ea';
  g.lineWidth = 1;
  g.textAlign = 'right';
  g.textBaseline = 'middle';
  const [d0, d1] = y.domain() as [number, number];
  for (let e = Math.round(Math.log10(d0)); e <= Math.round(Math.log10(d1)); e++) {
    const yy = y(10 ** e);
    g.beginPath();
    g.moveTo(PAD.left, yy);
    g.lineTo(width - PAD.right, yy);
    g.stroke();
    g.fillText(`10^${e}`, PAD.left - 6, yy);
  }
  g.textAlign = 'center';
  g.textBaseline = 'top';
  for (const t of x.ticks(5)) g.fillText(String(t), x(t), height - PAD.bottom + 6);
  g.fillText('training step', (PAD.left + width) / 2, height - 12);
  layers.forEach((layer, k) => {
    g.strokeStyle = FLOW_COLORS[k % FLOW_COLORS.length] ?? '#000';
    g.lineWidth = 1.5;
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
