/**
 * The type scale for pictures. The page's text is sized in rem, so "Large type" (the
 * `large-type` class on <html>, base.css) and presenter mode scale it by changing the root
 * font size. Canvas text and SVG figures are measured in pixels, so they follow the same
 * root size through this one module: every pixel measure of a picture is written at the
 * design root size and multiplied by `typeScaleOf(root)`, or turned into rem by `remOf`.
 */

/** The root font size (CSS px) the pictures' pixel measures were designed at: base.css's :root. */
export const DESIGN_ROOT_PX = 15;

/** The canvas font family, the page's own (base.css). */
const FONT_FAMILY = "system-ui, -apple-system, 'Segoe UI', Roboto, Arial, sans-serif";

/**
 * scale = root / DESIGN_ROOT_PX: how much larger the type is than the design size (1 at
 * 15 px, 4/3 at large type's 20 px). A root that cannot be read (0, NaN, a server-side
 * render) counts as the design size, so a picture is drawn at its normal size.
 */
export function typeScaleOf(rootPx: number): number {
  return Number.isFinite(rootPx) && rootPx > 0 ? rootPx / DESIGN_ROOT_PX : 1;
}

/** The root font size in CSS px from a computed `font-size` such as "20px" (NaN if unreadable). */
export function parseFontPx(fontSize: string): number {
  const match = /^\s*([\d.]+)px\s*$/.exec(fontSize);
  return match ? Number(match[1]) : Number.NaN;
}

/** The page's type scale now, read from <html>'s computed font size (1 outside a browser). */
export function readTypeScale(): number {
  if (typeof document === 'undefined' || typeof getComputedStyle === 'undefined') return 1;
  return typeScaleOf(parseFontPx(getComputedStyle(document.documentElement).fontSize));
}

/** A design-size measure in CSS px at this type scale: px·scale, to a quarter pixel. */
export function scaledPx(px: number, scale: number): number {
  return Math.round(px * scale * 4) / 4;
}

/** Each side of a padding box at this type scale. */
export function scaledBox<T extends Readonly<Record<string, number>>>(
  box: T,
  scale: number,
): { [K in keyof T]: number } {
  const out = {} as { [K in keyof T]: number };
  for (const key of Object.keys(box) as (keyof T)[]) out[key] = scaledPx(box[key] as number, scale);
  return out;
}

/** A canvas `font` for text of `px` design pixels at this type scale, e.g. "14.75px system-ui…". */
export function canvasFont(px: number, scale: number, weight: 400 | 600 | 700 = 400): string {
  return `${weight === 400 ? '' : `${weight} `}${scaledPx(px, scale)}px ${FONT_FAMILY}`;
}

/**
 * A CSS length in rem for a design-size measure in px (px / DESIGN_ROOT_PX rem), for SVG
 * figures and canvas boxes: the browser then scales them with the root font size itself,
 * with no re-render, and an SVG's viewBox keeps its text in proportion.
 */
export function remOf(px: number): string {
  return `${Math.round((px / DESIGN_ROOT_PX) * 10000) / 10000}rem`;
}

/**
 * Calls `listener` whenever the root font size may have changed: <html>'s class or style
 * attribute (large type, presenter mode, a theme). Returns the function that stops it.
 * Outside a browser it never calls.
 */
export function subscribeTypeScale(listener: () => void): () => void {
  if (typeof document === 'undefined' || typeof MutationObserver === 'undefined')
    return () => undefined;
  let last = readTypeScale();
  const observer = new MutationObserver(() => {
    const now = readTypeScale();
    if (now === last) return;
    last = now;
    listener();
  });
  observer.observe(document.documentElement, {
    attributes: true,
    attributeFilter: ['class', 'style'],
  });
  return () => observer.disconnect();
}
