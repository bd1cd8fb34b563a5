import type { ShiftDirection } from '../core/shiftInvariance';
import { pixelsPerImage, type ImageSet, type ImageShape } from './types';

/**
 * Translating images by whole pixels, for the shift-invariance experiment: the content
 * moves and the strip it leaves is filled with zeros (the background of MNIST), nothing
 * wraps round. Pure functions on the lab's byte images, so they are tested by hand.
 */

/** The (dx, dy) of a shift by `pixels` in a direction; diagonal moves `pixels` right and down. */
export function shiftOffsets(
  direction: ShiftDirection,
  pixels: number,
): { readonly dx: number; readonly dy: number } {
  return {
    dx: direction === 'down' ? 0 : pixels,
    dy: direction === 'right' ? 0 : pixels,
  };
}

function checkOffset(value: number, what: string): void {
  if (!Number.isInteger(value))
    throw new RangeError(`${what} must be a whole number of pixels; got ${value}.`);
}

/**
 * One HWC image moved by (dx, dy): out[y][x] = in[y − dy][x − dx], or 0 where that falls
 * outside the image. Positive dx moves the content right, positive dy down.
 */
export function shiftImage(
  pixels: ArrayLike<number>,
  shape: ImageShape,
  dx: number,
  dy: number,
): Uint8Array {
  checkOffset(dx, 'The sideways shift');
  checkOffset(dy, 'The downward shift');
  const { height, width, channels } = shape;
  if (pixels.length !== pixelsPerImage(shape))
    throw new RangeError(
      `The image has ${pixels.length} values but a ${height}×${width}×${channels} image has ${pixelsPerImage(shape)}.`,
    );
  const out = new Uint8Array(pixels.length);
  for (let y = 0; y < height; y++) {
    const from = y - dy;
    if (from < 0 || from >= height) continue;
    for (let x = 0; x < width; x++) {
      const fromX = x - dx;
      if (fromX < 0 || fromX >= width) continue;
      for (let c = 0; c < channels; c++)
        out[(y * width + x) * channels + c] = pixels[(from * width + fromX) * channels + c] ?? 0;
    }
  }
  return out;
}

/** Every image of a set moved by (dx, dy), labels kept: a new set. */
export function shiftImageSet(set: ImageSet, dx: number, dy: number): ImageSet {
  const size = pixelsPerImage(set);
  const images = new Uint8Array(set.images.length);
  for (let i = 0; i < set.count; i++)
    images.set(shiftImage(set.images.subarray(i * size, (i + 1) * size), set, dx, dy), i * size);
  return { ...set, labels: set.labels.slice(), images };
}
