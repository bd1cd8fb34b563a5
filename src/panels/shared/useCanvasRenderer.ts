import { useEffect, useRef, type RefObject } from 'react';
import { subscribePixelRatio } from '../../viz/canvas';
import { subscribeTypeScale } from '../../viz/typeScale';

/** Registers a listener for changes outside React and returns the function that removes it. */
export type Subscribe = (listener: () => void) => () => void;

/**
 * Hosts a canvas that redraws from a subscription instead of through React renders: `draw`
 * runs at most once an animation frame, after each change `subscribe` reports, after the
 * canvas is resized, after the page's type scale changes (large type: labels are redrawn at
 * the new size) or the device pixel ratio, and after each render (so props and hover state show). Pass a stable
 * `subscribe` (a new one re-subscribes); `draw` may be a fresh closure every render.
 * `immediate` draws as soon as a change is reported, for sources that already report from
 * an animation frame (at most once a frame): a frame requested there would come one later.
 */
export function useCanvasRenderer(
  draw: (canvas: HTMLCanvasElement) => void,
  subscribe: Subscribe,
  { immediate = false }: { readonly immediate?: boolean } = {},
): RefObject<HTMLCanvasElement | null> {
  const canvasRef = useRef<HTMLCanvasElement>(null);
  const drawRef = useRef(draw);
  const scheduleRef = useRef<() => void>(() => undefined);
  useEffect(() => {
    drawRef.current = draw;
    scheduleRef.current();
  });
  useEffect(() => {
    let frame = 0;
    const run = () => {
      cancelAnimationFrame(frame);
      frame = 0;
      if (canvasRef.current) drawRef.current(canvasRef.current);
    };
    const schedule = () => {
      if (!frame) frame = requestAnimationFrame(run);
    };
    scheduleRef.current = schedule;
    schedule();
    const unsubscribe = subscribe(immediate ? run : schedule);
    const resize = new ResizeObserver(schedule);
    if (canvasRef.current) resize.observe(canvasRef.current);
    const unsubscribeType = subscribeTypeScale(schedule);
    const unsubscribeRatio = subscribePixelRatio(schedule);
    return () => {
      unsubscribeRatio();
      scheduleRef.current = () => undefined;
      unsubscribe();
      unsubscribeType();
      resize.disconnect();
      cancelAnimationFrame(frame);
    };
  }, [subscribe, immediate]);
  return canvasRef;
}
