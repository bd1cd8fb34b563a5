import { resizeArea, type PixelRect } from '../resample';
import type { ImageShape } from '../types';

/**
 * A decoded picture made into what the network takes: the largest centred rectangle of
 * the network's aspect (so the shorter side fits and the rest is cut off evenly on both
 * sides), shrunk by area averaging, grey by the luma weights when the network takes one
 * channel. Transparent pixels are laid over white, as an image viewer shows them.
 */

/** A decoded picture as canvas ImageData holds it: width × height × 4 bytes, RGBA. */
export interface DecodedImage {
  readonly rgba: ArrayLike<number>;
  readonly width: number;
  readonly height: number;
}

/** ITU-R BT.601 luma: Y = 0.299 R + 0.587 G + 0.114 B. */
export const LUMA_WEIGHTS = [0.299, 0.587, 0.114] as const;

/**
 * The largest centred rectangle of the target's aspect inside a width × height picture:
 * the side that is relatively shorter is kept whole, the other is cut evenly, in whole pixels.
 */
export function centreCropRect(
  width: number,
  height: number,
  target: Pick<ImageShape, 'height' | 'width'>,
): PixelRect {
  const aspect = target.width / target.height;
  const cropWidth = width / height > aspect ? Math.max(1, Math.round(height * aspect)) : width;
  const cropHeight = width / height > aspect ? height : Math.max(1, Math.round(width / aspect));
  return {
    x: Math.floor((width - cropWidth) / 2),
    y: Math.floor((height - cropHeight) / 2),
    width: cropWidth,
    height: cropHeight,
  };
}

/** Crops, resizes and (for one channel) greys a decoded picture to `shape`: height × width × channels bytes, HWC. */
export function fitToInput(image: DecodedImage, shape: ImageShape): Uint8Array {
  const { rgba, width, height } = image;
  if (width < 1 || height < 1 || rgba.length !== width * height * 4) {
    throw new RangeError(`Expected ${width}×${height} RGBA pixels; got ${rgba.length} values.`);
  }
  if (shape.channels !== 1 && shape.channels !== 3) {
    throw new RangeError(`Images are made grey (1 channel) or colour (3); not ${shape.channels}.`);
  }
  const rgb = new Float32Array(width * height * 3);
  for (let p = 0; p < width * height; p++) {
    const alpha = (rgba[p * 4 + 3] ?? 255) / 255;
    for (let c = 0; c < 3; c++) {
      rgb[p * 3 + c] = (rgba[p * 4 + c] ?? 0) * alpha + 255 * (1 - alpha);
    }
  }
  const rect = centreCropRect(width, height, shape);
  const resized = resizeArea(rgb, width, 3, rect, shape.width, shape.height);
  const pixels = shape.height * shape.width;
  const out = new Uint8Array(pixels * shape.channels);
  const toByte = (v: number) => Math.min(255, Math.max(0, Math.round(v)));
  for (let p = 0; p < pixels; p++) {
    const r = resized[p * 3] ?? 0;
    const g = resized[p * 3 + 1] ?? 0;
    const b = resized[p * 3 + 2] ?? 0;
    if (shape.channels === 1) {
      out[p] = toByte(LUMA_WEIGHTS[0] * r + LUMA_WEIGHTS[1] * g + LUMA_WEIGHTS[2] * b);
    } else {
      out[p * 3] = toByte(r);
      out[p * 3 + 1] = toByte(g);
      out[p * 3 + 2] = toByte(b);
    }
  }
  return out;
}
