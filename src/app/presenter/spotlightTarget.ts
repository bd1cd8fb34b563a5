/**
 * What the spotlight magnifies: the focused picture, else the last picture the pointer
 * was over. A picture is a canvas or an SVG, or an element marked `data-spotlight` (a
 * convolution cell, a feature map's button): a focused button holding a canvas gives
 * that canvas, a focused cell inside a marked region gives the region.
 */

const PICTURE = 'canvas, svg, [data-spotlight]';

let lastPointed: Element | null = null;

/** The picture an element is, holds or sits in, or null. */
export function pictureOf(el: Element | null): Element | null {
  if (!el || el === document.body || el === document.documentElement) return null;
  const inside =
    el.closest('[data-spotlight]') ?? el.closest('svg') ?? (el.matches('canvas') ? el : null);
  if (inside) return outermostSvg(inside);
  const held = el.querySelector(PICTURE);
  return held ? outermostSvg(held) : null;
}

/** An SVG nested in another is shown with its parent, which holds its coordinates. */
function outermostSvg(el: Element): Element {
  let out = el;
  for (let a = el.parentElement; a; a = a.parentElement)
    if (a.tagName.toLowerCase() === 'svg') out = a;
  return out;
}

/** Remembers the picture under the pointer, inside the panel only (not the header or the dock). */
export function trackPointer(e: PointerEvent): void {
  const target = e.target instanceof Element ? e.target : null;
  if (target?.closest('main')) lastPointed = pictureOf(target) ?? lastPointed;
}

/** The picture to magnify now, or null when there is none on the page. */
export function spotlightTarget(): Element | null {
  if (typeof document === 'undefined') return null;
  const focused = pictureOf(document.activeElement);
  if (focused && focused.closest('main')) return focused;
  return lastPointed && lastPointed.isConnected ? lastPointed : null;
}
