/**
 * Area-average resampling: each output pixel is the mean of the source area it covers,
 * weighted by overlap. Shrinking a drawing this way gives the soft grey edges MNIST's
 * own normalisation produced, instead of the jagged steps of nearest-neighbour sampling.
 */

/** A rectangle of whole source pixels. */
export interface PixelRect {
  readonly x: number;
  readonly y: number;
  readonly width: number;
  readonly height: number;
}

interface Tap {
  readonly index: number;
  readonly weight: number;
}

/** For each of `outSize` cells over source pixels start … start + length: covered pixels and weights summing to 1. */
function areaTaps(start: number, length: number, outSize: number): Tap[][] {
  const step = length / outSize;
  return Array.from({ length: outSize }, (_, o) => {
    const from = start + o * step;
    const to = from + step;
    const taps: Tap[] = [];
    for (let p = Math.floor(from); p < Math.ceil(to); p++) {
      const overlap = Math.min(to, p + 1) - Math.max(from, p);
      if (overlap > 1e-9) taps.push({ index: p, weight: overlap / step });
    }
    return taps;
  });
}

/**
 * Resizes the `rect` part of an interleaved image (`channels` values a pixel) to
 * outWidth × outHeight by area averaging; the result is interleaved floats.
 */
export function resizeArea(
  source: ArrayLike<number>,
  sourceWidth: number,
  channels: number,
  rect: PixelRect,
  outWidth: number,
  outHeight: number,
): Float32Array {
  const columns = areaTaps(rect.x, rect.width, outWidth);
  const rows = areaTaps(rect.y, rect.height, outHeight);
  const out = new Float32Array(outWidth * outHeight * channels);
  rows.forEach((rowTaps, oy) => {
    columns.forEach((columnTaps, ox) => {
      for (let c = 0; c < channels; c++) {
        let sum = 0;
        for (const row of rowTaps) {
          for (const column of columnTaps) {
            sum +=
              row.weight *
              column.weight *
              (source[(row.index * sourceWidth + column.index) * channels + c] ?? 0);
          }
        }
        out[(oy * outWidth + ox) * channels + c] = sum;
      }
    });
  });
  return out;
}
