import type { Random } from '../core/random';
import type { ImageShape } from './types';

/**
 * Data augmentation: each training image is shown slightly changed, so the network
 * learns the digit or object rather than its exact pixels. Everything is drawn from
 * a seeded stream, so the same seed gives the same augmented images.
 */
export interface AugmentationConfig {
  /** Mirror left to right, with probability 1/2. */
  readonly flip: boolean;
  /** Largest shift in whole pixels, along each axis, either way. */
  readonly shift: number;
  /** Largest rotation in degrees, either way. */
  readonly rotation: number;
  /** Largest relative zoom: 0.1 draws a factor from 0.9 to 1.1. */
  readonly scale: number;
  /** Largest brightness change in 0..1 units (0.1 = ±25.5 levels), either way. */
  readonly brightness: number;
  /** Standard deviation of the added Gaussian noise in 0..1 units. */
  readonly noise: number;
}

export const NO_AUGMENTATION: AugmentationConfig = {
  flip: false,
  shift: 0,
  rotation: 0,
  scale: 0,
  brightness: 0,
  noise: 0,
};

/** The changes drawn for one image, for applying and for showing ("shifted 2 px left"). */
export interface AugmentationDraw {
  readonly flip: boolean;
  /** Shift in pixels, positive to the right. */
  readonly dx: number;
  /** Shift in pixels, positive downwards. */
  readonly dy: number;
  /** Rotation in degrees, positive counter-clockwise as seen on screen. */
  readonly degrees: number;
  /** Zoom factor; above 1 enlarges the content. */
  readonly zoom: number;
  /** Brightness change in 0..1 units. */
  readonly brightness: number;
}

/**
 * Draws the changes for one image. It always takes six numbers from the stream, in the
 * same order, so switching one augmentation on or off leaves the others' draws alone.
 */
export function drawAugmentation(config: AugmentationConfig, random: Random): AugmentationDraw {
  const maxShift = Math.max(0, Math.floor(config.shift));
  const flip = random.next() < 0.5 && config.flip;
  const dx = random.int(2 * maxShift + 1) - maxShift;
  const dy = random.int(2 * maxShift + 1) - maxShift;
  const degrees = random.uniform(-config.rotation, config.rotation);
  const zoom = random.uniform(1 - config.scale, 1 + config.scale);
  const brightness = random.uniform(-config.brightness, config.brightness);
  return { flip, dx, dy, degrees, zoom, brightness };
}

const clampByte = (v: number): number => (v <= 0 ? 0 : v >= 255 ? 255 : Math.round(v));

/**
 * Flips, zooms, rotates and shifts an HWC image about its centre, in that order, by
 * inverse mapping with bilinear interpolation; pixels from outside the image are 0.
 */
export function transformImage(
  image: Uint8Array,
  shape: ImageShape,
  change: Pick<AugmentationDraw, 'flip' | 'dx' | 'dy' | 'degrees' | 'zoom'>,
): Uint8Array {
  const { height, width, channels } = shape;
  const out = new Uint8Array(image.length);
  const cx = (width - 1) / 2;
  const cy = (height - 1) / 2;
  const angle = (change.degrees * Math.PI) / 180;
  const cos = Math.cos(angle);
  const sin = Math.sin(angle);
  const zoom = change.zoom > 0 ? change.zoom : 1;
  const at = (x: number, y: number, c: number): number =>
    x < 0 || y < 0 || x >= width || y >= height ? 0 : (image[(y * width + x) * channels + c] ?? 0);
  for (let y = 0; y < height; y++) {
    for (let x = 0; x < width; x++) {
      // Undo the shift, then the rotation (screen y points down), then the zoom and the flip.
      const u = x - cx - change.dx;
      const v = y - cy - change.dy;
      const ru = (u * cos - v * sin) / zoom;
      const rv = (u * sin + v * cos) / zoom;
      const sx = cx + (change.flip ? -ru : ru);
      const sy = cy + rv;
      const x0 = Math.floor(sx);
      const y0 = Math.floor(sy);
      const fx = sx - x0;
      const fy = sy - y0;
      for (let c = 0; c < channels; c++) {
        const top = at(x0, y0, c) * (1 - fx) + at(x0 + 1, y0, c) * fx;
        const bottom = at(x0, y0 + 1, c) * (1 - fx) + at(x0 + 1, y0 + 1, c) * fx;
        out[(y * width + x) * channels + c] = clampByte(top * (1 - fy) + bottom * fy);
      }
    }
  }
  return out;
}

/** Mirrors an HWC image left to right: out[y][x] = in[y][W − 1 − x]. */
export function flipHorizontal(image: Uint8Array, shape: ImageShape): Uint8Array {
  return transformImage(image, shape, { flip: true, dx: 0, dy: 0, degrees: 0, zoom: 1 });
}

/** Moves an HWC image by (dx, dy) whole pixels (right, down); the uncovered border is 0. */
export function shiftImage(
  image: Uint8Array,
  shape: ImageShape,
  dx: number,
  dy: number,
): Uint8Array {
  return transformImage(image, shape, { flip: false, dx, dy, degrees: 0, zoom: 1 });
}

/** Adds `delta` (0..1 units) to every value: byte + 255·delta, clamped to 0..255. */
export function adjustBrightness(image: Uint8Array, delta: number): Uint8Array {
  return image.map((v) => clampByte(v + 255 * delta));
}

/** Adds Gaussian noise of standard deviation `std` (0..1 units) to every value, clamped to 0..255. */
export function addGaussianNoise(image: Uint8Array, std: number, random: Random): Uint8Array {
  return image.map((v) => clampByte(v + 255 * random.normal(0, std)));
}

/** Applies drawn changes, then noise (drawn from `random` only when `noise` > 0). */
export function applyAugmentation(
  image: Uint8Array,
  shape: ImageShape,
  draw: AugmentationDraw,
  noise: number,
  random: Random,
): Uint8Array {
  const geometric = draw.flip || draw.dx !== 0 || draw.dy !== 0 || draw.degrees !== 0;
  let out = geometric || draw.zoom !== 1 ? transformImage(image, shape, draw) : image.slice();
  if (draw.brightness !== 0) out = adjustBrightness(out, draw.brightness);
  if (noise > 0) out = addGaussianNoise(out, noise, random);
  return out;
}

/** One augmented copy of an HWC image: draws the changes from `random` and applies them. */
export function augmentImage(
  image: Uint8Array,
  shape: ImageShape,
  config: AugmentationConfig,
  random: Random,
): Uint8Array {
  return applyAugmentation(image, shape, drawAugmentation(config, random), config.noise, random);
}

/** True when the config changes nothing, so training can skip augmentation altogether. */
export function isIdentityAugmentation(config: AugmentationConfig): boolean {
  return (
    !config.flip &&
    config.shift < 1 &&
    config.rotation === 0 &&
    config.scale === 0 &&
    config.brightness === 0 &&
    config.noise === 0
  );
}
