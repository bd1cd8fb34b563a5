import { pixelsPerImage, type ImageSet } from './types';

/** What normalisation needs to know about the training split, in 0..1 units (byte / 255). */
export interface DatasetStats {
  /** Mean of each channel over every pixel of every image. */
  readonly mean: readonly number[];
  /** Population standard deviation of each channel over every pixel of every image. */
  readonly std: readonly number[];
  /** The average image, height × width × channels values, HWC. */
  readonly meanImage: Float32Array;
}

/** Per-channel mean and std (σ = √(E[x²] − E[x]²)) and the mean image of a set, in 0..1 units. */
export function computeStats(set: ImageSet): DatasetStats {
  const size = pixelsPerImage(set);
  const { channels, count, images } = set;
  // Integer sums of bytes are exact in doubles up to 2⁵³, far beyond any split the lab loads.
  const pixelSums = new Float64Array(size);
  const squareSums = new Float64Array(channels);
  for (let i = 0; i < count; i++) {
    const base = i * size;
    for (let p = 0; p < size; p++) {
      const v = images[base + p] ?? 0;
      pixelSums[p] = (pixelSums[p] ?? 0) + v;
      squareSums[p % channels] = (squareSums[p % channels] ?? 0) + v * v;
    }
  }
  const channelSums = new Float64Array(channels);
  pixelSums.forEach(
    (sum, p) => (channelSums[p % channels] = (channelSums[p % channels] ?? 0) + sum),
  );
  const perChannel = count * (size / channels);
  const mean = Array.from(channelSums, (sum) => (perChannel ? sum / perChannel / 255 : 0));
  const std = Array.from(squareSums, (sq, c) => {
    if (!perChannel) return 0;
    const m = (channelSums[c] ?? 0) / perChannel;
    return Math.sqrt(Math.max(0, sq / perChannel - m * m)) / 255;
  });
  const meanImage = Float32Array.from(pixelSums, (sum) => (count ? sum / count / 255 : 0));
  return { mean, std, meanImage };
}
