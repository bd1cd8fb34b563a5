import type { ImageShape } from '../types';
import { centreCropRect, type DecodedImage } from './pixels';

/**
 * The browser's own image decoders: createImageBitmap reads PNG, JPEG, GIF, WebP, BMP
 * and AVIF, and a canvas gives the pixels. A photo of 4000 × 3000 is cut to the crop and
 * shrunk by the canvas to at most four times the network's input first, so the lab's
 * exact area averaging (pixels.ts) works on a few thousand pixels, not twelve million.
 */

/** Largest side of the canvas's pre-shrink, as a multiple of the target side. */
const PRESHRINK = 4;

/** Decodes a picture file into RGBA pixels of its centre crop, shrunk ahead. */
export async function decodeInBrowser(file: Blob, shape: ImageShape): Promise<DecodedImage> {
  const bitmap = await createImageBitmap(file);
  try {
    const rect = centreCropRect(bitmap.width, bitmap.height, shape);
    const shrink = Math.min(
      1,
      (PRESHRINK * shape.width) / rect.width,
      (PRESHRINK * shape.height) / rect.height,
    );
    const width = Math.max(1, Math.round(rect.width * shrink));
    const height = Math.max(1, Math.round(rect.height * shrink));
    const canvas = new OffscreenCanvas(width, height);
    const context = canvas.getContext('2d');
    if (!context) throw new Error('this browser cannot draw images into a canvas');
    context.imageSmoothingQuality = 'high';
    context.drawImage(bitmap, rect.x, rect.y, rect.width, rect.height, 0, 0, width, height);
    return { rgba: context.getImageData(0, 0, width, height).data, width, height };
  } finally {
    bitmap.close();
  }
}

/** Yields to the page's event loop (a macrotask), so input and painting happen between batches. */
export function pauseForPage(): Promise<void> {
  return new Promise((resolve) => setTimeout(resolve, 0));
}
