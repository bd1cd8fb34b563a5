import type { Codec } from './codecs';

/**
 * How the lab is shown rather than what it shows: the size of type, the colour theme and
 * presenter mode. They travel in the link like every other setting, so an instructor's
 * prepared lecture link opens large, high-contrast and in presenter mode on the hall's
 * machine, with nothing to click first.
 */

/** Named type sizes and the scale of the root font size each stands for (15 px × scale). */
export const TYPE_SIZES = { normal: 1, large: 4 / 3, huge: 5 / 3 } as const;
export type TypeSizeName = keyof typeof TYPE_SIZES;
const TYPE_SIZE_NAMES = Object.keys(TYPE_SIZES) as TypeSizeName[];

/** Smallest and largest scale a link may ask for (`type=1.5`). */
export const MIN_TYPE_SCALE = 0.75;
export const MAX_TYPE_SCALE = 3;

/** The page's type scale: 1 is the design size, `large` 4/3 (a 20 px root). */
export type TypeScale = number;

/** The name of a scale, when it is one of the named sizes. */
export function typeSizeNameOf(scale: TypeScale): TypeSizeName | undefined {
  return TYPE_SIZE_NAMES.find((name) => Math.abs(TYPE_SIZES[name] - scale) < 1e-6);
}

/**
 * `type=normal|large|huge` or a scale from 0.75 to 3 (`type=1.5`); named sizes are
 * written by name, so a link says what a person chose.
 */
export const typeScaleCodec: Codec<TypeScale> = {
  encode: (scale) => typeSizeNameOf(scale) ?? String(Math.round(scale * 100) / 100),
  decode: (text) => {
    if ((TYPE_SIZE_NAMES as string[]).includes(text))
      return { ok: true, value: TYPE_SIZES[text as TypeSizeName] };
    const n = Number(text);
    return /^\d+(\.\d+)?$/.test(text) && n >= MIN_TYPE_SCALE && n <= MAX_TYPE_SCALE
      ? { ok: true, value: n }
      : {
          ok: false,
          reason: `the type size is normal, large, huge or a scale from ${MIN_TYPE_SCALE} to ${MAX_TYPE_SCALE}, not ${JSON.stringify(text.slice(0, 20))}`,
        };
  },
};

/** The colour themes: `auto` follows the system's light or dark preference. */
export const THEMES = ['auto', 'light', 'dark', 'high-contrast'] as const;
export type Theme = (typeof THEMES)[number];

/** `present=1` turns presenter mode on; `0` (or leaving it out) off. */
export const presentCodec: Codec<boolean> = {
  encode: (on) => (on ? '1' : '0'),
  decode: (text) =>
    text === '1' || text === '0'
      ? { ok: true, value: text === '1' }
      : {
          ok: false,
          reason: `presenter mode is present=1 (on) or present=0 (off), not ${JSON.stringify(text.slice(0, 20))}`,
        },
};
