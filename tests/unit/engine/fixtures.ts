import { createRandom } from '../../../src/core/random';
import type { ImageSet } from '../../../src/data/types';
import type { SimdConvGeometry } from '../../../src/engine/wasmSimdModule';
import { tf } from '../../../src/engine/tf';

/**
 * A synthetic, MNIST-like problem: class k is a bright 6×6 square at its own place on a
 * 4×3 grid, jittered by up to 2 pixels, on Gaussian noise. Easy to learn, but only for a
 * network that really trains.
 */
export function syntheticDigits(count: number, seed: string, size = 28, classes = 10): ImageSet {
  const random = createRandom(seed);
  const labels = new Uint8Array(count);
  const images = new Uint8Array(count * size * size);
  const cell = Math.floor(size / 4);
  for (let n = 0; n < count; n++) {
    const label = random.int(classes);
    labels[n] = label;
    const top = Math.floor(label / 4) * cell + random.int(5) - 2 + 1;
    const left = (label % 4) * cell + random.int(5) - 2 + 1;
    for (let y = 0; y < size; y++) {
      for (let x = 0; x < size; x++) {
        const inside = y >= top && y < top + 6 && x >= left && x < left + 6;
        const value = (inside ? 200 : 30) + random.normal(0, 25);
        images[n * size * size + y * size + x] = Math.max(0, Math.min(255, Math.round(value)));
      }
    }
  }
  return { count, height: size, width: size, channels: 1, classCount: classes, labels, images };
}

/** A convolution's padding as tfjs's conv2d takes it. */
export type ConvPad =
  | 'valid'
  | 'same'
  | number
  | [[number, number], [number, number], [number, number], [number, number]];
/** One convolution to check a kernel on: input and kernel shapes, stride and padding. */
export interface ConvCase {
  readonly name: string;
  readonly x: [number, number, number, number];
  readonly kernel: [number, number, number, number];
  readonly stride: [number, number];
  readonly pad: ConvPad;
}

/**
 * Convolutions of every kind a network here has, and some it might: LeNet-5's two layers,
 * strides above 1, explicit uneven padding, a kernel whose strides do not tile the input,
 * and a 1×1 kernel.
 */
export const CONV_CASES: ConvCase[] = [
  {
    name: 'LeNet-5 C1: 5×5, pad 2',
    x: [8, 28, 28, 1],
    kernel: [5, 5, 1, 6],
    stride: [1, 1],
    pad: 2,
  },
  {
    name: 'LeNet-5 C3: 5×5 valid',
    x: [8, 14, 14, 6],
    kernel: [5, 5, 6, 16],
    stride: [1, 1],
    pad: 'valid',
  },
  { name: '3×3 stride 2 same', x: [3, 9, 9, 4], kernel: [3, 3, 4, 5], stride: [2, 2], pad: 'same' },
  {
    name: '3×5 stride [2, 1] explicit asymmetric',
    x: [2, 10, 7, 3],
    kernel: [3, 5, 3, 2],
    stride: [2, 1],
    pad: [
      [0, 0],
      [1, 2],
      [2, 0],
      [0, 0],
    ],
  },
  {
    name: '4×4 stride 3 (does not tile)',
    x: [2, 11, 11, 2],
    kernel: [4, 4, 2, 3],
    stride: [3, 3],
    pad: 'valid',
  },
  { name: '1×1 stride 2', x: [4, 8, 8, 6], kernel: [1, 1, 6, 4], stride: [2, 2], pad: 'valid' },
];

/** A convolution case's sizes, as the engine's SIMD kernels take them. */
export function geometryOf(c: ConvCase): SimdConvGeometry {
  const info = tf.backend_util.computeConv2DInfo(c.x, c.kernel, c.stride, 1, c.pad);
  return {
    batch: c.x[0],
    height: c.x[1],
    width: c.x[2],
    channels: c.x[3],
    kh: c.kernel[0],
    kw: c.kernel[1],
    filters: c.kernel[3],
    outHeight: info.outHeight,
    outWidth: info.outWidth,
    sh: c.stride[0],
    sw: c.stride[1],
    top: info.padInfo.top,
    left: info.padInfo.left,
  };
}
