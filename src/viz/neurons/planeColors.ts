import { interpolatePuOr, rgb } from 'd3';

/**
 * Colours of the neuron playground. Classes use the orange–purple pair of the PuOr map,
 * which stays distinct for the common forms of colour blindness; points also differ in
 * shape (class 0 circles, class 1 squares), so colour is never the only cue.
 */

/** Strong colours of the two classes, for points and legends. */
export const CLASS_COLORS = ['#b35806', '#542788'] as const;

/** Weight colours: positive weights purple, negative orange, as the regions' classes. */
export const POSITIVE_COLOR = '#542788';
export const NEGATIVE_COLOR = '#b35806';

/** Colour of a signed weight's edge. */
export function weightColorOf(weight: number): string {
  return weight >= 0 ? POSITIVE_COLOR : NEGATIVE_COLOR;
}

/**
 * Background colour for p(class 1) = p: orange towards 0, purple towards 1, white at 0.5.
 * Only the lighter 60 % of the map is used, so points drawn on top keep their contrast.
 */
export function probabilityColorOf(p: number): string {
  const t = Math.max(0, Math.min(1, p));
  // d3's PuOr runs from purple (0) to orange (1).
  return interpolatePuOr(1 - (0.2 + 0.6 * t));
}

/** Colour of a unit's activation a scaled by the largest |a| of its thumbnail (−1 … 1). */
export function activationColorOf(scaled: number): string {
  return interpolatePuOr(0.5 - 0.5 * Math.max(-1, Math.min(1, scaled)));
}

function tableOf(color: (t: number) => string): Uint8Array {
  const table = new Uint8Array(256 * 3);
  for (let i = 0; i < 256; i++) {
    const c = rgb(color(i / 255));
    table.set([c.r, c.g, c.b], i * 3);
  }
  return table;
}

const PROBABILITY_TABLE = tableOf(probabilityColorOf);
const ACTIVATION_TABLE = tableOf((t) => activationColorOf(2 * t - 1));

/**
 * RGBA bytes for a square grid of values: probabilities in [0, 1], or activations
 * scaled by their largest |a| (so every hidden unit's thumbnail uses the full map).
 */
export function gridToRgba(
  values: Float64Array,
  kind: 'probability' | 'activation',
): Uint8ClampedArray<ArrayBuffer> {
  const out = new Uint8ClampedArray(new ArrayBuffer(values.length * 4));
  let scale = 1;
  let shift = 0;
  let table = PROBABILITY_TABLE;
  if (kind === 'activation') {
    let max = 0;
    for (const v of values) max = Math.max(max, Math.abs(v));
    scale = 0.5 / (max || 1);
    shift = 0.5;
    table = ACTIVATION_TABLE;
  }
  for (let k = 0; k < values.length; k++) {
    const t = Math.max(0, Math.min(1, (values[k] ?? 0) * scale + shift));
    const i = Math.round(t * 255) * 3;
    out[4 * k] = table[i] ?? 0;
    out[4 * k + 1] = table[i + 1] ?? 0;
    out[4 * k + 2] = table[i + 2] ?? 0;
    out[4 * k + 3] = 255;
  }
  return out;
}

/** Paints a square grid into a canvas at its own resolution (CSS scales it up). */
export function drawGrid(
  canvas: HTMLCanvasElement,
  values: Float64Array,
  kind: 'probability' | 'activation',
): void {
  const side = Math.round(Math.sqrt(values.length));
  if (canvas.width !== side) canvas.width = side;
  if (canvas.height !== side) canvas.height = side;
  const context = canvas.getContext('2d');
  if (!context) return;
  context.putImageData(new ImageData(gridToRgba(values, kind), side, side), 0, 0);
}
