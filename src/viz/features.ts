/**
 * Slicing the engine's plain arrays into the pictures the feature-map panel shows.
 * Activations are HWC; conv kernels are [kh, kw, in, out] (TensorFlow's layout).
 */

/** One channel of an H×W×C activation as H·W values, row by row. */
export function channelOf(
  values: ArrayLike<number>,
  shape: readonly number[],
  channel: number,
): Float32Array {
  const [h = 1, w = 1, c = 1] = shape.length === 3 ? shape : [1, shape[0] ?? 1, 1];
  const out = new Float32Array(h * w);
  if (shape.length !== 3) {
    // A vector is drawn as one row of units.
    for (let i = 0; i < w; i++) out[i] = values[i] ?? 0;
    return out;
  }
  for (let p = 0; p < h * w; p++) out[p] = values[p * c + channel] ?? 0;
  return out;
}

/** Filter `out`'s weights for input channel `input`: a kh×kw picture. */
export function kernelSlice(
  kernel: ArrayLike<number>,
  shape: readonly number[],
  out: number,
  input: number,
): Float32Array {
  const [kh = 1, kw = 1, cin = 1, cout = 1] = shape;
  const slice = new Float32Array(kh * kw);
  for (let p = 0; p < kh * kw; p++) slice[p] = kernel[(p * cin + input) * cout + out] ?? 0;
  return slice;
}

/** Filter `out` across all its input channels as a kh×kw×cin picture (colour when cin = 3). */
export function kernelImage(
  kernel: ArrayLike<number>,
  shape: readonly number[],
  out: number,
): Float32Array {
  const [kh = 1, kw = 1, cin = 1, cout = 1] = shape;
  const image = new Float32Array(kh * kw * cin);
  for (let i = 0; i < kh * kw * cin; i++) image[i] = kernel[i * cout + out] ?? 0;
  return image;
}

/** The index (row, column) of the largest value in a channel, for "where did it fire". */
export function argMax(
  values: ArrayLike<number>,
  width: number,
): { row: number; col: number; value: number } {
  let at = 0;
  for (let i = 1; i < values.length; i++)
    if ((values[i] ?? -Infinity) > (values[at] ?? -Infinity)) at = i;
  return {
    row: Math.floor(at / Math.max(1, width)),
    col: at % Math.max(1, width),
    value: values[at] ?? 0,
  };
}
