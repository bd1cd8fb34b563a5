import fc from 'fast-check';
import LZString from 'lz-string';
import { describe, expect, it } from 'vitest';
import { decompressBounded } from '../../../src/state/boundedLz';
import {
  exerciseLinkCodec,
  MAX_EXERCISE_ENCODED,
  MAX_QUESTION_LENGTH,
  type LinkedExercise,
} from '../../../src/state/exerciseLinkCodec';
import { decodeSettings, encodeSettings } from '../../../src/state/url';
import { defaultSettings } from '../../../src/state/settings';

const { compressToEncodedURIComponent: pack, decompressFromEncodedURIComponent: unpack } = LZString;

const exercise: LinkedExercise = {
  question: 'Make **conv1** output $14 \\times 14 \\times 8$.',
  check: { id: 'layer-output-shape', params: { layer: 0, h: 14, w: 14, c: 8 } },
};

/** Decodes a value; whatever it is, decoding must not throw and must say why it refused. */
function decode(text: string) {
  const result = exerciseLinkCodec.decode(text);
  if (!result.ok) {
    expect(result.reason.length).toBeGreaterThan(10);
    expect(result.reason.length).toBeLessThan(300);
  }
  return result;
}
const packed = (value: unknown) => pack(JSON.stringify(value));
const reasonOf = (text: string): string => {
  const result = decode(text);
  expect(result.ok).toBe(false);
  return result.ok ? '' : result.reason;
};

describe('the exercise link codec', () => {
  it('round-trips an exercise, and an empty value is no exercise', () => {
    const text = exerciseLinkCodec.encode(exercise);
    expect(text).toMatch(/^[A-Za-z0-9+\-$]+$/);
    expect(decode(text)).toEqual({ ok: true, value: exercise });
    expect(exerciseLinkCodec.encode(null)).toBe('');
    expect(decode('')).toEqual({ ok: true, value: null });
  });

  it('round-trips through the whole link beside the other settings', () => {
    const settings = { ...defaultSettings(), exercise, hide: ['curves'] as const };
    const decoded = decodeSettings(encodeSettings(settings));
    expect(decoded.problems).toEqual([]);
    expect(decoded.settings.exercise).toEqual(exercise);
    expect(decoded.settings.hide).toEqual(['curves']);
  });

  it('keeps every question up to the limit, in any script, through the link', () => {
    fc.assert(
      fc.property(
        fc.string({ unit: 'binary', minLength: 1, maxLength: 300 }).filter((q) => q.trim() !== ''),
        fc.dictionary(
          fc.stringMatching(/^[a-z][A-Za-z0-9]{0,8}$/),
          fc.oneof(
            // JSON, like the link, has no negative zero: -0 comes back as the 0 it equals.
            fc.double({ noNaN: true, noDefaultInfinity: true }).map((x) => (x === 0 ? 0 : x)),
            fc.string({ maxLength: 50 }),
          ),
          { maxKeys: 12 },
        ),
        (question, params) => {
          const ex = { question, check: { id: 'setting-equals', params } };
          const result = exerciseLinkCodec.decode(exerciseLinkCodec.encode(ex));
          expect(result).toEqual({
            ok: true,
            value: { question, check: { id: 'setting-equals', params: { ...params } } },
          });
        },
      ),
      { numRuns: 150 },
    );
  });

  it('reads a question of exactly the limit and refuses one character more', () => {
    const at = { ...exercise, question: 'x'.repeat(MAX_QUESTION_LENGTH) };
    expect(decode(exerciseLinkCodec.encode(at)).ok).toBe(true);
    const over = exerciseLinkCodec.encode({
      ...exercise,
      question: 'x'.repeat(MAX_QUESTION_LENGTH + 1),
    });
    expect(reasonOf(over)).toBe('its question is 4,001 characters long; at most 4,000 are read');
    const huge = exerciseLinkCodec.encode({ ...exercise, question: 'ab'.repeat(50_000) });
    expect(reasonOf(huge)).toMatch(
      /^it holds more text than an exercise can \(a question has at most 4,000 characters\)$/,
    );
  });

  it('says what is wrong with values that are not an exercise, and never throws', () => {
    expect(reasonOf('%%%not-lz-data!!!')).toMatch(/damaged/);
    expect(reasonOf(pack('not json {'))).toBe(
      'it is damaged (it is not JSON); ask for the link again',
    );
    expect(reasonOf(packed([1, 2, 3]))).toMatch(/not an exercise/);
    expect(reasonOf(packed('a string'))).toMatch(/not an exercise/);
    expect(reasonOf(packed(null))).toMatch(/not an exercise/);
    expect(reasonOf(packed({ q: '   ', c: { id: 'x' } }))).toBe('it has no question');
    expect(reasonOf(packed({ q: 42, c: { id: 'x' } }))).toBe('it has no question');
    expect(reasonOf(packed({ q: 'Why?' }))).toBe('it names no checker');
    expect(reasonOf(packed({ q: 'Why?', c: ['layer-output-shape'] }))).toBe('it names no checker');
    expect(reasonOf(packed({ q: 'Why?', c: { id: '<script>alert(1)</script>' } }))).toMatch(
      /^its checker "<script>alert\(1\)<\.\.\." is not a checker's name/,
    );
    expect(reasonOf(packed({ q: 'Why?', c: { id: 'a', p: [1, 2] } }))).toMatch(
      /not a list of names/,
    );
    expect(reasonOf(packed({ q: 'Why?', c: { id: 'a', p: { h: { deep: 1 } } } }))).toMatch(
      /parameter h is neither a number nor a text/,
    );
    expect(reasonOf(packed({ q: 'Why?', c: { id: 'a', p: { h: 'x'.repeat(201) } } }))).toMatch(
      /at most 200 characters/,
    );
    const many = Object.fromEntries(Array.from({ length: 13 }, (_, i) => [`p${i}`, i]));
    expect(reasonOf(packed({ q: 'Why?', c: { id: 'a', p: many } }))).toMatch(
      /13 checker parameters/,
    );
    // JSON cannot write NaN or Infinity; 1e999 parses as Infinity.
    expect(reasonOf(pack('{"q":"Why?","c":{"id":"a","p":{"h":1e999}}}'))).toMatch(
      /neither a number/,
    );
  });

  it('keeps __proto__ and other prototype names out of the parameters and the exercise', () => {
    const polluted = pack('{"q":"Why?","c":{"id":"a","p":{"__proto__":{"polluted":1}}}}');
    expect(reasonOf(polluted)).toMatch(/parameter named "__proto__"/);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
    // A question or checker only on the prototype is no question or checker.
    expect(reasonOf(pack('{"__proto__":{"q":"Why?","c":{"id":"a"}}}'))).toBe('it has no question');
    expect(reasonOf(pack('{"q":"Why?","__proto__":{"c":{"id":"a"}}}'))).toBe('it names no checker');
    const read = (text: string) => {
      const result = decode(text);
      if (!result.ok || !result.value) throw new Error('expected an exercise');
      return result.value;
    };
    const odd = read(pack('{"q":"Why?","c":{"id":"a","p":{"constructor":1,"toString":"x"}}}'));
    expect(Object.getPrototypeOf(odd.check.params)).toBeNull();
    expect(Object.keys(odd.check.params)).toEqual(['constructor', 'toString']);
    const none = read(pack('{"q":"Why?","c":{"id":"a"}}'));
    expect('toString' in none.check.params).toBe(false);
  });

  it('refuses a decompression bomb without unpacking it', () => {
    // 2 kB of lz-string that the library unpacks to a million characters.
    const bomb = pack('a'.repeat(1_000_000));
    expect(bomb.length).toBeLessThan(MAX_EXERCISE_ENCODED);
    expect(reasonOf(bomb)).toMatch(/^it holds more text than an exercise can/);
    expect(reasonOf('A'.repeat(MAX_EXERCISE_ENCODED + 1))).toMatch(
      /too long to be an exercise \(40,001/,
    );
  });

  it('never throws on any text, and refuses or reads it', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 400 }), (text) => {
        const result = decode(text);
        if (result.ok && result.value) expect(result.value.question.trim()).not.toBe('');
      }),
      { numRuns: 1000 },
    );
    fc.assert(
      fc.property(fc.json(), (json) => {
        decode(pack(json));
      }),
      { numRuns: 500 },
    );
  });
});

describe('the bounded decompressor', () => {
  it('unpacks what lz-string packs, in any script', () => {
    fc.assert(
      fc.property(fc.string({ unit: 'binary', maxLength: 500 }), (text) => {
        expect(decompressBounded(pack(text), 10_000)).toEqual({ ok: true, text });
      }),
      { numRuns: 500 },
    );
  });

  it('agrees with lz-string on damaged input wherever the library gives text', () => {
    fc.assert(
      fc.property(fc.string({ maxLength: 60 }), (text) => {
        const mine = decompressBounded(text, 1_000_000);
        let theirs: string | null | undefined;
        try {
          theirs = unpack(text);
        } catch {
          theirs = undefined; // the library itself throws on some garbage ("y")
        }
        if (mine.ok) expect(mine.text).toBe(theirs);
      }),
      { numRuns: 2000 },
    );
  });

  it('stops at the ceiling', () => {
    expect(decompressBounded(pack('abc'.repeat(100)), 300)).toEqual({
      ok: true,
      text: 'abc'.repeat(100),
    });
    expect(decompressBounded(pack('abc'.repeat(100)), 299)).toEqual({ ok: false, why: 'too long' });
    expect(decompressBounded('', 10)).toEqual({ ok: false, why: 'damaged' });
  });
});
