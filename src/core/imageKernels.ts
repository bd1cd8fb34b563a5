/**
 * Classic hand-made 3×3 image kernels from image processing, the ones convolutional
 * networks end up rediscovering in their first layer. Weights are row-major, top row first,
 * and are applied as the lab's convolution applies any kernel: as a sliding weighted sum
 * (cross-correlation, without flipping the kernel).
 */

export const IMAGE_KERNEL_IDS = [
  'box-blur',
  'gaussian-blur',
  'sharpen',
  'sobel-x',
  'sobel-y',
  'laplacian',
  'outline',
] as const;
export type ImageKernelId = (typeof IMAGE_KERNEL_IDS)[number];

export interface ImageKernel {
  readonly id: ImageKernelId;
  readonly label: string;
  /** One sentence on what it does to an image. */
  readonly effect: string;
  /** Whole-number weights before the scale, row-major. */
  readonly integers: readonly number[];
  /** Every weight is integers[k] · scale, e.g. 1/9 for the box blur. */
  readonly scale: number;
  /** How the scale is written: "1/9". */
  readonly scaleText: string;
}

const kernel = (
  id: ImageKernelId,
  label: string,
  effect: string,
  integers: number[],
  denominator = 1,
): ImageKernel => ({
  id,
  label,
  effect,
  integers,
  scale: 1 / denominator,
  scaleText: denominator === 1 ? '1' : `1/${denominator}`,
});

export const IMAGE_KERNELS: Readonly<Record<ImageKernelId, ImageKernel>> = {
  'box-blur': kernel(
    'box-blur',
    'Box blur',
    'Replaces each pixel by the plain average of its 3×3 neighbourhood.',
    [1, 1, 1, 1, 1, 1, 1, 1, 1],
    9,
  ),
  'gaussian-blur': kernel(
    'gaussian-blur',
    'Gaussian blur',
    'A weighted average that trusts the centre most: a softer blur than the box.',
    [1, 2, 1, 2, 4, 2, 1, 2, 1],
    16,
  ),
  sharpen: kernel(
    'sharpen',
    'Sharpen',
    'Adds the difference between a pixel and its neighbours back to it, so edges stand out.',
    [0, -1, 0, -1, 5, -1, 0, -1, 0],
  ),
  'sobel-x': kernel(
    'sobel-x',
    'Sobel x',
    'Right column minus left column: large where brightness changes from left to right (vertical edges).',
    [-1, 0, 1, -2, 0, 2, -1, 0, 1],
  ),
  'sobel-y': kernel(
    'sobel-y',
    'Sobel y',
    'Bottom row minus top row: large where brightness changes from top to bottom (horizontal edges).',
    [-1, -2, -1, 0, 0, 0, 1, 2, 1],
  ),
  laplacian: kernel(
    'laplacian',
    'Laplacian',
    'The four neighbours minus four times the centre: zero on flat areas and smooth ramps, signed at edges.',
    [0, 1, 0, 1, -4, 1, 0, 1, 0],
  ),
  outline: kernel(
    'outline',
    'Outline (edge detector)',
    'Eight times the centre minus all eight neighbours: an edge detector that ignores direction.',
    [-1, -1, -1, -1, 8, -1, -1, -1, -1],
  ),
};

/** The weights of a classic kernel, w[k] = integers[k] · scale, as 3×3 row-major values. */
export function imageKernelWeights(id: ImageKernelId): number[] {
  const k = IMAGE_KERNELS[id];
  return k.integers.map((v) => v * k.scale);
}
