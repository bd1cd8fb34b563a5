import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { indexFromText } from '../../../src/viz/maths/format';

describe('indexFromText', () => {
  it('is the typed whole number, clamped to 0 … count − 1', () => {
    fc.assert(
      fc.property(fc.integer({ min: -50, max: 50 }), fc.integer({ min: 1, max: 20 }), (v, n) => {
        const expected = v < 0 ? 0 : v > n - 1 ? n - 1 : v;
        expect(indexFromText(String(v), n)).toBe(expected);
      }),
    );
  });
  it('drops the fraction and refuses what is no number', () => {
    expect(indexFromText('3.9', 10)).toBe(3);
    expect(indexFromText('-0.5', 10)).toBe(0);
    expect(indexFromText('abc', 10)).toBeNull();
  });
});
