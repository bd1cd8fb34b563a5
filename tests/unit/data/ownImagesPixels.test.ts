import { describe, expect, it } from 'vitest';
import { centreCropRect, fitToInput, type DecodedImage } from '../../../src/data/ownImages/pixels';

/** A width × height RGBA picture whose pixel (x, y) is `colour(x, y)` (RGBA). */
function picture(
  width: number,
  height: number,
  colour: (x: number, y: number) => [number, number, number, number],
): DecodedImage {
  const rgba = new Uint8ClampedArray(width * height * 4);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) rgba.set(colour(x, y), (y * width + x) * 4);
  return { rgba, width, height };
}

describe('centreCropRect: the shorter side fits, the other is cut evenly', () => {
  it('cuts a landscape picture to its centre square', () => {
    expect(centreCropRect(400, 300, { height: 28, width: 28 })).toEqual({
      x: 50,
      y: 0,
      width: 300,
      height: 300,
    });
  });

  it('cuts a portrait picture top and bottom', () => {
    expect(centreCropRect(300, 500, { height: 32, width: 32 })).toEqual({
      x: 0,
      y: 100,
      width: 300,
      height: 300,
    });
  });

  it('keeps the target aspect when it is not square', () => {
    expect(centreCropRect(100, 100, { height: 10, width: 20 })).toEqual({
      x: 0,
      y: 25,
      width: 100,
      height: 50,
    });
  });

  it('leaves a picture of the right aspect whole', () => {
    expect(centreCropRect(56, 56, { height: 28, width: 28 })).toEqual({
      x: 0,
      y: 0,
      width: 56,
      height: 56,
    });
  });
});

describe('fitToInput', () => {
  it('drops the cut-off sides: a wide picture with red bands at both ends comes out all blue', () => {
    const wide = picture(12, 4, (x) => (x < 4 || x >= 8 ? [255, 0, 0, 255] : [0, 0, 255, 255]));
    const out = fitToInput(wide, { height: 2, width: 2, channels: 3 });
    expect([...out]).toEqual([0, 0, 255, 0, 0, 255, 0, 0, 255, 0, 0, 255]);
  });

  it('averages the area each output pixel covers', () => {
    // Left half black, right half white: shrunk to 1 × 2, each output pixel is one half.
    const halves = picture(4, 2, (x) => (x < 2 ? [0, 0, 0, 255] : [255, 255, 255, 255]));
    expect([...fitToInput(halves, { height: 1, width: 2, channels: 1 })]).toEqual([0, 255]);
    // Shrunk to 1 × 1 after a square crop (columns 1–2), it is their mean.
    expect([...fitToInput(halves, { height: 1, width: 1, channels: 1 })]).toEqual([128]);
  });

  it('makes grey by the luma weights 0.299, 0.587, 0.114', () => {
    const one = (rgb: [number, number, number]) =>
      fitToInput(
        picture(1, 1, () => [...rgb, 255]),
        { height: 1, width: 1, channels: 1 },
      )[0];
    expect(one([255, 0, 0])).toBe(76);
    expect(one([0, 255, 0])).toBe(150);
    expect(one([0, 0, 255])).toBe(29);
    expect(one([200, 200, 200])).toBe(200);
  });

  it('lays transparent pixels over white', () => {
    const clear = picture(2, 2, () => [0, 0, 0, 0]);
    expect([...fitToInput(clear, { height: 1, width: 1, channels: 3 })]).toEqual([255, 255, 255]);
    const half = picture(1, 1, () => [0, 0, 0, 128]);
    expect([...fitToInput(half, { height: 1, width: 1, channels: 1 })]).toEqual([127]);
  });

  it('gives height × width × channels bytes, HWC, and refuses a wrong pixel count', () => {
    const p = picture(40, 30, (x, y) => [x, y, 0, 255]);
    expect(fitToInput(p, { height: 28, width: 28, channels: 1 })).toHaveLength(28 * 28);
    expect(fitToInput(p, { height: 32, width: 32, channels: 3 })).toHaveLength(32 * 32 * 3);
    expect(() =>
      fitToInput(
        { rgba: new Uint8Array(10), width: 2, height: 2 },
        { height: 1, width: 1, channels: 1 },
      ),
    ).toThrow(/Expected 2×2 RGBA pixels; got 10 values/);
  });
});
