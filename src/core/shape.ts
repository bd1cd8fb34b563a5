/** A per-sample tensor shape without the batch axis: `[units]` or `[height, width, channels]`. */
export type Shape = readonly number[];

/** A `[height, width]` pair, used for kernels, strides, pool sizes, padding and dilation. */
export type Pair = readonly [number, number];

/** True for an image-like `[height, width, channels]` shape. */
export function isSpatial(shape: Shape): shape is readonly [number, number, number] {
  return shape.length === 3;
}

/** Number of values in one sample of this shape: the product of its sizes. */
export function sizeOf(shape: Shape): number {
  return shape.reduce((product, n) => product * n, 1);
}

/** Channels of a shape: the last axis (`C` of `H×W×C`, or the units of a vector). */
export function channelsOf(shape: Shape): number {
  return shape[shape.length - 1] ?? 0;
}

/** A shape as people write it: `32×32×3`, or `784` for a vector. */
export function formatShape(shape: Shape): string {
  return shape.join('×');
}

/** A pair as people write it: `3×3`, or `3×5` when the sides differ. */
export function formatPair(pair: Pair): string {
  return `${pair[0]}×${pair[1]}`;
}

/** Two pairs are equal side by side. */
export function pairsEqual(a: Pair, b: Pair): boolean {
  return a[0] === b[0] && a[1] === b[1];
}
