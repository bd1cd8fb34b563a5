import { afterEach, describe, expect, it, vi } from 'vitest';
import { prepareHiDpiCanvas } from '../../../src/viz/canvas';

/** Enough of a canvas for the set-up: a CSS box, a backing store and a recording context. */
function fakeCanvas(clientWidth: number, clientHeight: number) {
  const calls: string[] = [];
  const context = {
    setTransform: (...args: number[]) => calls.push(`setTransform ${args.join(',')}`),
    clearRect: (...args: number[]) => calls.push(`clearRect ${args.join(',')}`),
  };
  const canvas = { clientWidth, clientHeight, width: 300, height: 150, getContext: () => context };
  return { canvas: canvas as unknown as HTMLCanvasElement, calls };
}

describe('prepareHiDpiCanvas', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('gives a backing store of device pixels and a context drawing in CSS pixels', () => {
    vi.stubGlobal('devicePixelRatio', 2);
    const { canvas, calls } = fakeCanvas(250, 120);
    const surface = prepareHiDpiCanvas(canvas, 400, 200);
    expect(surface?.width).toBe(250);
    expect(surface?.height).toBe(120);
    expect([canvas.width, canvas.height]).toEqual([500, 240]);
    expect(calls).toEqual(['setTransform 2,0,0,2,0,0', 'clearRect 0,0,250,120']);
  });

  it('uses the fallback size for a canvas not laid out yet', () => {
    vi.stubGlobal('devicePixelRatio', 1.5);
    const { canvas } = fakeCanvas(0, 0);
    const surface = prepareHiDpiCanvas(canvas, 480, 220);
    expect([surface?.width, surface?.height]).toEqual([480, 220]);
    expect([canvas.width, canvas.height]).toEqual([720, 330]);
  });

  it('gives nothing where the canvas has no 2-D context', () => {
    const { canvas } = fakeCanvas(100, 100);
    (canvas as unknown as { getContext: () => null }).getContext = () => null;
    expect(prepareHiDpiCanvas(canvas, 1, 1)).toBeNull();
  });
});
