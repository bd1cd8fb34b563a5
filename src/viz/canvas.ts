/** A 2-D context that draws in CSS pixels, with the size of the canvas's box. */
export interface HiDpiCanvas {
  readonly g: CanvasRenderingContext2D;
  readonly width: number;
  readonly height: number;
}

/**
 * Sizes a canvas's backing store to its CSS box times the device pixel ratio, so lines stay
 * sharp on HiDPI screens, and returns its context scaled to CSS pixels and cleared. A canvas
 * not laid out yet (width 0) gets the fallback size. Null where there is no 2-D context.
 */
export function prepareHiDpiCanvas(
  canvas: HTMLCanvasElement,
  fallbackWidth: number,
  fallbackHeight: number,
): HiDpiCanvas | null {
  const ratio = globalThis.devicePixelRatio || 1;
  const width = canvas.clientWidth || fallbackWidth;
  const height = canvas.clientHeight || fallbackHeight;
  // Assigning width or height clears the canvas and its state even when unchanged: only on change.
  if (canvas.width !== Math.round(width * ratio)) canvas.width = Math.round(width * ratio);
  if (canvas.height !== Math.round(height * ratio)) canvas.height = Math.round(height * ratio);
  const g = canvas.getContext('2d');
  if (!g) return null;
  g.setTransform(ratio, 0, 0, ratio, 0, 0);
  g.clearRect(0, 0, width, height);
  return { g, width, height };
}
