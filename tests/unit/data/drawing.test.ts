import { describe, expect, it } from 'vitest';
import {
  centreOfMass,
  inkBoundingBox,
  inkFromAlpha,
  preprocessDrawing,
} from '../../../src/data/drawing';
import { resizeArea } from '../../../src/data/resample';
import { centreCropResize } from '../../../src/data/upload';

const PAD = 200;

/** A pad with full-ink rectangles [x, y, width, height] painted on it. */
function pad(...rects: [number, number, number, number][]): Uint8Array {
  const ink = new Uint8Array(PAD * PAD);
  for (const [x0, y0, w, h] of rects) {
    for (let y = y0; y < y0 + h; y++) ink.fill(255, y * PAD + x0, y * PAD + x0 + w);
  }
  return ink;
}

/** Bounding box of the non-zero pixels of a 28×28 result. */
const boxOf = (image: Uint8Array) => inkBoundingBox(image, 28, 28);

describe('preprocessDrawing (MNIST style)', () => {
  // A lopsided "7": a thick top bar and a stem, drawn off-centre in the pad's lower right.
  const seven = pad([90, 80, 90, 14], [160, 80, 14, 110]);
  const result = preprocessDrawing(seven, PAD, PAD);

  it('fits the stroke into a 20×20 box keeping its aspect ratio', () => {
    if (!result.ok) throw new Error(result.message);
    expect(result.box).toEqual({ x: 90, y: 80, width: 90, height: 110 });
    const box = boxOf(result.image);
    expect(box).not.toBeNull();
    expect(box?.height).toBe(20);
    // 90 / 110 of 20 is 16.4, so 16 columns.
    expect(box?.width).toBe(16);
  });

  it('puts the centre of mass at the centre of the 28×28 image, within half a pixel', () => {
    if (!result.ok) throw new Error(result.message);
    const mass = centreOfMass(result.image, 28, 28);
    expect(Math.abs(mass.x - 13.5)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(mass.y - 13.5)).toBeLessThanOrEqual(0.5);
    expect(result.centreOfMass.x).toBeCloseTo(mass.x, 6);
    expect(result.centreOfMass.y).toBeCloseTo(mass.y, 6);
    // The seven's mass sits right of its box's centre, so the box moves left of centre.
    const box = boxOf(result.image);
    expect((box?.x ?? 0) + (box?.width ?? 0) / 2).toBeLessThan(14);
  });

  it('scales a small drawing in a corner up to the same size and place', () => {
    const tiny = preprocessDrawing(pad([5, 5, 6, 30]), PAD, PAD);
    if (!tiny.ok) throw new Error(tiny.message);
    const box = boxOf(tiny.image);
    expect(box?.height).toBe(20);
    expect(box?.width).toBe(4);
    const mass = centreOfMass(tiny.image, 28, 28);
    expect(Math.abs(mass.x - 13.5)).toBeLessThanOrEqual(0.5);
    expect(Math.abs(mass.y - 13.5)).toBeLessThanOrEqual(0.5);
  });

  it('gives soft grey edges when shrinking, like MNIST', () => {
    if (!result.ok) throw new Error(result.message);
    const values = new Set(result.image);
    expect([...values].some((v) => v > 0 && v < 255)).toBe(true);
    expect(Math.max(...result.image)).toBe(255);
  });

  it('says when the pad is empty', () => {
    const empty = preprocessDrawing(new Uint8Array(PAD * PAD), PAD, PAD);
    expect(empty).toEqual({ ok: false, message: 'The pad is empty: draw a digit first.' });
  });

  it('reads ink from the alpha channel of canvas pixels', () => {
    expect(Array.from(inkFromAlpha([9, 9, 9, 0, 9, 9, 9, 128]))).toEqual([0, 128]);
  });
});

describe('resizeArea', () => {
  it('averages the covered area when shrinking', () => {
    const source = [0, 255, 0, 255, 100, 100, 100, 100];
    const out = resizeArea(source, 4, 1, { x: 0, y: 0, width: 4, height: 2 }, 2, 1);
    expect(Array.from(out)).toEqual([113.75, 113.75]);
  });

  it('weighs partly covered pixels by their overlap', () => {
    // Three pixels into two: the middle pixel is split half and half.
    const out = resizeArea([30, 60, 90], 3, 1, { x: 0, y: 0, width: 3, height: 1 }, 2, 1);
    expect(out[0]).toBeCloseTo((30 + 0.5 * 60) / 1.5, 5);
    expect(out[1]).toBeCloseTo((0.5 * 60 + 90) / 1.5, 5);
  });
});

describe('centreCropResize (uploaded photos)', () => {
  /** RGBA pixels from a colour function. */
  const photo = (w: number, h: number, colour: (x: number, y: number) => number[]) => {
    const rgba = new Uint8ClampedArray(w * h * 4);
    for (let y = 0; y < h; y++) {
      for (let x = 0; x < w; x++) rgba.set(colour(x, y), (y * w + x) * 4);
    }
    return rgba;
  };

  it('keeps the centred square: side margins of a landscape photo are cut', () => {
    // 64×48: the 8 columns at each side are red, the middle 48 blue.
    const rgba = photo(64, 48, (x) => (x < 8 || x >= 56 ? [255, 0, 0, 255] : [0, 0, 255, 255]));
    const out = centreCropResize(rgba, 64, 48);
    expect(out.length).toBe(32 * 32 * 3);
    for (let p = 0; p < 32 * 32; p++)
      expect(Array.from(out.subarray(p * 3, p * 3 + 3))).toEqual([0, 0, 255]);
  });

  it('averages when shrinking and lays transparency over white', () => {
    const checker = photo(64, 64, (x, y) => ((x + y) % 2 ? [255, 255, 255, 255] : [0, 0, 0, 255]));
    const grey = centreCropResize(checker, 64, 64);
    expect(grey.every((v) => v === 128)).toBe(true);
    const clear = centreCropResize(
      photo(32, 32, () => [0, 0, 0, 0]),
      32,
      32,
    );
    expect(clear.every((v) => v === 255)).toBe(true);
  });

  it('checks the pixel count', () => {
    expect(() => centreCropResize(new Uint8ClampedArray(10), 2, 2)).toThrow(/2×2 RGBA/);
  });
});
