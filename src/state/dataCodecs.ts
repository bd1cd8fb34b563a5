import LZString from 'lz-string';

// A default import: lz-string is CommonJS, whose named exports Node's own ESM loader (the
// CLI under tsx) cannot see; the bundler and vitest read it either way.
const { compressToEncodedURIComponent } = LZString;
import { NO_AUGMENTATION, type AugmentationConfig } from '../data/augment';
import { decompressBounded } from './boundedLz';
import { MAX_PARAM_LENGTH, type Codec } from './codecs';

/** Which image is the lab's selected input: one of a split, or the person's own. */
export type SampleRef =
  { readonly source: 'train' | 'test'; readonly index: number } | { readonly source: 'own' };

export const sampleCodec: Codec<SampleRef> = {
  encode: (s) => (s.source === 'own' ? 'own' : `${s.source}-${s.index}`),
  decode: (text) => {
    if (text === 'own') return { ok: true, value: { source: 'own' } };
    const match = /^(train|test)-(\d{1,6})$/.exec(text);
    return match
      ? { ok: true, value: { source: match[1] as 'train' | 'test', index: Number(match[2]) } }
      : {
          ok: false,
          reason: `the selected image must look like "test-12", "train-3" or "own", not ${JSON.stringify(text.slice(0, 30))}`,
        };
  },
};

/** A person's own input image (drawn or uploaded): its shape and bytes, HWC. */
export interface OwnImage {
  readonly height: number;
  readonly width: number;
  readonly channels: number;
  readonly pixels: Uint8Array;
}

const OWN_SIDES = new Set(['28x28x1', '32x32x3']);

/** Bytes to a Latin-1 string and back, so lz-string can pack them into URL-safe text. */
const bytesToText = (bytes: Uint8Array): string => String.fromCharCode(...bytes);

const MAX_OWN_TEXT = 32 * 32 * 3 + 16;

export const ownImageCodec: Codec<OwnImage | null> = {
  encode: (image) =>
    image
      ? compressToEncodedURIComponent(
          `${image.height}x${image.width}x${image.channels}:${bytesToText(image.pixels)}`,
        )
      : '',
  decode: (text) => {
    if (text === '') return { ok: true, value: null };
    if (text.length > MAX_PARAM_LENGTH)
      return { ok: false, reason: 'the own image in the link is too long' };
    // The largest own image, 32×32×3 bytes, with its shape in front: nothing longer is read.
    const bounded = decompressBounded(text, MAX_OWN_TEXT);
    const unpacked = bounded.ok ? bounded.text : null;
    const colon = unpacked?.indexOf(':') ?? -1;
    if (!unpacked || colon < 0)
      return { ok: false, reason: 'the own image in the link is damaged' };
    const shape = unpacked.slice(0, colon);
    const body = unpacked.slice(colon + 1);
    const [height, width, channels] = shape.split('x').map(Number) as [number, number, number];
    if (!OWN_SIDES.has(shape) || body.length !== height * width * channels) {
      return { ok: false, reason: 'the own image in the link has the wrong size' };
    }
    // By UTF-16 unit, not by code point: each must be one byte (a surrogate pair is not).
    const pixels = new Uint8Array(body.length);
    for (let i = 0; i < body.length; i++) {
      const code = body.charCodeAt(i);
      if (code > 0xff) return { ok: false, reason: 'the own image in the link is damaged' };
      pixels[i] = code;
    }
    return { ok: true, value: { height, width, channels, pixels } };
  },
};

const AUG_KEYS: readonly [keyof AugmentationConfig, string, number][] = [
  ['shift', 'shift', 8],
  ['rotation', 'rot', 45],
  ['scale', 'scale', 0.5],
  ['brightness', 'bright', 0.5],
  ['noise', 'noise', 0.5],
];

/** Augmentation as a short list: `flip,shift2,rot10,scale0.1,bright0.1,noise0.05` (empty = none). */
export const augmentationCodec: Codec<AugmentationConfig> = {
  encode: (config) =>
    [
      ...(config.flip ? ['flip'] : []),
      ...AUG_KEYS.filter(([key]) => config[key] !== 0).map(
        ([key, short]) => `${short}${config[key] as number}`,
      ),
    ].join(','),
  decode: (text) => {
    const config: Record<string, number | boolean> = { ...NO_AUGMENTATION };
    for (const part of text.split(',').filter(Boolean)) {
      if (part === 'flip') {
        config.flip = true;
        continue;
      }
      const entry = AUG_KEYS.find(
        ([, short]) => part.startsWith(short) && /^[\d.]+$/.test(part.slice(short.length)),
      );
      const value = entry ? Number(part.slice(entry[1].length)) : NaN;
      if (!entry || !Number.isFinite(value) || value < 0 || value > entry[2]) {
        return {
          ok: false,
          reason: `unknown or out-of-range augmentation ${JSON.stringify(part.slice(0, 20))}`,
        };
      }
      config[entry[0]] = entry[0] === 'shift' ? Math.round(value) : value;
    }
    return { ok: true, value: config as unknown as AugmentationConfig };
  },
};
