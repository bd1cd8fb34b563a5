import { describe, expect, it } from 'vitest';
import { shiftImage, shiftImageSet, shiftOffsets } from '../../../src/data/shift';
import type { ImageSet } from '../../../src/data/types';

const grey = (height: number, width: number) => ({ height, width, channels: 1 });

describe('shifting an image by whole pixels', () => {
  // 3×3, rows top to bottom:  1 2 3 / 4 5 6 / 7 8 9
  const image = Uint8Array.of(1, 2, 3, 4, 5, 6, 7, 8, 9);

  it('moves the content right by dx and fills the left strip with zeros', () => {
    expect(Array.from(shiftImage(image, grey(3, 3), 1, 0))).toEqual([0, 1, 2, 0, 4, 5, 0, 7, 8]);
    expect(Array.from(shiftImage(image, grey(3, 3), 2, 0))).toEqual([0, 0, 1, 0, 0, 4, 0, 0, 7]);
  });

  it('moves it down by dy, and both at once', () => {
    expect(Array.from(shiftImage(image, grey(3, 3), 0, 1))).toEqual([0, 0, 0, 1, 2, 3, 4, 5, 6]);
    expect(Array.from(shiftImage(image, grey(3, 3), 1, 1))).toEqual([0, 0, 0, 0, 1, 2, 0, 4, 5]);
  });

  it('moves left and up with negative offsets, and nothing wraps round', () => {
    expect(Array.from(shiftImage(image, grey(3, 3), -1, -1))).toEqual([5, 6, 0, 8, 9, 0, 0, 0, 0]);
    expect(Array.from(shiftImage(image, grey(3, 3), 3, 0))).toEqual(new Array(9).fill(0));
  });

  it('leaves the image as it is at (0, 0), as a copy', () => {
    const same = shiftImage(image, grey(3, 3), 0, 0);
    expect(Array.from(same)).toEqual(Array.from(image));
    expect(same).not.toBe(image);
  });

  it('moves all channels of a pixel together', () => {
    // 1×2 colour image: pixel (0,0) = 10,20,30; pixel (0,1) = 40,50,60.
    const rgb = Uint8Array.of(10, 20, 30, 40, 50, 60);
    expect(Array.from(shiftImage(rgb, { height: 1, width: 2, channels: 3 }, 1, 0))).toEqual([
      0, 0, 0, 10, 20, 30,
    ]);
  });

  it('keeps the ink of a digit that stays inside the frame', () => {
    const digit = new Uint8Array(28 * 28);
    for (let y = 8; y < 20; y++) digit[y * 28 + 14] = 255; // a vertical stroke
    const moved = shiftImage(digit, grey(28, 28), 4, 0);
    expect(moved.reduce((a, b) => a + b, 0)).toBe(12 * 255);
    expect(moved[10 * 28 + 18]).toBe(255);
    expect(moved[10 * 28 + 14]).toBe(0);
  });

  it('refuses a fractional shift or a wrong size, saying why', () => {
    expect(() => shiftImage(image, grey(3, 3), 0.5, 0)).toThrow(/whole number of pixels/);
    expect(() => shiftImage(image, grey(2, 2), 1, 0)).toThrow(
      /has 9 values but a 2×2×1 image has 4/,
    );
  });
});

describe('shifting a set', () => {
  it('moves every image and keeps the labels', () => {
    const set: ImageSet = {
      count: 2,
      height: 1,
      width: 3,
      channels: 1,
      classCount: 10,
      labels: Uint8Array.of(3, 7),
      images: Uint8Array.of(1, 2, 3, 4, 5, 6),
    };
    const moved = shiftImageSet(set, 1, 0);
    expect(Array.from(moved.images)).toEqual([0, 1, 2, 0, 4, 5]);
    expect(Array.from(moved.labels)).toEqual([3, 7]);
    expect(Array.from(set.images)).toEqual([1, 2, 3, 4, 5, 6]);
  });

  it('turns a direction and a distance into offsets', () => {
    expect(shiftOffsets('right', 4)).toEqual({ dx: 4, dy: 0 });
    expect(shiftOffsets('down', 4)).toEqual({ dx: 0, dy: 4 });
    expect(shiftOffsets('diagonal', 3)).toEqual({ dx: 3, dy: 3 });
  });
});
