import { interpolateRdBu, rgb } from 'd3';
import type { ValueRange } from '../core/range';

export type { ValueRange } from '../core/range';

export interface ImageShape {
  readonly height: number;
  readonly width: number;
  readonly channels: number;
}

/** Diverging colour for t in [0, 1]: blue for negative, white at the centre, red for positive. */
export function divergingColor(t: number): string {
  return interpolateRdBu(1 - Math.max(0, Math.min(1, t)));
}

/** 256 RGB triples of the diverging map, so drawing a pixel is a table look-up. */
const DIVERGING_TABLE: Uint8Array = (() => {
  const table = new Uint8Array(256 * 3);
  for (let i = 0; i < 256; i++) {
    const c = rgb(divergingColor(i / 255));
    table.set([c.r, c.g, c.b], i * 3);
  }
  return table;
})();

/**
 * RGBA bytes for an HWC image. Bytes draw as they are; other values map
 * linearly from `range` to 0..255, or through the diverging map when asked
 * (single channel only), so signed values show their sign.
 */
export function imageToRgba(
  values: ArrayLike<number>,
  shape: ImageShape,
  options: { range?: ValueRange; diverging?: boolean } = {},
): Uint8ClampedArray<ArrayBuffer> {
  const { height, width, channels } = shape;
  const out = new Uint8ClampedArray(new ArrayBuffer(height * width * 4));
  const [lo, hi] = options.range ?? [0, 255];
  const scale = 255 / (hi - lo || 1);
  for (let p = 0; p < height * width; p++) {
    if (options.diverging && channels === 1) {
      const t = ((values[p] ?? 0) - lo) / (hi - lo || 1);
      const i = Math.round(Math.max(0, Math.min(1, t)) * 255) * 3;
      out[p * 4] = DIVERGING_TABLE[i] ?? 0;
      out[p * 4 + 1] = DIVERGING_TABLE[i + 1] ?? 0;
      out[p * 4 + 2] = DIVERGING_TABLE[i + 2] ?? 0;
    } else {
      for (let c = 0; c < 3; c++) {
        const v = values[p * channels + Math.min(c, channels - 1)] ?? 0;
        out[p * 4 + c] = (v - lo) * scale;
      }
    }
    out[p * 4 + 3] = 255;
  }
  return out;
}

/** Draws an HWC image into a canvas at its own resolution; CSS scales it up with crisp pixels. */
export function drawImage(
  canvas: HTMLCanvasElement,
  values: ArrayLike<number>,
  shape: ImageShape,
  options: { range?: ValueRange; diverging?: boolean } = {},
): void {
  canvas.width = shape.width;
  canvas.height = shape.height;
  const context = canvas.getContext('2d');
  if (!context) return;
  const rgba = imageToRgba(values, shape, options);
  context.putImageData(new ImageData(rgba, shape.width, shape.height), 0, 0);
}
