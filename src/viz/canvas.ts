import { readTypeScale } from './typeScale';

/** A 2-D context that draws in CSS pixels, with the size of the canvas's box. */
export interface HiDpiCanvas {
  readonly g: CanvasRenderingContext2D;
  readonly width: number;
  readonly height: number;
  /** The page's type scale (typeScale.ts): multiply every design-size text and margin by it. */
  readonly scale: number;
}

/** The backing store's side in device pixels for a CSS size at this device pixel ratio. */
export function backingSize(cssPx: number, ratio: number): number {
  return Math.max(1, Math.round(cssPx * (ratio > 0 && Number.isFinite(ratio) ? ratio : 1)));
}

/**
 * Sizes a canvas's backing store to its CSS box times the device pixel ratio, so lines and
 * text stay sharp on HiDPI screens, and returns its context scaled to CSS pixels and cleared,
 * with the page's type scale, so labels grow with large type. A canvas not laid out yet
 * (width 0) gets the fallback size. Null where there is no 2-D context.
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
  if (canvas.width !== backingSize(width, ratio)) canvas.width = backingSize(width, ratio);
  if (canvas.height !== backingSize(height, ratio)) canvas.height = backingSize(height, ratio);
  const g = canvas.getContext('2d');
  if (!g) return null;
  g.setTransform(canvas.width / width, 0, 0, canvas.height / height, 0, 0);
  g.clearRect(0, 0, width, height);
  return { g, width, height, scale: readTypeScale() };
}

/**
 * Calls `listener` when the device pixel ratio changes (the window moved to a projector or a
 * HiDPI screen, the page zoomed), so a canvas redraws its backing store sharp. Returns the
 * function that stops it.
 */
export function subscribePixelRatio(listener: () => void): () => void {
  if (typeof matchMedia === 'undefined') return () => undefined;
  let query: MediaQueryList | null = null;
  const watch = () => {
    query?.removeEventListener('change', onChange);
    query = matchMedia(`(resolution: ${globalThis.devicePixelRatio || 1}dppx)`);
    query.addEventListener('change', onChange);
  };
  const onChange = () => {
    watch();
    listener();
  };
  watch();
  return () => query?.removeEventListener('change', onChange);
}
