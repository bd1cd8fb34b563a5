/**
 * Seeded random numbers: one lab seed gives the same initialisation, data order,
 * augmentation and dropout on every machine. Math.random cannot be seeded, so the
 * lab uses sfc32 (a small, fast, well-tested 128-bit generator) seeded by hashing text.
 */

/** A stream of random numbers that always repeats for the same seed. */
export interface Random {
  /** The text this stream was seeded from; a fork's seed is `parent/label`. */
  readonly seed: string;
  /** Uniform number in [0, 1), with 32 bits of resolution. */
  next(): number;
  /** Uniform whole number in [0, n), for a whole n from 1 to 2³². */
  int(n: number): number;
  /** Uniform number in [min, max). */
  uniform(min: number, max: number): number;
  /** Gaussian number with the given mean and standard deviation (Box–Muller). */
  normal(mean?: number, std?: number): number;
  /** Puts the items in a uniformly random order, in place (Fisher–Yates); returns them. */
  shuffle<L extends MutableList>(items: L): L;
  /**
   * An independent stream derived from this stream's seed and a label. It does not
   * depend on how many numbers this stream has already drawn, so data order stays the
   * same whether or not augmentation or dropout are switched on.
   */
  fork(label: string): Random;
}

/** Arrays and typed arrays alike. */
export interface MutableList {
  readonly length: number;
  [index: number]: unknown;
}

const TWO_POW_32 = 4294967296;

/** cyrb128: hashes text to four 32-bit words, the sfc32 state; words are unsigned integers. */
export function hashSeed(text: string): [number, number, number, number] {
  let h1 = 1779033703;
  let h2 = 3144134277;
  let h3 = 1013904242;
  let h4 = 2773480762;
  for (let i = 0; i < text.length; i++) {
    const k = text.charCodeAt(i);
    h1 = h2 ^ Math.imul(h1 ^ k, 597399067);
    h2 = h3 ^ Math.imul(h2 ^ k, 2869860233);
    h3 = h4 ^ Math.imul(h3 ^ k, 951274213);
    h4 = h1 ^ Math.imul(h4 ^ k, 2716044179);
  }
  h1 = Math.imul(h3 ^ (h1 >>> 18), 597399067);
  h2 = Math.imul(h4 ^ (h2 >>> 22), 2869860233);
  h3 = Math.imul(h1 ^ (h3 >>> 17), 951274213);
  h4 = Math.imul(h2 ^ (h4 >>> 19), 2716044179);
  h1 ^= h2 ^ h3 ^ h4;
  h2 ^= h1;
  h3 ^= h1;
  h4 ^= h1;
  return [h1 >>> 0, h2 >>> 0, h3 >>> 0, h4 >>> 0];
}

/** The sfc32 generator: each call returns a 32-bit unsigned integer. */
function createSfc32(state: [number, number, number, number]): () => number {
  let [a, b, c, d] = state;
  const step = (): number => {
    const t = (((a + b) | 0) + d) | 0;
    d = (d + 1) | 0;
    a = b ^ (b >>> 9);
    b = (c + (c << 3)) | 0;
    c = (c << 21) | (c >>> 11);
    c = (c + t) | 0;
    return t >>> 0;
  };
  // The first outputs still show the structure of the hash; its authors advise skipping some.
  for (let i = 0; i < 15; i++) step();
  return step;
}

/** A seeded random stream; numbers and text seed alike (`42` and `'42'` give the same stream). */
export function createRandom(seed: string | number): Random {
  const key = String(seed);
  const nextWord = createSfc32(hashSeed(key));
  let spareNormal: number | null = null;

  const next = (): number => nextWord() / TWO_POW_32;

  const random: Random = {
    seed: key,
    next,
    int(n) {
      if (!Number.isInteger(n) || n < 1 || n > TWO_POW_32) {
        throw new RangeError(`random.int(n) needs a whole n from 1 to 2^32; got ${n}.`);
      }
      return Math.floor(next() * n);
    },
    uniform(min, max) {
      return min + (max - min) * next();
    },
    normal(mean = 0, std = 1) {
      if (spareNormal !== null) {
        const z = spareNormal;
        spareNormal = null;
        return mean + std * z;
      }
      // 1 − u lies in (0, 1], so the logarithm is finite.
      const radius = Math.sqrt(-2 * Math.log(1 - next()));
      const angle = 2 * Math.PI * next();
      spareNormal = radius * Math.sin(angle);
      return mean + std * radius * Math.cos(angle);
    },
    shuffle(items) {
      for (let i = items.length - 1; i > 0; i--) {
        const j = Math.floor(next() * (i + 1));
        const held = items[i];
        items[i] = items[j];
        items[j] = held;
      }
      return items;
    },
    fork(label) {
      return createRandom(`${key}/${label}`);
    },
  };
  return random;
}
