/**
 * How one value travels in the URL. `decode` never throws: a bad value gives a
 * reason a person can read, and the caller falls back to the default.
 */
export interface Codec<T> {
  encode(value: T): string;
  decode(text: string): { ok: true; value: T } | { ok: false; reason: string };
}

/** Longest single URL value the lab will read; longer ones are ignored unread. */
export const MAX_PARAM_LENGTH = 16_000;

const shorten = (text: string): string => (text.length > 30 ? `${text.slice(0, 27)}...` : text);

/** One of a fixed list of names. */
export function enumCodec<T extends string>(allowed: readonly T[], what: string): Codec<T> {
  return {
    encode: (value) => value,
    decode: (text) =>
      (allowed as readonly string[]).includes(text)
        ? { ok: true, value: text as T }
        : { ok: false, reason: `unknown ${what} ${JSON.stringify(shorten(text))}` },
  };
}

/** A whole number within [min, max]. */
export function intCodec(min: number, max: number, what: string): Codec<number> {
  return {
    encode: (value) => String(value),
    decode: (text) => {
      const n = Number(text);
      return /^-?\d+$/.test(text) && n >= min && n <= max
        ? { ok: true, value: n }
        : {
            ok: false,
            reason: `${what} must be a whole number from ${min} to ${max}, not ${JSON.stringify(shorten(text))}`,
          };
    },
  };
}

/** A finite decimal number within [min, max]. */
export function numberCodec(min: number, max: number, what: string): Codec<number> {
  return {
    encode: (value) => String(value),
    decode: (text) => {
      const n = Number(text);
      return /^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i.test(text) && n >= min && n <= max
        ? { ok: true, value: n }
        : {
            ok: false,
            reason: `${what} must be a number from ${min} to ${max}, not ${JSON.stringify(shorten(text))}`,
          };
    },
  };
}
