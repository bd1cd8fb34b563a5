/**
 * Local contrast normalisation (LCN), what convolutional networks used before batch
 * normalisation: each value has the mean of its neighbourhood subtracted and is divided by
 * the neighbourhood's standard deviation,
 *   y(x, y) = (h(x, y) − m(N(x, y))) / max(c, σ(N(x, y)))
 * (Jarrett, Kavukcuoglu, Ranzato and LeCun 2009; Ranzato's lecture slides). N is a square
 * window of side 2r + 1 over all channels, clipped at the image border (the mean is over
 * the values inside). The floor c is the mean of σ over the image, as Jarrett et al. use,
 * so flat regions are not blown up into noise; c = 0 would divide by 0 on a flat patch.
 */

export interface ContrastNormalised {
  /** The normalised values, HWC like the input. */
  readonly values: Float32Array;
  /** The floor c used in the division. */
  readonly floor: number;
  /** Each pixel's window mean m and standard deviation σ (one per pixel, over the channels). */
  readonly means: Float32Array;
  readonly sigmas: Float32Array;
}

/** LCN of an image of HWC values with a (2·radius + 1)² window (see the module comment). */
export function localContrastNormalise(
  pixels: ArrayLike<number>,
  height: number,
  width: number,
  channels: number,
  radius: number,
): ContrastNormalised {
  if (pixels.length !== height * width * channels)
    throw new RangeError(
      `${height}×${width}×${channels} is ${height * width * channels} values, not ${pixels.length}.`,
    );
  if (!Number.isInteger(radius) || radius < 0)
    throw new RangeError('The window radius must be a whole number, 0 or more.');
  // Per pixel: the sum over channels of h and h², then window sums via a 2-D prefix sum.
  const w1 = width + 1;
  const s1 = new Float64Array((height + 1) * w1);
  const s2 = new Float64Array((height + 1) * w1);
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      let a = 0;
      let b = 0;
      for (let c = 0; c < channels; c++) {
        const v = pixels[(y * width + x) * channels + c] ?? 0;
        a += v;
        b += v * v;
      }
      const at = (y + 1) * w1 + x + 1;
      s1[at] = a + (s1[at - 1] ?? 0) + (s1[at - w1] ?? 0) - (s1[at - w1 - 1] ?? 0);
      s2[at] = b + (s2[at - 1] ?? 0) + (s2[at - w1] ?? 0) - (s2[at - w1 - 1] ?? 0);
    }
  const box = (s: Float64Array, y0: number, x0: number, y1: number, x1: number) =>
    (s[y1 * w1 + x1] ?? 0) -
    (s[y0 * w1 + x1] ?? 0) -
    (s[y1 * w1 + x0] ?? 0) +
    (s[y0 * w1 + x0] ?? 0);
  const means = new Float32Array(height * width);
  const sigmas = new Float32Array(height * width);
  let sigmaSum = 0;
  for (let y = 0; y < height; y++)
    for (let x = 0; x < width; x++) {
      const y0 = Math.max(0, y - radius);
      const x0 = Math.max(0, x - radius);
      const y1 = Math.min(height, y + radius + 1);
      const x1 = Math.min(width, x + radius + 1);
      const n = (y1 - y0) * (x1 - x0) * channels;
      const mean = box(s1, y0, x0, y1, x1) / n;
      const variance = Math.max(0, box(s2, y0, x0, y1, x1) / n - mean * mean);
      means[y * width + x] = mean;
      sigmas[y * width + x] = Math.sqrt(variance);
      sigmaSum += Math.sqrt(variance);
    }
  const floor = sigmaSum / (height * width);
  const values = new Float32Array(pixels.length);
  for (let p = 0; p < height * width; p++) {
    const divisor = Math.max(floor, sigmas[p] ?? 0);
    for (let c = 0; c < channels; c++) {
      const i = p * channels + c;
      values[i] = divisor > 0 ? ((pixels[i] ?? 0) - (means[p] ?? 0)) / divisor : 0;
    }
  }
  return { values, floor, means, sigmas };
}
