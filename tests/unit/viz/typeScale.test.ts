import { afterEach, describe, expect, it, vi } from 'vitest';
import { backingSize, prepareHiDpiCanvas } from '../../../src/viz/canvas';
import { curveScales } from '../../../src/viz/training/curves';
import { powerOfTen } from '../../../src/viz/network/flow';
import {
  canvasFont,
  DESIGN_ROOT_PX,
  parseFontPx,
  readTypeScale,
  remOf,
  scaledBox,
  scaledPx,
  typeScaleOf,
} from '../../../src/viz/typeScale';

/** Pretends to be a page whose <html> has this computed font size. */
function stubRoot(fontSize: string) {
  vi.stubGlobal('document', { documentElement: {} });
  vi.stubGlobal('getComputedStyle', () => ({ fontSize }));
}

describe('the type scale', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('is 1 at the design root size and 4/3 at large type’s 20 px', () => {
    expect(typeScaleOf(DESIGN_ROOT_PX)).toBe(1);
    expect(typeScaleOf(20)).toBeCloseTo(4 / 3, 12);
    expect(typeScaleOf(30)).toBe(2);
  });

  it('treats a root size it cannot read as the design size, never as 0', () => {
    for (const bad of [0, -4, Number.NaN, Number.POSITIVE_INFINITY])
      expect(typeScaleOf(bad)).toBe(1);
    expect(parseFontPx('20px')).toBe(20);
    expect(parseFontPx(' 15.5px ')).toBe(15.5);
    expect(parseFontPx('1.2em')).toBeNaN();
    expect(parseFontPx('')).toBeNaN();
  });

  it('reads the page’s root font size, and is 1 outside a browser', () => {
    expect(readTypeScale()).toBe(1);
    stubRoot('20px');
    expect(readTypeScale()).toBeCloseTo(4 / 3, 12);
    stubRoot('15px');
    expect(readTypeScale()).toBe(1);
  });

  it('scales the 11 px axis labels of old to 14.75 px with large type, to a quarter pixel', () => {
    expect(scaledPx(11, 1)).toBe(11);
    expect(scaledPx(11, typeScaleOf(20))).toBe(14.75);
    expect(scaledPx(12, typeScaleOf(20))).toBe(16);
    expect(canvasFont(12, typeScaleOf(20))).toMatch(/^16px system-ui/);
    expect(canvasFont(12, 1, 600)).toMatch(/^600 12px /);
  });

  it('scales every side of a margin box alike', () => {
    expect(scaledBox({ left: 48, right: 12, top: 9, bottom: 30 }, 2)).toEqual({
      left: 96,
      right: 24,
      top: 18,
      bottom: 60,
    });
  });

  it('writes design pixels as rem of the design root, so the browser scales them', () => {
    expect(remOf(15)).toBe('1rem');
    expect(remOf(380)).toBe('25.3333rem');
    // At large type the same rem is the design size times the type scale.
    expect(parseFloat(remOf(200)) * 20).toBeCloseTo(200 * typeScaleOf(20), 2);
  });
});

describe('canvases and the type scale', () => {
  afterEach(() => vi.unstubAllGlobals());

  it('hands the renderer the page’s type scale with a sharp backing store', () => {
    stubRoot('20px');
    vi.stubGlobal('devicePixelRatio', 3);
    const context = { setTransform: () => undefined, clearRect: () => undefined };
    const canvas = {
      clientWidth: 400,
      clientHeight: 267,
      width: 0,
      height: 0,
      getContext: () => context,
    } as unknown as HTMLCanvasElement;
    const surface = prepareHiDpiCanvas(canvas, 1, 1);
    expect(surface?.scale).toBeCloseTo(4 / 3, 12);
    expect([canvas.width, canvas.height]).toEqual([1200, 801]);
  });

  it('never makes a backing store of zero pixels or from a broken pixel ratio', () => {
    expect(backingSize(0, 2)).toBe(1);
    expect(backingSize(101, 1.5)).toBe(152);
    expect(backingSize(100, Number.NaN)).toBe(100);
  });

  it('leaves the learning curves more room for larger tick labels', () => {
    const data = { train: [{ step: 0, epoch: 0, loss: 2, accuracy: 0.1 }], validation: [] };
    const normal = curveScales(data, 'loss', 400, 200, 1);
    const large = curveScales(data, 'loss', 400, 200, typeScaleOf(20));
    expect(large.pad.left).toBe(64);
    expect(large.x.range()[0]).toBeGreaterThan(normal.x.range()[0] as number);
    expect(large.y.range()[0]).toBeLessThan(normal.y.range()[0] as number);
  });

  it('prints the gradient chart’s decades as powers of ten', () => {
    expect(powerOfTen(-3)).toBe('10⁻³');
    expect(powerOfTen(0)).toBe('10⁰');
    expect(powerOfTen(12)).toBe('10¹²');
  });
});
