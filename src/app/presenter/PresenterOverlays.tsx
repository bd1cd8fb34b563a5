import { useEffect, useRef } from 'react';
import { useLabStore } from '../../state/store';
import { usePresenterUi } from './presenterUi';
import { pictureOf, trackPointer } from './spotlightTarget';

/**
 * The black screen `B` puts up in presenter mode. Any key or click takes it down, and that
 * key does nothing else (a remote's "next" while the screen is black only brings it back).
 */
function BlankScreen() {
  const setBlanked = usePresenterUi((s) => s.setBlanked);
  useEffect(() => {
    const back = (e: Event) => {
      e.preventDefault();
      e.stopImmediatePropagation();
      setBlanked(false);
    };
    // Capture, on the window, so the lab's own key handlers never see the key.
    window.addEventListener('keydown', back, true);
    return () => window.removeEventListener('keydown', back, true);
  }, [setBlanked]);
  return (
    <div
      className="blank-screen"
      data-testid="blank-screen"
      role="dialog"
      aria-modal="true"
      aria-label="Screen blanked: press any key or click to return"
      onClick={() => setBlanked(false)}
    />
  );
}

/** Fits a w×h box into the viewport (90 %), as a scale factor. */
function fitScale(w: number, h: number): number {
  if (w <= 0 || h <= 0) return 1;
  return Math.min((window.innerWidth * 0.9) / w, (window.innerHeight * 0.85) / h);
}

/**
 * The magnified picture. A canvas is redrawn bitmap-scaled with smoothing off, so each
 * pixel of a feature map stays a crisp square; an SVG or HTML region is cloned and scaled
 * by CSS, which keeps vector text sharp. The clone is a still: it does not follow the lab
 * until the spotlight is opened again.
 */
function Spotlight({ target }: { readonly target: Element }) {
  const setSpotlight = usePresenterUi((s) => s.setSpotlight);
  const stage = useRef<HTMLDivElement>(null);
  const close = useRef<HTMLButtonElement>(null);
  // Closing gives focus back to where it was (the feature map's button), so Z toggles.
  useEffect(() => {
    const before = document.activeElement;
    return () => {
      if (before instanceof HTMLElement && before.isConnected) before.focus();
    };
  }, []);
  useEffect(() => {
    const host = stage.current;
    if (!host) return;
    host.replaceChildren();
    const box = target.getBoundingClientRect();
    if (target instanceof HTMLCanvasElement) {
      const scale = fitScale(box.width, box.height);
      const big = document.createElement('canvas');
      big.width = Math.round(box.width * scale);
      big.height = Math.round(box.height * scale);
      const ctx = big.getContext('2d');
      if (ctx) {
        ctx.imageSmoothingEnabled = false;
        ctx.drawImage(target, 0, 0, big.width, big.height);
      }
      big.setAttribute('role', 'img');
      big.setAttribute('aria-label', target.getAttribute('aria-label') ?? 'The magnified picture');
      host.append(big);
    } else {
      const scale = fitScale(box.width, box.height);
      const clone = target.cloneNode(true) as Element;
      clone.removeAttribute('id');
      for (const el of clone.querySelectorAll('[id]')) el.removeAttribute('id');
      const frame = document.createElement('div');
      frame.className = 'spotlight-clone';
      frame.style.width = `${box.width * scale}px`;
      frame.style.height = `${box.height * scale}px`;
      const inner = document.createElement('div');
      inner.style.width = `${box.width}px`;
      inner.style.height = `${box.height}px`;
      inner.style.transform = `scale(${scale})`;
      inner.setAttribute('inert', '');
      inner.append(clone);
      frame.append(inner);
      host.append(frame);
    }
    close.current?.focus();
  }, [target]);
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (e.key !== 'Escape' && e.key !== 'z' && e.key !== 'Z') return;
      e.preventDefault();
      e.stopImmediatePropagation();
      setSpotlight(null);
    };
    window.addEventListener('keydown', onKey, true);
    return () => window.removeEventListener('keydown', onKey, true);
  }, [setSpotlight]);
  return (
    <div
      className="spotlight"
      role="dialog"
      aria-modal="true"
      aria-label="Spotlight: the picture magnified"
      data-testid="spotlight"
      onClick={() => setSpotlight(null)}
    >
      <div ref={stage} className="spotlight-stage" />
      <button
        ref={close}
        type="button"
        className="spotlight-close"
        onClick={() => setSpotlight(null)}
      >
        Close <kbd>Esc</kbd>
      </button>
    </div>
  );
}

/** How long the picture is held in place after it appears, in frames (about 2 s at 60 Hz). */
const SETTLE_FRAMES = 120;

/**
 * In presenter mode, the open panel's main picture (`.panel-main-figure`, a hook panels
 * put on the figure they are about) is scrolled to the top of the screen when the mode
 * starts and when another panel opens, so the picture rather than the controls is what
 * the hall sees. Panels load lazily, so it waits (a few seconds at most) for the figure.
 * A panel is still settling when its picture appears (its status lines arrive and change
 * height), which moves the picture after the scroll, once under the bar: for a couple of
 * seconds it is scrolled back whenever it moves, until the person scrolls or presses a key.
 */
function useMainFigureInView(presenting: boolean): void {
  const panel = useLabStore((s) => s.panel);
  useEffect(() => {
    if (!presenting) return;
    let frames = 0;
    let held = 0;
    let id = 0;
    let placed: number | null = null; // the picture's top right after the last scroll
    let handedOver = false;
    const handOver = () => {
      handedOver = true;
    };
    const inputs = ['wheel', 'touchstart', 'pointerdown', 'keydown'] as const;
    for (const name of inputs) window.addEventListener(name, handOver, { passive: true });
    const look = () => {
      if (handedOver) return;
      const figure = document.querySelector('main .panel-main-figure');
      if (!figure) {
        if (frames++ < 300) id = requestAnimationFrame(look);
        return;
      }
      const top = figure.getBoundingClientRect().top;
      if (placed === null || Math.abs(top - placed) > 1) {
        figure.scrollIntoView({ block: 'start' });
        placed = figure.getBoundingClientRect().top;
      }
      if (held++ < SETTLE_FRAMES) id = requestAnimationFrame(look);
    };
    id = requestAnimationFrame(look);
    return () => {
      cancelAnimationFrame(id);
      for (const name of inputs) window.removeEventListener(name, handOver);
    };
  }, [presenting, panel]);
}

/**
 * The presenter overlays over the whole lab. The pointer is tracked so `Z` can magnify the
 * picture pointed at; in presenter mode a double click on a picture magnifies it too (a
 * single click keeps selecting, as everywhere else in the lab).
 */
export function PresenterOverlays() {
  const blanked = usePresenterUi((s) => s.blanked);
  const spotlight = usePresenterUi((s) => s.spotlight);
  const presenting = useLabStore((s) => s.presenting);
  useEffect(() => {
    window.addEventListener('pointermove', trackPointer, { passive: true });
    return () => window.removeEventListener('pointermove', trackPointer);
  }, []);
  useEffect(() => {
    if (!presenting) return;
    const onDouble = (e: MouseEvent) => {
      const target = e.target instanceof Element ? e.target : null;
      const picture = target?.closest('main') ? pictureOf(target) : null;
      if (picture) usePresenterUi.getState().setSpotlight(picture);
    };
    window.addEventListener('dblclick', onDouble);
    return () => window.removeEventListener('dblclick', onDouble);
  }, [presenting]);
  useMainFigureInView(presenting);
  // Leaving presenter mode takes the black screen down with it.
  useEffect(() => {
    if (!presenting) usePresenterUi.getState().setBlanked(false);
  }, [presenting]);
  return (
    <>
      {spotlight && spotlight.isConnected ? <Spotlight target={spotlight} /> : null}
      {blanked ? <BlankScreen /> : null}
    </>
  );
}
