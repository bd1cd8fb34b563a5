import { describe, expect, it } from 'vitest';
import { INIT_SCHEMES, INIT_SCHEME_NAMES, isInitScheme } from '../../../src/core/initialisation';
import { isKeyOf, keyGuardOf, keysOf } from '../../../src/core/tables';
import { isNormalisationMode, NORMALISATION_MODES } from '../../../src/data/normalise';

describe('keysOf and isKeyOf', () => {
  const table = { b: 1, a: 2, c: 3 } as const;

  it('lists the keys in the table order', () => {
    expect(keysOf(table)).toEqual(['b', 'a', 'c']);
  });

  it("accepts the table's own keys only: not inherited names, not other types", () => {
    expect(['a', 'b', 'c'].every((k) => isKeyOf(table, k))).toBe(true);
    for (const value of ['toString', 'constructor', '__proto__', 'd', '', 1, null, undefined]) {
      expect(isKeyOf(table, value)).toBe(false);
    }
  });

  it('keyGuardOf binds the same check to one table', () => {
    const isLetter = keyGuardOf(table);
    expect(['a', 'b', 'c', 'd', 'toString', 2].map(isLetter)).toEqual([
      true,
      true,
      true,
      false,
      false,
      false,
    ]);
  });

  it('gives the initialisation and normalisation names the lab shows and links', () => {
    expect(INIT_SCHEME_NAMES).toEqual(['zeros', 'small', 'large', 'glorot', 'he']);
    expect(INIT_SCHEME_NAMES.every((name) => isInitScheme(name) && INIT_SCHEMES[name])).toBe(true);
    expect(isInitScheme('hasOwnProperty')).toBe(false);
    expect(NORMALISATION_MODES).toEqual([
      'none',
      'scale',
      'mean-image',
      'channel-mean',
      'standardise',
    ]);
    expect(isNormalisationMode('valueOf')).toBe(false);
  });
});
