import { describe, expect, it } from 'vitest';
import { createRandom } from '../../../src/core/random';
import {
  NO_AUGMENTATION,
  addGaussianNoise,
  adjustBrightness,
  augmentImage,
  drawAugmentation,
  flipHorizontal,
  isIdentityAugmentation,
  shiftImage,
  transformImage,
} from '../../../src/data/augment';

/** A 2×3 greyscale image:  1 2 3 / 4 5 6 (times 10). */
const small = new Uint8Array([10, 20, 30, 40, 50, 60]);
const smallShape = { height: 2, width: 3, channels: 1 };
/** A 3×3 image with one bright pixel at row 0, column 2 (top right). */
const corner = new Uint8Array([0, 0, 200, 0, 0, 0, 0, 0, 0]);
const square = { height: 3, width: 3, channels: 1 };
/** A 4×4 RGB gradient. */
const rgbShape = { height: 4, width: 4, channels: 3 };
const rgb = Uint8Array.from({ length: 48 }, (_, i) => (i * 5) % 256);

describe('single augmentations, checked by hand', () => {
  it('flips left to right', () => {
    expect(Array.from(flipHorizontal(small, smallShape))).toEqual([30, 20, 10, 60, 50, 40]);
  });

  it('flips each pixel of a colour image as a whole', () => {
    const twoPixels = new Uint8Array([1, 2, 3, 4, 5, 6]);
    const flipped = flipHorizontal(twoPixels, { height: 1, width: 2, channels: 3 });
    expect(Array.from(flipped)).toEqual([4, 5, 6, 1, 2, 3]);
  });

  it('shifts by one pixel right, one down, filling with 0', () => {
    expect(Array.from(shiftImage(small, smallShape, 1, 0))).toEqual([0, 10, 20, 0, 40, 50]);
    expect(Array.from(shiftImage(small, smallShape, 0, 1))).toEqual([0, 0, 0, 10, 20, 30]);
    expect(Array.from(shiftImage(small, smallShape, -1, 0))).toEqual([20, 30, 0, 50, 60, 0]);
  });

  it('rotates 90° counter-clockwise: the top-right pixel goes to the top left', () => {
    const turned = transformImage(corner, square, {
      flip: false,
      dx: 0,
      dy: 0,
      degrees: 90,
      zoom: 1,
    });
    expect(Array.from(turned)).toEqual([200, 0, 0, 0, 0, 0, 0, 0, 0]);
  });

  it('zooms about the centre, interpolating bilinearly', () => {
    const change = { flip: false, dx: 0, dy: 0, degrees: 0 };
    const centreBright = new Uint8Array([0, 0, 0, 0, 90, 0, 0, 0, 0]);
    expect(transformImage(centreBright, square, { ...change, zoom: 2 })[4]).toBe(90);
    // At zoom 2 the top-right output pixel samples (1.5, 0.5): a quarter of the corner's 200.
    expect(transformImage(corner, square, { ...change, zoom: 2 })[2]).toBe(50);
    // At zoom 0.5 the output's top-right pixel samples 2 pixels from the centre: outside, so 0.
    expect(transformImage(corner, square, { ...change, zoom: 0.5 })[2]).toBe(0);
    // The output pixel halfway between centre and corner samples the corner itself.
    const five = { height: 5, width: 5, channels: 1 };
    const fiveCorner = new Uint8Array(25);
    fiveCorner[4] = 200;
    expect(transformImage(fiveCorner, five, { ...change, zoom: 0.5 })[1 * 5 + 3]).toBe(200);
  });

  it('changes brightness by 255·delta, clamped', () => {
    expect(Array.from(adjustBrightness(new Uint8Array([0, 100, 250]), 0.1))).toEqual([
      26, 126, 255,
    ]);
    expect(Array.from(adjustBrightness(new Uint8Array([0, 100, 250]), -0.2))).toEqual([0, 49, 199]);
  });

  it('adds noise with the asked spread, clamped to bytes', () => {
    const grey = new Uint8Array(10_000).fill(128);
    const noisy = addGaussianNoise(grey, 0.1, createRandom('noise'));
    const diffs = Array.from(noisy, (v) => v - 128);
    const mean = diffs.reduce((s, d) => s + d, 0) / diffs.length;
    const std = Math.sqrt(diffs.reduce((s, d) => s + (d - mean) ** 2, 0) / diffs.length);
    expect(Math.abs(mean)).toBeLessThan(1);
    expect(std).toBeGreaterThan(24);
    expect(std).toBeLessThan(27);
    expect(addGaussianNoise(grey, 0.1, createRandom('noise'))).toEqual(noisy);
  });
});

describe('augmentImage', () => {
  const configs = {
    flip: { ...NO_AUGMENTATION, flip: true },
    shift: { ...NO_AUGMENTATION, shift: 2 },
    rotation: { ...NO_AUGMENTATION, rotation: 30 },
    scale: { ...NO_AUGMENTATION, scale: 0.2 },
    brightness: { ...NO_AUGMENTATION, brightness: 0.2 },
    noise: { ...NO_AUGMENTATION, noise: 0.05 },
  };

  for (const [name, config] of Object.entries(configs)) {
    it(`${name}: the same for the same seed, and it changes the image for some seed`, () => {
      const once = augmentImage(rgb, rgbShape, config, createRandom(`seed ${name}`));
      expect(augmentImage(rgb, rgbShape, config, createRandom(`seed ${name}`))).toEqual(once);
      const outcomes = Array.from({ length: 8 }, (_, i) =>
        augmentImage(rgb, rgbShape, config, createRandom(`other ${i}`)),
      );
      expect(outcomes.some((o) => o.some((v, i) => v !== rgb[i]))).toBe(true);
    });
  }

  it('leaves the image alone with no augmentation, and says so', () => {
    expect(augmentImage(rgb, rgbShape, NO_AUGMENTATION, createRandom('x'))).toEqual(rgb);
    expect(isIdentityAugmentation(NO_AUGMENTATION)).toBe(true);
    expect(isIdentityAugmentation(configs.flip)).toBe(false);
  });

  it('draws within the configured ranges', () => {
    const random = createRandom('ranges');
    const config = { flip: true, shift: 3, rotation: 15, scale: 0.1, brightness: 0.2, noise: 0 };
    for (let i = 0; i < 200; i++) {
      const d = drawAugmentation(config, random);
      expect(Math.abs(d.dx)).toBeLessThanOrEqual(3);
      expect(Number.isInteger(d.dy)).toBe(true);
      expect(Math.abs(d.degrees)).toBeLessThanOrEqual(15);
      expect(d.zoom).toBeGreaterThanOrEqual(0.9);
      expect(d.zoom).toBeLessThanOrEqual(1.1);
      expect(Math.abs(d.brightness)).toBeLessThanOrEqual(0.2);
    }
  });

  it('keeps the other draws when one augmentation is switched on', () => {
    const shiftOnly = drawAugmentation(configs.shift, createRandom('same'));
    const withFlip = drawAugmentation({ ...configs.shift, flip: true }, createRandom('same'));
    expect([withFlip.dx, withFlip.dy]).toEqual([shiftOnly.dx, shiftOnly.dy]);
  });
});
