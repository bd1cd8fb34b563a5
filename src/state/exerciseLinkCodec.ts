/**
 * An exercise carried in a link (`ex=`): the instructor's question and the checker that
 * marks it. The link is untrusted input, so decoding checks the structure and the sizes
 * only; whether the checker exists and its parameters make sense is the lessons' library's
 * to say (state may not import the lessons), and the panel refuses to check what it rejects.
 */
import LZString from 'lz-string';
import type { Codec } from './codecs';

// A default import: lz-string is CommonJS (see networkCodec.ts).
const { compressToEncodedURIComponent, decompressFromEncodedURIComponent } = LZString;

/** Longest question text an exercise link may carry, in characters. */
export const MAX_QUESTION_LENGTH = 4_000;
/** Most checker parameters an exercise link may carry. */
export const MAX_CHECK_PARAMS = 12;

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

const bad = (reason: string) => ({
  ok: false as const,
  reason: `the exercise in this link ${reason}`,
});

/** Reads a decoded JSON value as an exercise, or says what is wrong with it. */
export function readLinkedExercise(
  value: unknown,
): { ok: true; value: LinkedExercise } | { ok: false; reason: string } {
  if (typeof value !== 'object' || value === null || Array.isArray(value))
    return bad('is not an exercise');
  const { q, c } = value as { q?: unknown; c?: unknown };
  if (typeof q !== 'string' || q.trim() === '') return bad('has no question');
  if (q.length > MAX_QUESTION_LENGTH)
    return bad(`has a question of ${q.length} characters; at most ${MAX_QUESTION_LENGTH} are read`);
  if (typeof c !== 'object' || c === null || Array.isArray(c)) return bad('names no checker');
  const { id, p } = c as { id?: unknown; p?: unknown };
  if (typeof id !== 'string' || id.length === 0 || id.length > 60) return bad('names no checker');
  const params: Record<string, number | string> = {};
  if (p !== undefined) {
    if (typeof p !== 'object' || p === null || Array.isArray(p))
      return bad('has checker parameters that are not a list of names and values');
    const entries = Object.entries(p as Record<string, unknown>);
    if (entries.length > MAX_CHECK_PARAMS)
      return bad(`has ${entries.length} checker parameters; at most ${MAX_CHECK_PARAMS} are read`);
    for (const [name, v] of entries) {
      if (name.length > 40 || !/^[A-Za-z][A-Za-z0-9]*$/.test(name))
        return bad(`has a checker parameter with the name ${JSON.stringify(name.slice(0, 20))}`);
      if (typeof v === 'number' ? !Number.isFinite(v) : typeof v !== 'string' || v.length > 200)
        return bad(`has a checker parameter ${name} that is neither a number nor a short text`);
      params[name] = v as number | string;
    }
  }
  return { ok: true, value: { question: q, check: { id, params } } };
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
    let json: string | null = null;
    try {
      json = decompressFromEncodedURIComponent(text);
    } catch {
      json = null;
    }
    if (!json) return bad('is damaged (it does not decompress); ask for the link again');
    if (json.length > MAX_QUESTION_LENGTH * 3) return bad('is too long to read');
    let value: unknown;
    try {
      value = JSON.parse(json);
    } catch {
      return bad('is damaged (it is not JSON); ask for the link again');
    }
    return readLinkedExercise(value);
  },
};
