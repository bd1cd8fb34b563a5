import { ACTIVATIONS, isActivation, type Activation } from './activations';
import type { Pair } from './shape';

/**
 * Field descriptors: each layer type lists its fields once, and that list drives
 * parsing, defaults, the explorer's editors and the README's format table.
 */
export type FieldKind = 'count' | 'pair' | 'padding' | 'activation' | 'boolean' | 'rate';

/** `'same'` pads so that output = ceil(input / stride); a pair is explicit zero rows, columns. */
export type Padding = 'same' | Pair;

export interface FieldSpec {
  readonly name: string;
  readonly kind: FieldKind;
  /** Short label for the explorer's editor. */
  readonly label: string;
  /** One sentence for tooltips and the README. */
  readonly help: string;
  /** Value used when the field is left out; absent means the field is required. */
  readonly default?: FieldValue;
  /** Default copied from another field of the same layer (a pool's stride defaults to its size). */
  readonly defaultFrom?: string;
}

export type FieldValue = number | boolean | Activation | Pair | Padding;

/** Upper bounds that keep hostile documents from producing absurd numbers or huge tables. */
export const LIMITS = {
  count: 100_000,
  window: 4_096,
  padding: 4_096,
  spatial: 8_192,
  channels: 100_000,
  vector: 10_000_000,
  layers: 500,
  nameLength: 80,
  idLength: 40,
} as const;

type Parsed<T> = { ok: true; value: T } | { ok: false; message: string };

const describe = (raw: unknown): string => {
  const text = JSON.stringify(raw) ?? String(raw);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
};

const isWhole = (raw: unknown, min: number, max: number): raw is number =>
  typeof raw === 'number' && Number.isInteger(raw) && raw >= min && raw <= max;

function parsePairOf(raw: unknown, min: number, max: number, what: string): Parsed<Pair> {
  if (isWhole(raw, min, max)) return { ok: true, value: [raw, raw] };
  if (Array.isArray(raw) && raw.length === 2 && raw.every((n) => isWhole(n, min, max))) {
    return { ok: true, value: [raw[0] as number, raw[1] as number] };
  }
  return {
    ok: false,
    message: `must be ${what} from ${min} to ${max.toLocaleString('en-US')}, or an [height, width] pair of them; got ${describe(raw)}.`,
  };
}

/** Parses one field's raw JSON value according to its kind, with a message a person can act on. */
export function parseFieldValue(kind: FieldKind, raw: unknown): Parsed<FieldValue> {
  switch (kind) {
    case 'count':
      return isWhole(raw, 1, LIMITS.count)
        ? { ok: true, value: raw }
        : {
            ok: false,
            message: `must be a whole number from 1 to ${LIMITS.count.toLocaleString('en-US')}; got ${describe(raw)}.`,
          };
    case 'pair':
      return parsePairOf(raw, 1, LIMITS.window, 'a whole number');
    case 'padding':
      if (raw === 'same') return { ok: true, value: 'same' };
      if (raw === 'valid') return { ok: true, value: [0, 0] };
      {
        const pair = parsePairOf(raw, 0, LIMITS.padding, 'a whole number');
        return pair.ok
          ? pair
          : {
              ok: false,
              message: `must be "valid", "same", a number of zero rows and columns from 0 to ${LIMITS.padding}, or an [height, width] pair; got ${describe(raw)}.`,
            };
      }
    case 'activation':
      return isActivation(raw)
        ? { ok: true, value: raw }
        : { ok: false, message: `must be one of ${ACTIVATIONS.join(', ')}; got ${describe(raw)}.` };
    case 'boolean':
      return typeof raw === 'boolean'
        ? { ok: true, value: raw }
        : { ok: false, message: `must be true or false; got ${describe(raw)}.` };
    case 'rate':
      return typeof raw === 'number' && Number.isFinite(raw) && raw >= 0 && raw < 1
        ? { ok: true, value: raw }
        : {
            ok: false,
            message: `must be a number from 0 up to (not including) 1; got ${describe(raw)}.`,
          };
  }
}

/** A padding value as the document writes it: `"same"`, a number, or a pair. */
export function formatPadding(padding: Padding): string {
  if (padding === 'same') return 'same';
  return padding[0] === padding[1] ? String(padding[0]) : `${padding[0]}×${padding[1]}`;
}
