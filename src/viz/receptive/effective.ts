import type { IndexRect } from './feeding';
import { clipRect } from './scene';

/** The gradient of one unit with respect to the input, summed over colour channels: one value per pixel. */
export function gradientPerPixel(
  gradient: ArrayLike<number>,
  height: number,
  width: number,
  channels: number,
): Float32Array {
  const out = new Float32Array(height * width);
  for (let p = 0; p < height * width; p++) {
    let sum = 0;
    for (let c = 0; c < channels; c++) sum += gradient[p * channels + c] ?? 0;
    out[p] = sum;
  }
  return out;
}

/** Where the gradient's weight Σ|g| lies, as shares of the whole (0..1; all 0 for a zero gradient). */
export interface GradientShares {
  /** Inside the theoretical receptive field (1 in theory: nothing outside it can reach the unit). */
  readonly inField: number;
  /** Inside the central part of the field, half its height and half its width (a quarter of its area). */
  readonly inCentre: number;
  /** The central part's share of the field's in-image area, for comparison with `inCentre`. */
  readonly centreArea: number;
  readonly total: number;
}

/** The central half-by-half part of a rectangle (rounded to whole pixels, never empty). */
export function centreOf(rect: IndexRect): IndexRect {
  const h = rect.bottom - rect.top + 1;
  const w = rect.right - rect.left + 1;
  const ch = Math.max(1, Math.round(h / 2));
  const cw = Math.max(1, Math.round(w / 2));
  const top = rect.top + Math.floor((h - ch) / 2);
  const left = rect.left + Math.floor((w - cw) / 2);
  return { top, left, bottom: top + ch - 1, right: left + cw - 1 };
}

const inRect = (r: IndexRect | null, row: number, col: number): boolean =>
  r !== null && row >= r.top && row <= r.bottom && col >= r.left && col <= r.right;

const areaOf = (r: IndexRect | null): number =>
  r ? (r.bottom - r.top + 1) * (r.right - r.left + 1) : 0;

/**
 * How the effective field (the per-pixel gradient) sits in the theoretical one:
 * the share of Σ|g| inside the field and inside its central quarter (by area).
 */
export function gradientShares(
  values: ArrayLike<number>,
  height: number,
  width: number,
  field: IndexRect,
): GradientShares {
  const size = [height, width] as const;
  const inside = clipRect(field, size);
  const centre = clipRect(centreOf(field), size);
  let total = 0;
  let inField = 0;
  let inCentre = 0;
  for (let row = 0; row < height; row++) {
    for (let col = 0; col < width; col++) {
      const v = Math.abs(values[row * width + col] ?? 0);
      total += v;
      if (inRect(inside, row, col)) inField += v;
      if (inRect(centre, row, col)) inCentre += v;
    }
  }
  const share = (part: number) => (total > 0 ? part / total : 0);
  const fieldArea = areaOf(inside);
  return {
    inField: share(inField),
    inCentre: share(inCentre),
    centreArea: fieldArea > 0 ? areaOf(centre) / fieldArea : 0,
    total,
  };
}
