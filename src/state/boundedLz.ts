/**
 * lz-string's `decompressFromEncodedURIComponent` with a ceiling on what it may produce.
 *
 * Why not the library's own: LZW output grows with the square of its input (a run of one
 * character compresses to about √(2n) codes), so an 8,000-character link value can unpack
 * to 10 million characters and a 1 MB fragment to far more than a tab's memory. The
 * library cannot stop early, so this is its decoder (lz-string 1.5.0, MIT, the same
 * alphabet and bit order) with one change: it gives up as soon as the text would pass
 * `maxLength`, having spent time in proportion to the input and the ceiling only.
 * A unit test checks it against the library on compressed text and on garbage.
 */

const URI_SAFE = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+-$';
const VALUE_OF = new Map([...URI_SAFE].map((ch, i) => [ch, i]));

/** What {@link decompressBounded} found: the text, or why there is none. */
export type BoundedText =
  | { readonly ok: true; readonly text: string }
  | { readonly ok: false; readonly why: 'damaged' | 'too long' };

/**
 * Decompresses lz-string's URL-safe output (`compressToEncodedURIComponent`), refusing
 * damaged input and any text longer than `maxLength` characters. Never throws.
 */
export function decompressBounded(input: string, maxLength: number): BoundedText {
  const damaged = { ok: false, why: 'damaged' } as const;
  if (input === '') return damaged;
  // A `+` turned into a space by a form or a mail client is read back as `+`, as the library does.
  const text = input.replace(/ /g, '+');
  const RESET = 32; // 6 bits per character
  let value = VALUE_OF.get(text.charAt(0)) ?? 0;
  let position = RESET;
  let index = 1;
  /** The next `bitCount` bits, least significant first. */
  const read = (bitCount: number): number => {
    let bits = 0;
    for (let power = 1, n = 0; n < bitCount; n += 1, power *= 2) {
      const bit = value & position;
      position >>= 1;
      if (position === 0) {
        position = RESET;
        value = VALUE_OF.get(text.charAt(index++)) ?? 0;
      }
      if (bit > 0) bits += power;
    }
    return bits;
  };
  const dictionary: string[] = ['', '', ''];
  let enlargeIn = 4;
  let numBits = 3;
  const first = read(2);
  if (first === 2) return { ok: true, text: '' };
  if (first === 3) return damaged;
  let w = String.fromCharCode(read(first === 0 ? 8 : 16));
  dictionary[3] = w;
  const parts = [w];
  let length = w.length;
  for (;;) {
    if (index > text.length) return damaged;
    let code = read(numBits);
    if (code === 2) return { ok: true, text: parts.join('') };
    if (code < 2) {
      dictionary.push(String.fromCharCode(read(code === 0 ? 8 : 16)));
      code = dictionary.length - 1;
      if (--enlargeIn === 0) enlargeIn = 2 ** numBits++;
    }
    const known = dictionary[code];
    const entry =
      known !== undefined && code >= 3
        ? known
        : code === dictionary.length
          ? w + w.charAt(0)
          : undefined;
    if (entry === undefined) return damaged;
    length += entry.length;
    if (length > maxLength) return { ok: false, why: 'too long' };
    parts.push(entry);
    dictionary.push(w + entry.charAt(0));
    if (--enlargeIn === 0) enlargeIn = 2 ** numBits++;
    w = entry;
  }
}
