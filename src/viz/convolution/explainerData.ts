import { imageKernelWeights, type ImageKernelId } from '../../core/imageKernels';
import { createRandom } from '../../core/random';
import { conv2dReference, type RefTensor } from '../../core/reference';
import type { ImageShape } from '../images';

/** A kernel with its biases, as conv2dReference takes them: F×F×C×K weights and K biases. */
export interface KernelWithBias {
  readonly kernel: RefTensor<Float64Array>;
  readonly bias: Float64Array;
}

const ints = (seed: string, count: number, min: number, max: number): Float64Array => {
  const random = createRandom(seed);
  return Float64Array.from({ length: count }, () => min + random.int(max - min + 1));
};

/**
 * Small whole numbers 0…9 for an N×N×C input, so every product can be checked by hand.
 * The same seed and size always give the same numbers, whatever the kernel, stride or padding.
 */
export function explainerInputOf(
  seed: number,
  size: number,
  channels: number,
): RefTensor<Float64Array> {
  return {
    shape: [size, size, channels],
    data: ints(`conv-explainer/${seed}/input/${size}/${channels}`, size * size * channels, 0, 9),
  };
}

/** Whole-number weights −2…2 for K filters of F×F×C, and biases −2…2. */
export function explainerKernelOf(
  seed: number,
  size: number,
  channels: number,
  filters: number,
): KernelWithBias {
  const base = `conv-explainer/${seed}/kernel/${size}/${channels}/${filters}`;
  return {
    kernel: {
      shape: [size, size, channels, filters],
      data: ints(base, size * size * channels * filters, -2, 2),
    },
    bias: ints(`${base}/bias`, filters, -2, 2),
  };
}

/** A classic 3×3 kernel as a one-channel, one-filter kernel with bias 0. */
export function imageKernelOf(id: ImageKernelId): KernelWithBias {
  return {
    kernel: { shape: [3, 3, 1, 1], data: Float64Array.from(imageKernelWeights(id)) },
    bias: new Float64Array(1),
  };
}

/** Brightness of every pixel in 0…1: the value itself for grey, 0.299 R + 0.587 G + 0.114 B for colour. */
export function greyOf(pixels: ArrayLike<number>, shape: ImageShape): Float64Array {
  const { height, width, channels } = shape;
  const grey = new Float64Array(height * width);
  for (let p = 0; p < height * width; p++) {
    const at = p * channels;
    grey[p] =
      channels >= 3
        ? (0.299 * (pixels[at] ?? 0) +
            0.587 * (pixels[at + 1] ?? 0) +
            0.114 * (pixels[at + 2] ?? 0)) /
          255
        : (pixels[at] ?? 0) / 255;
  }
  return grey;
}

/** The top-left corner of a size×size crop moved inside the image. */
export function clampCrop(
  shape: ImageShape,
  size: number,
  row: number,
  col: number,
): [number, number] {
  const clamp = (v: number, n: number) =>
    Math.max(0, Math.min(Math.trunc(v) || 0, Math.max(0, n - size)));
  return [clamp(row, shape.height), clamp(col, shape.width)];
}

/**
 * A size×size crop of an image as explainer input: pixel bytes scaled to 0…1 and rounded to
 * two decimals, so the numbers in the cells are exactly the numbers multiplied. Grey gives one
 * channel (for the one-channel classic kernels); otherwise the image keeps its channels.
 */
export function cropOf(
  pixels: ArrayLike<number>,
  shape: ImageShape,
  row: number,
  col: number,
  size: number,
  grey: boolean,
): RefTensor<Float64Array> {
  const [top, left] = clampCrop(shape, size, row, col);
  const channels = grey ? 1 : shape.channels;
  const source = grey ? greyOf(pixels, shape) : Float64Array.from(pixels, (v) => v / 255);
  const data = new Float64Array(size * size * channels);
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) {
      for (let c = 0; c < channels; c++) {
        const v = source[((top + y) * shape.width + left + x) * channels + c] ?? 0;
        data[(y * size + x) * channels + c] = Math.round(v * 100) / 100;
      }
    }
  }
  return { shape: [size, size, channels], data };
}

/**
 * A kernel over the whole image, stride 1 with "same" zero padding so the result has the
 * image's own size: out = conv2d(image, kernel) + b. A one-channel kernel sees the image in
 * grey; a kernel with the image's channel count sees bytes / 255 channel by channel.
 */
export function filterImageWith(
  pixels: ArrayLike<number>,
  shape: ImageShape,
  weights: KernelWithBias,
): Float64Array {
  const channels = weights.kernel.shape[2] ?? 1;
  if (channels !== 1 && channels !== shape.channels) {
    throw new RangeError(
      `A kernel for ${channels} channels cannot filter an image with ${shape.channels}.`,
    );
  }
  const data = channels === 1 ? greyOf(pixels, shape) : Float64Array.from(pixels, (v) => v / 255);
  const image = { shape: [shape.height, shape.width, channels], data };
  return conv2dReference(image, weights.kernel, weights.bias, { padding: 'same' }).data;
}

/** A classic kernel over the whole image in grey (see filterImageWith). */
export function filterImage(
  pixels: ArrayLike<number>,
  shape: ImageShape,
  id: ImageKernelId,
): Float64Array {
  return filterImageWith(pixels, shape, imageKernelOf(id));
}

/**
 * The top-left corner of the size×size crop whose grey values vary most, so a first crop
 * shows a stroke or an edge rather than a blank corner: argmax of Σ (g − ḡ)² over the crop.
 */
export function busiestCropOf(
  pixels: ArrayLike<number>,
  shape: ImageShape,
  size: number,
): [number, number] {
  const grey = greyOf(pixels, shape);
  let best: [number, number] = clampCrop(
    shape,
    size,
    shape.height / 2 - size / 2,
    shape.width / 2 - size / 2,
  );
  let bestSpread = -1;
  for (let top = 0; top + size <= shape.height; top++) {
    for (let left = 0; left + size <= shape.width; left++) {
      let sum = 0;
      let squares = 0;
      for (let y = top; y < top + size; y++) {
        for (let x = left; x < left + size; x++) {
          const v = grey[y * shape.width + x] ?? 0;
          sum += v;
          squares += v * v;
        }
      }
      const spread = squares - (sum * sum) / (size * size);
      if (spread > bestSpread + 1e-12) {
        bestSpread = spread;
        best = [top, left];
      }
    }
  }
  return best;
}
