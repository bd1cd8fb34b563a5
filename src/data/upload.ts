import { resizeArea } from './resample';

/**
 * An uploaded photo made into what a CIFAR-style network sees: the largest centred
 * square, shrunk to side × side by area averaging, RGB channel-last. Transparent
 * pixels are laid over white, as an image viewer would show them.
 */

/** Centre-crops RGBA pixels (canvas ImageData) to a square and resizes it to side × side RGB bytes. */
export function centreCropResize(
  rgba: ArrayLike<number>,
  width: number,
  height: number,
  side = 32,
): Uint8Array {
  if (width < 1 || height < 1 || rgba.length !== width * height * 4) {
    throw new RangeError(`Expected ${width}×${height} RGBA pixels; got ${rgba.length} values.`);
  }
  const square = Math.min(width, height);
  const x0 = Math.floor((width - square) / 2);
  const y0 = Math.floor((height - square) / 2);
  const rgb = new Float32Array(square * square * 3);
  for (let y = 0; y < square; y++) {
    for (let x = 0; x < square; x++) {
      const from = ((y0 + y) * width + x0 + x) * 4;
      const alpha = (rgba[from + 3] ?? 255) / 255;
      for (let c = 0; c < 3; c++) {
        rgb[(y * square + x) * 3 + c] = (rgba[from + c] ?? 0) * alpha + 255 * (1 - alpha);
      }
    }
  }
  const resized = resizeArea(
    rgb,
    square,
    3,
    { x: 0, y: 0, width: square, height: square },
    side,
    side,
  );
  return Uint8Array.from(resized, (v) => Math.min(255, Math.max(0, Math.round(v))));
}
