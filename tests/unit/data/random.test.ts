import { describe, expect, it } from 'vitest';
import { createRandom, hashSeed } from '../../../src/core/random';

const draw = (seed: string | number, n: number) => {
  const random = createRandom(seed);
  return Array.from({ length: n }, () => random.next());
};

describe('createRandom', () => {
  it('repeats the same numbers for the same seed and differs for another', () => {
    expect(draw('lab', 20)).toEqual(draw('lab', 20));
    expect(draw(42, 5)).toEqual(draw('42', 5));
    expect(draw('lab', 20)).not.toEqual(draw('lab2', 20));
  });

  it('hashes seeds to different states', () => {
    expect(hashSeed('a')).not.toEqual(hashSeed('b'));
    expect(hashSeed('')).toHaveLength(4);
  });

  it('draws next() uniformly in [0, 1)', () => {
    const values = draw('uniform', 20_000);
    expect(Math.min(...values)).toBeGreaterThanOrEqual(0);
    expect(Math.max(...values)).toBeLessThan(1);
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    expect(mean).toBeCloseTo(0.5, 1);
    const tenths = new Array(10).fill(0);
    values.forEach((v) => tenths[Math.floor(v * 10)]++);
    tenths.forEach((n) => expect(Math.abs(n - 2000)).toBeLessThan(200));
  });

  it('draws whole numbers in [0, n) and rejects bad n', () => {
    const random = createRandom('int');
    const seen = new Set(Array.from({ length: 500 }, () => random.int(6)));
    expect([...seen].sort()).toEqual([0, 1, 2, 3, 4, 5]);
    expect(() => random.int(0)).toThrow(/whole n/);
    expect(() => random.int(2.5)).toThrow(/whole n/);
  });

  it('draws normals with the asked mean and standard deviation', () => {
    const random = createRandom('normal');
    const values = Array.from({ length: 20_000 }, () => random.normal(3, 2));
    const mean = values.reduce((s, v) => s + v, 0) / values.length;
    const variance = values.reduce((s, v) => s + (v - mean) ** 2, 0) / values.length;
    expect(mean).toBeCloseTo(3, 1);
    expect(Math.sqrt(variance)).toBeCloseTo(2, 1);
    expect(values.every(Number.isFinite)).toBe(true);
  });

  it('shuffles in place into a permutation, the same for the same seed', () => {
    const a = Array.from({ length: 50 }, (_, i) => i);
    const result = createRandom('s').shuffle(a);
    expect(result).toBe(a);
    expect([...a].sort((x, y) => x - y)).toEqual(Array.from({ length: 50 }, (_, i) => i));
    expect(a).not.toEqual(Array.from({ length: 50 }, (_, i) => i));
    const typed = createRandom('s').shuffle(Uint32Array.from({ length: 50 }, (_, i) => i));
    expect(Array.from(typed)).toEqual(a);
  });

  it('forks streams that do not depend on how much the parent drew', () => {
    const fresh = createRandom('lab');
    const used = createRandom('lab');
    for (let i = 0; i < 100; i++) used.next();
    const a = fresh.fork('data order');
    const b = used.fork('data order');
    expect([a.next(), a.next()]).toEqual([b.next(), b.next()]);
    expect(a.seed).toBe('lab/data order');
    const other = createRandom('lab').fork('augmentation');
    expect(other.next()).not.toBe(createRandom('lab').fork('data order').next());
  });
});
