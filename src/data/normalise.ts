import { rangeOf } from '../core/range';
import { keyGuardOf, keysOf, type DescribedChoice } from '../core/tables';
import type { DatasetStats } from './stats';

/**
 * Normalisation turns bytes into the numbers the network sees. Every mode but `none`
 * first scales bytes to 0..1 (x = byte / 255), so statistics in 0..1 units apply.
 */
export type NormalisationMode = 'none' | 'scale' | 'mean-image' | 'channel-mean' | 'standardise';

/** Each mode as the explainer presents it; in a formula x is byte / 255, c the pixel's channel. */
export const NORMALISATIONS: Readonly<Record<NormalisationMode, DescribedChoice>> = {
  none: {
    label: 'None',
    formula: 'byte (0 to 255)',
    help: 'Raw bytes: large inputs make large activations and unstable training.',
  },
  scale: {
    label: 'Scale to 0..1',
    formula: 'x = byte / 255',
    help: 'Every value between 0 and 1.',
  },
  'mean-image': {
    label: 'Subtract mean image',
    formula: 'x − mean image[y, x, c]',
    help: 'Removes what all training images share, pixel by pixel.',
  },
  'channel-mean': {
    label: 'Subtract channel mean',
    formula: 'x − mean[c]',
    help: 'Centres each colour channel on zero.',
  },
  standardise: {
    label: 'Standardise',
    formula: '(x − mean[c]) / std[c]',
    help: 'Each channel with mean 0 and standard deviation 1 over the training split.',
  },
};

export const NORMALISATION_MODES = keysOf(NORMALISATIONS);

/** True for a known normalisation mode name. */
export const isNormalisationMode = keyGuardOf(NORMALISATIONS);

// A flat channel (a blank border, say) has std 0; dividing by it would give infinities.
const MIN_STD = 1e-6;

/**
 * Normalises one or more HWC images (any number, back to back) into floats per `mode`;
 * writes into `out` when given (it must be as long as `pixels`).
 */
export function normalisePixels(
  pixels: Uint8Array,
  channels: number,
  mode: NormalisationMode,
  stats: Pick<DatasetStats, 'mean' | 'std'> & { readonly meanImage?: Float32Array },
  out: Float32Array = new Float32Array(pixels.length),
): Float32Array {
  if (out.length !== pixels.length) {
    throw new RangeError(`The output holds ${out.length} values for ${pixels.length} pixels.`);
  }
  if (mode !== 'none' && mode !== 'scale' && mode !== 'mean-image') {
    if (
      stats.mean.length !== channels ||
      (mode === 'standardise' && stats.std.length !== channels)
    ) {
      throw new RangeError(
        `The statistics have ${stats.mean.length} channels, the images ${channels}.`,
      );
    }
  }
  const meanImage = stats.meanImage;
  if (mode === 'mean-image' && (!meanImage || pixels.length % meanImage.length !== 0)) {
    throw new RangeError(
      'Subtracting the mean image needs the mean image of the training split, of the same shape as the images.',
    );
  }
  const scale = stats.std.map((s) => 1 / Math.max(s, MIN_STD));
  for (let i = 0; i < pixels.length; i++) {
    const byte = pixels[i] ?? 0;
    const c = i % channels;
    switch (mode) {
      case 'none':
        out[i] = byte;
        break;
      case 'scale':
        out[i] = byte / 255;
        break;
      case 'mean-image':
        out[i] = byte / 255 - (meanImage?.[i % meanImage.length] ?? 0);
        break;
      case 'channel-mean':
        out[i] = byte / 255 - (stats.mean[c] ?? 0);
        break;
      case 'standardise':
        out[i] = (byte / 255 - (stats.mean[c] ?? 0)) * (scale[c] ?? 1);
        break;
    }
  }
  return out;
}

/** Smallest and largest value, for the "value range" the explainer shows. */
export function valueRange(values: ArrayLike<number>): { min: number; max: number } {
  const [min, max] = rangeOf(values, { constantPad: 0, empty: [0, 0] });
  return { min, max };
}
