import type { ImageShape } from '../images';

/** How a layer's output is pictured in the network view. */
export type LayerPicture =
  | {
      readonly kind: 'maps';
      /** Channels drawn as thumbnails (the first few). */
      readonly channels: number;
      readonly total: number;
      /** Thumbnail size in CSS pixels. */
      readonly size: number;
    }
  | {
      readonly kind: 'strip';
      readonly units: number;
      /** The units drawn as a grid, row by row, `columns` wide. */
      readonly grid: ImageShape;
    };

/** Most thumbnails per layer in the graph. */
export const MAX_THUMBS = 4;

/**
 * Feature-map thumbnails for spatial outputs (the first MAX_THUMBS channels, 24–56 px
 * depending on the map's size), else a grid of unit values at most 16 units wide
 * (32 past 256 units; a width from 8 up that divides the units evenly when there is one).
 */
export function layerPicture(shape: readonly number[], maxThumbs = MAX_THUMBS): LayerPicture {
  if (shape.length === 3) {
    const [h = 1, , c = 1] = shape;
    return {
      kind: 'maps',
      channels: Math.min(c, maxThumbs),
      total: c,
      size: Math.max(24, Math.min(56, 2 * h)),
    };
  }
  const units = shape.reduce((p, n) => p * n, 1);
  // Long vectors (a flattened image) get rows up to 32 wide, so the strip stays compact.
  let columns = Math.max(1, Math.min(units > 256 ? 32 : 16, units));
  // A width that divides the units evenly leaves no empty cells, when one from 8 up does.
  for (let w = columns; w >= 8; w--)
    if (units % w === 0) {
      columns = w;
      break;
    }
  return {
    kind: 'strip',
    units,
    grid: { height: Math.ceil(units / columns), width: columns, channels: 1 },
  };
}

/** Values laid into a grid of `grid.height × grid.width` cells; the cells past the end hold NaN. */
export function stripValues(values: ArrayLike<number>, grid: ImageShape): Float32Array {
  const out = new Float32Array(grid.height * grid.width).fill(Number.NaN);
  for (let i = 0; i < Math.min(values.length, out.length); i++) out[i] = values[i] ?? 0;
  return out;
}

/** A value short enough for a legend: 3 significant digits, exponent form when tiny or huge. */
export function formatValue(v: number): string {
  if (!Number.isFinite(v)) return String(v);
  if (v === 0) return '0';
  const a = Math.abs(v);
  if (a < 0.01 || a >= 10_000) return v.toExponential(1).replace('e', '×10^').replace('+', '');
  return String(Number(v.toPrecision(3)));
}
