/**
 * An exercise carried in a link (`ex=`): the instructor's question and the checker that
 * marks it. The link is untrusted input, so decoding checks the structure and the sizes
 * only; whether the checker exists and its parameters make sense is the lessons' library's
 * to say (state may not import the lessons), and the panel refuses to check what it rejects.
 *
 * What a hostile `ex=` value cannot do: unpack to more than {@link MAX_EXERCISE_JSON}
 * characters (a decompression bomb stops early, see boundedLz.ts), carry a question longer
 * than the Markdown renderer shows, put keys on an object's prototype (parameters live in
 * an object without one, and `__proto__` is not a parameter name), or make decoding throw.
 */
import LZString from 'lz-string';
import { decompressBounded } from './boundedLz';
import type { Codec } from './codecs';

// A default import: lz-string is CommonJS (see networkCodec.ts).
const { compressToEncodedURIComponent } = LZString;

/** Longest question text an exercise link may carry, in characters (the Markdown renderer's limit). */
export const MAX_QUESTION_LENGTH = 4_000;
/** Most checker parameters an exercise link may carry. */
export const MAX_CHECK_PARAMS = 12;
/** Longest checker id, parameter name and text parameter value a link may carry. */
export const MAX_CHECK_ID = 60;
export const MAX_PARAM_NAME = 40;
export const MAX_PARAM_TEXT = 200;

/**
 * Longest JSON a valid exercise can be: JSON escapes a character in at most six
 * (`\u0001`), so six times the longest texts, plus the punctuation around them.
 */
export const MAX_EXERCISE_JSON =
  6 * (MAX_QUESTION_LENGTH + MAX_CHECK_ID + MAX_CHECK_PARAMS * (MAX_PARAM_NAME + MAX_PARAM_TEXT)) +
  500;
/**
 * Longest `ex=` value read at all. Compressing 4,000 random characters from all of
 * Unicode gives about 18,300; this leaves room and still bounds the work.
 */
export const MAX_EXERCISE_ENCODED = 40_000;

/** An exercise an instructor wrote into a link. */
export interface LinkedExercise {
  /** Markdown, rendered with HTML disabled. */
  readonly question: string;
  /** A checker of the library by id, with its parameters (validated when it runs). */
  readonly check: {
    readonly id: string;
    readonly params: Readonly<Record<string, number | string>>;
  };
}

type Read = { ok: true; value: LinkedExercise } | { ok: false; reason: string };

const bad = (reason: string) => ({ ok: false as const, reason });

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value);

/** A name as a reason quotes it: short, and with its control characters escaped by JSON. */
const quote = (text: string): string =>
  JSON.stringify(text.length > 20 ? `${text.slice(0, 17)}...` : text);

/** Checker ids are lower-case words joined by dashes (`layer-output-shape`). */
const CHECK_ID = /^[a-z0-9]+(-[a-z0-9]+)*$/;
/** Parameter names are plain identifiers (`h`, `maxParams`), which keeps out `__proto__`. */
const PARAM_NAME = /^[A-Za-z][A-Za-z0-9]*$/;

/** The checker parameters, in an object without a prototype; or what is wrong with them. */
function readParams(
  p: unknown,
): { ok: true; params: Record<string, number | string> } | { ok: false; reason: string } {
  const params = Object.create(null) as Record<string, number | string>;
  if (p === undefined) return { ok: true, params };
  if (!isRecord(p)) return bad('its checker parameters are not a list of names and values');
  const entries = Object.entries(p);
  if (entries.length > MAX_CHECK_PARAMS)
    return bad(`it has ${entries.length} checker parameters; at most ${MAX_CHECK_PARAMS} are read`);
  for (const [name, v] of entries) {
    if (name.length > MAX_PARAM_NAME || !PARAM_NAME.test(name))
      return bad(`it has a checker parameter named ${quote(name)}; names are letters and digits`);
    const fits =
      typeof v === 'number'
        ? Number.isFinite(v)
        : typeof v === 'string' && v.length <= MAX_PARAM_TEXT;
    if (!fits)
      return bad(
        `its checker parameter ${name} is neither a number nor a text of at most ${MAX_PARAM_TEXT} characters`,
      );
    params[name] = v as number | string;
  }
  return { ok: true, params };
}

/** Reads a decoded JSON value as an exercise, or says what is wrong with it. Never throws. */
export function readLinkedExercise(value: unknown): Read {
  if (!isRecord(value)) return bad('it is not an exercise (no question and checker)');
  // Own properties only: a key the JSON did not give is not read from any prototype.
  const own = (o: Record<string, unknown>, key: string) =>
    Object.hasOwn(o, key) ? o[key] : undefined;
  const q = own(value, 'q');
  const c = own(value, 'c');
  if (typeof q !== 'string' || q.trim() === '') return bad('it has no question');
  if (q.length > MAX_QUESTION_LENGTH)
    return bad(
      `its question is ${q.length.toLocaleString('en-US')} characters long; at most ${MAX_QUESTION_LENGTH.toLocaleString('en-US')} are read`,
    );
  if (!isRecord(c)) return bad('it names no checker');
  const id = own(c, 'id');
  if (typeof id !== 'string' || id === '') return bad('it names no checker');
  if (id.length > MAX_CHECK_ID || !CHECK_ID.test(id))
    return bad(`its checker ${quote(id)} is not a checker's name (lower-case words and dashes)`);
  const read = readParams(own(c, 'p'));
  if (!read.ok) return read;
  return { ok: true, value: { question: q, check: { id, params: read.params } } };
}

/** The exercise as compact JSON (`q`, `c.id`, `c.p`) compressed into URL-safe text. */
export const exerciseLinkCodec: Codec<LinkedExercise | null> = {
  encode: (ex) =>
    ex
      ? compressToEncodedURIComponent(
          JSON.stringify({ q: ex.question, c: { id: ex.check.id, p: ex.check.params } }),
        )
      : '',
  decode: (text) => {
    if (text === '') return { ok: true, value: null };
    if (text.length > MAX_EXERCISE_ENCODED)
      return bad(
        `it is too long to be an exercise (${text.length.toLocaleString('en-US')} characters)`,
      );
    const unpacked = decompressBounded(text, MAX_EXERCISE_JSON);
    if (!unpacked.ok)
      return bad(
        unpacked.why === 'too long'
          ? `it holds more text than an exercise can (a question has at most ${MAX_QUESTION_LENGTH.toLocaleString('en-US')} characters)`
          : 'it is damaged (it does not decompress); ask for the link again',
      );
    let value: unknown;
    try {
      value = JSON.parse(unpacked.text);
    } catch {
      return bad('it is damaged (it is not JSON); ask for the link again');
    }
    return readLinkedExercise(value);
  },
};
