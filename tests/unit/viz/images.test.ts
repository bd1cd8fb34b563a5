import { rgb } from 'd3';
import { describe, expect, it } from 'vitest';
import { rangeOf, symmetricRange, type ValueRange } from '../../../src/core/range';
import { divergingColor, imageToRgba } from '../../../src/viz/images';

/** The RGB of a CSS colour d3 understands, as plain numbers. */
function rgbOf(color: string): [number, number, number] {
  const c = rgb(color);
  expect(Number.isNaN(c.r + c.g + c.b)).toBe(false);
  return [c.r, c.g, c.b];
}

/** The RGBA of pixel `p` of an imageToRgba result. */
const pixel = (rgba: Uint8ClampedArray, p: number) => Array.from(rgba.subarray(p * 4, p * 4 + 4));

const isBlueish = ([r, , b]: readonly number[]) => (b ?? 0) > (r ?? 0) + 60;
const isReddish = ([r, , b]: readonly number[]) => (r ?? 0) > (b ?? 0) + 60;
const isNearWhite = (c: readonly number[]) => c.slice(0, 3).every((v) => v >= 230);

describe('rangeOf', () => {
  it('is [0, 1] for no values', () => {
    expect(rangeOf([])).toEqual([0, 1]);
    expect(rangeOf(new Float32Array(0))).toEqual([0, 1]);
  });

  it('is the smallest and largest value', () => {
    expect(rangeOf([3, -2, 5, 1])).toEqual([-2, 5]);
    expect(rangeOf(Float32Array.from([0.25, -0.5, 0.125]))).toEqual([-0.5, 0.25]);
    expect(rangeOf(Uint8Array.from([7, 255, 0, 9]))).toEqual([0, 255]);
  });

  it('widens a constant to a range of width 1 around it', () => {
    expect(rangeOf([3, 3, 3])).toEqual([2.5, 3.5]);
    expect(rangeOf([0])).toEqual([-0.5, 0.5]);
    expect(rangeOf(new Float32Array(10))).toEqual([-0.5, 0.5]);
  });

  it('handles values beyond the range of a first guess', () => {
    expect(rangeOf([1e30, -1e30])).toEqual([-1e30, 1e30]);
    expect(rangeOf([-7, -3])).toEqual([-7, -3]);
  });
});

describe('symmetricRange', () => {
  it.each<[ValueRange, ValueRange]>([
    [
      [-2, 5],
      [-5, 5],
    ],
    [
      [-8, 3],
      [-8, 8],
    ],
    [
      [1, 3],
      [-3, 3],
    ],
    [
      [-4, -1],
      [-4, 4],
    ],
    [
      [-0.5, 0.5],
      [-0.5, 0.5],
    ],
  ])('%j becomes %j', (range, symmetric) => {
    expect(symmetricRange(range)).toEqual(symmetric);
  });

  it('an all-zero range becomes [-1, 1], never empty', () => {
    expect(symmetricRange([0, 0])).toEqual([-1, 1]);
  });
});

describe('divergingColor', () => {
  it('is blue at the negative end, near white at the centre, red at the positive end', () => {
    const negative = rgbOf(divergingColor(0));
    const centre = rgbOf(divergingColor(0.5));
    const positive = rgbOf(divergingColor(1));
    expect(isBlueish(negative)).toBe(true);
    expect(isReddish(positive)).toBe(true);
    expect(isNearWhite(centre)).toBe(true);
    // The centre is neutral: no channel leans far from the others.
    expect(Math.max(...centre) - Math.min(...centre)).toBeLessThan(15);
  });

  it('gets steadily bluer toward 0 and redder toward 1', () => {
    const [r1, , b1] = rgbOf(divergingColor(0.25));
    const [r3, , b3] = rgbOf(divergingColor(0.75));
    expect(b1).toBeGreaterThan(r1);
    expect(r3).toBeGreaterThan(b3);
  });

  it('clamps t outside [0, 1] to the ends', () => {
    expect(divergingColor(-3)).toBe(divergingColor(0));
    expect(divergingColor(7)).toBe(divergingColor(1));
  });
});

describe('imageToRgba', () => {
  it('copies greyscale bytes to R, G and B with full alpha', () => {
    const values = Uint8Array.from([0, 1, 128, 255, 37, 200]);
    const rgba = imageToRgba(values, { height: 2, width: 3, channels: 1 });
    expect(rgba).toBeInstanceOf(Uint8ClampedArray);
    expect(rgba).toHaveLength(2 * 3 * 4);
    values.forEach((v, p) => expect(pixel(rgba, p)).toEqual([v, v, v, 255]));
  });

  it('copies RGB bytes channel by channel with full alpha', () => {
    const values = Uint8Array.from([10, 20, 30, 0, 255, 128, 255, 0, 1, 7, 8, 9]);
    const rgba = imageToRgba(values, { height: 2, width: 2, channels: 3 });
    expect(Array.from(rgba)).toEqual([
      10, 20, 30, 255, 0, 255, 128, 255, 255, 0, 1, 255, 7, 8, 9, 255,
    ]);
  });

  it('maps floats linearly from their range: min to 0, max to 255', () => {
    const values = Float32Array.from([-1, 0, 1, 0.5]);
    const rgba = imageToRgba(
      values,
      { height: 1, width: 4, channels: 1 },
      {
        range: rangeOf(values),
      },
    );
    expect(pixel(rgba, 0)).toEqual([0, 0, 0, 255]);
    expect(pixel(rgba, 1)).toEqual([128, 128, 128, 255]);
    expect(pixel(rgba, 2)).toEqual([255, 255, 255, 255]);
    expect(pixel(rgba, 3)).toEqual([191, 191, 191, 255]);
  });

  it('maps an RGB float image per channel through the same range', () => {
    const values = Float32Array.from([0, 0.5, 1, 1, 0, 0.5]);
    const rgba = imageToRgba(values, { height: 1, width: 2, channels: 3 }, { range: [0, 1] });
    expect(Array.from(rgba)).toEqual([0, 128, 255, 255, 255, 0, 128, 255]);
  });

  it('clamps values outside the range to black and white', () => {
    const rgba = imageToRgba([-5, 9], { height: 1, width: 2, channels: 1 }, { range: [0, 1] });
    expect(pixel(rgba, 0)).toEqual([0, 0, 0, 255]);
    expect(pixel(rgba, 1)).toEqual([255, 255, 255, 255]);
  });

  it('draws a constant image in mid-grey, not NaN black', () => {
    const values = new Float32Array(4).fill(2);
    const rgba = imageToRgba(
      values,
      { height: 2, width: 2, channels: 1 },
      {
        range: rangeOf(values),
      },
    );
    for (let p = 0; p < 4; p++) expect(pixel(rgba, p)).toEqual([128, 128, 128, 255]);
  });

  it('an empty range does not divide by zero', () => {
    const rgba = imageToRgba([3, 4], { height: 1, width: 2, channels: 1 }, { range: [3, 3] });
    expect(pixel(rgba, 0)).toEqual([0, 0, 0, 255]);
    expect(pixel(rgba, 1)).toEqual([255, 255, 255, 255]);
  });

  it('diverging mode shows a signed value’s sign: blue, near-white zero, red', () => {
    const values = Float32Array.from([-2, 0, 2, -0.1, 0.1]);
    const range = symmetricRange(rangeOf(values));
    const rgba = imageToRgba(
      values,
      { height: 1, width: 5, channels: 1 },
      {
        range,
        diverging: true,
      },
    );
    expect(isBlueish(pixel(rgba, 0))).toBe(true);
    expect(isNearWhite(pixel(rgba, 1))).toBe(true);
    expect(isReddish(pixel(rgba, 2))).toBe(true);
    // Small values stay pale but keep their side.
    const [rNeg, , bNeg] = pixel(rgba, 3);
    const [rPos, , bPos] = pixel(rgba, 4);
    expect(bNeg ?? 0).toBeGreaterThan(rNeg ?? 0);
    expect(rPos ?? 0).toBeGreaterThan(bPos ?? 0);
    for (let p = 0; p < 5; p++) expect(pixel(rgba, p)[3]).toBe(255);
  });

  it('diverging mode uses the colour map’s ends for the range’s ends', () => {
    const rgba = imageToRgba(
      [-1, 1],
      { height: 1, width: 2, channels: 1 },
      {
        range: [-1, 1],
        diverging: true,
      },
    );
    expect(pixel(rgba, 0).slice(0, 3)).toEqual(rgbOf(divergingColor(0)));
    expect(pixel(rgba, 1).slice(0, 3)).toEqual(rgbOf(divergingColor(1)));
  });

  it('diverging mode is for one channel only: RGB draws linearly', () => {
    const values = [0, 0.5, 1];
    const plain = imageToRgba(values, { height: 1, width: 1, channels: 3 }, { range: [0, 1] });
    const asked = imageToRgba(
      values,
      { height: 1, width: 1, channels: 3 },
      {
        range: [0, 1],
        diverging: true,
      },
    );
    expect(Array.from(asked)).toEqual(Array.from(plain));
    expect(Array.from(asked)).toEqual([0, 128, 255, 255]);
  });

  it('draws missing values as the bottom of the range, not garbage', () => {
    const rgba = imageToRgba([255], { height: 1, width: 2, channels: 1 });
    expect(pixel(rgba, 0)).toEqual([255, 255, 255, 255]);
    expect(pixel(rgba, 1)).toEqual([0, 0, 0, 255]);
  });
});
