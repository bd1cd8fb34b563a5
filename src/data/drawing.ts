import { resizeArea, type PixelRect } from './resample';

/**
 * The drawing pad's preprocessing, done the way MNIST was made (LeCun et al.): the
 * digit's bounding box is scaled to fit a 20×20 box keeping its aspect ratio, then
 * placed in a 28×28 image so that its centre of mass sits at the centre. A digit drawn
 * small in a corner then looks to the network like the digits it learned from.
 */

export const MNIST_SIDE = 28;
export const MNIST_BOX = 20;

export type DrawingResult =
  | {
      readonly ok: true;
      /** 28 × 28 bytes, ink 255 on background 0, like MNIST. */
      readonly image: Uint8Array;
      /** The ink's bounding box on the pad. */
      readonly box: PixelRect;
      /** Centre of mass of the result in pixel coordinates (the centre is 13.5, 13.5). */
      readonly centreOfMass: { readonly x: number; readonly y: number };
    }
  | { readonly ok: false; readonly message: string };

/** The alpha channel of RGBA pixels (canvas ImageData) as ink: a pad drawn on a transparent canvas. */
export function inkFromAlpha(rgba: ArrayLike<number>): Uint8Array {
  const ink = new Uint8Array(Math.floor(rgba.length / 4));
  for (let i = 0; i < ink.length; i++) ink[i] = rgba[i * 4 + 3] ?? 0;
  return ink;
}

/** Smallest rectangle holding every value above `threshold`, or null when there is none. */
export function inkBoundingBox(
  ink: ArrayLike<number>,
  width: number,
  height: number,
  threshold = 0,
): PixelRect | null {
  let left = width;
  let right = -1;
  let top = height;
  let bottom = -1;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      if ((ink[y * width + x] ?? 0) > threshold) {
        if (x < left) left = x;
        if (x > right) right = x;
        if (y < top) top = y;
        if (y > bottom) bottom = y;
      }
    }
  }
  return right < 0 ? null : { x: left, y: top, width: right - left + 1, height: bottom - top + 1 };
}

/** Centre of mass Σ v·(x, y) / Σ v of a single-channel image, in pixel-centre coordinates. */
export function centreOfMass(
  values: ArrayLike<number>,
  width: number,
  height: number,
): { x: number; y: number } {
  let total = 0;
  let sumX = 0;
  let sumY = 0;
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      const v = values[y * width + x] ?? 0;
      total += v;
      sumX += v * x;
      sumY += v * y;
    }
  }
  return total > 0
    ? { x: sumX / total, y: sumY / total }
    : { x: (width - 1) / 2, y: (height - 1) / 2 };
}

/**
 * Turns the pad's ink (one value a pixel, 0 = background, 255 = full ink) into a
 * 28×28 MNIST-style image. When centring would push part of a lopsided digit off the
 * image, the digit is kept whole and its centre of mass stays slightly off-centre.
 */
export function preprocessDrawing(
  ink: ArrayLike<number>,
  width: number,
  height: number,
  threshold = 0,
): DrawingResult {
  if (ink.length !== width * height) {
    return {
      ok: false,
      message: `The pad has ${ink.length} values for ${width}×${height} pixels.`,
    };
  }
  const box = inkBoundingBox(ink, width, height, threshold);
  if (!box) return { ok: false, message: 'The pad is empty: draw a digit first.' };
  const fit = MNIST_BOX / Math.max(box.width, box.height);
  const patchWidth = Math.max(1, Math.min(MNIST_BOX, Math.round(box.width * fit)));
  const patchHeight = Math.max(1, Math.min(MNIST_BOX, Math.round(box.height * fit)));
  const patch = Uint8Array.from(resizeArea(ink, width, 1, box, patchWidth, patchHeight), (v) =>
    Math.min(255, Math.round(v)),
  );
  const mass = centreOfMass(patch, patchWidth, patchHeight);
  const centre = (MNIST_SIDE - 1) / 2;
  const clamp = (v: number, max: number) => Math.min(Math.max(v, 0), max);
  const left = clamp(Math.round(centre - mass.x), MNIST_SIDE - patchWidth);
  const top = clamp(Math.round(centre - mass.y), MNIST_SIDE - patchHeight);
  const image = new Uint8Array(MNIST_SIDE * MNIST_SIDE);
  for (let y = 0; y < patchHeight; y++) {
    image.set(patch.subarray(y * patchWidth, (y + 1) * patchWidth), (top + y) * MNIST_SIDE + left);
  }
  return {
    ok: true,
    image,
    box,
    centreOfMass: { x: mass.x + left, y: mass.y + top },
  };
}
