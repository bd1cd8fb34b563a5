import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { rangeOf } from '../../../src/core/range';

/** The range worked out another way: Math.min / Math.max over the spread values. */
function independentRange(values: readonly number[], pad: number): [number, number] {
  if (values.length === 0) return [0, 1];
  const lo = Math.min(...values);
  const hi = Math.max(...values);
  return lo === hi ? [lo - pad, hi + pad] : [lo, hi];
}

// + 0 turns −0 into 0, which Math.min and the loop may order differently.
const finite = fc
  .double({ min: -1e6, max: 1e6, noNaN: true, noDefaultInfinity: true })
  .map((x) => x + 0);

// The basic cases of rangeOf and symmetricRange are in tests/unit/viz/images.test.ts.
describe('rangeOf', () => {
  it('widens by the pad asked for (the feature maps widen by 1)', () => {
    expect(rangeOf([3, -1, 2], { constantPad: 1 })).toEqual([-1, 3]);
    expect(rangeOf([4, 4], { constantPad: 1 })).toEqual([3, 5]);
  });

  it('keeps [v, v] and [0, 0] for no values when asked (the explainer’s value range)', () => {
    expect(rangeOf([2, 2], { constantPad: 0, empty: [0, 0] })).toEqual([2, 2]);
    expect(rangeOf([], { constantPad: 0, empty: [0, 0] })).toEqual([0, 0]);
  });

  it('agrees with Math.min and Math.max on any values', () => {
    fc.assert(
      fc.property(fc.array(finite, { maxLength: 40 }), fc.constantFrom(0, 0.5, 1), (v, pad) => {
        expect(rangeOf(v, { constantPad: pad })).toEqual(independentRange(v, pad));
      }),
    );
  });
});

describe('symmetric ranges', () => {
  it('centres gradient ranges on zero', () => {
    expect(rangeOf([-0.2, 0.05], { symmetric: 'always' })).toEqual([-0.2, 0.2]);
    expect(rangeOf([0.001, 0.003], { symmetric: 'always' })).toEqual([-0.003, 0.003]);
    expect(rangeOf([0, 0], { symmetric: 'always' })).toEqual([-1, 1]);
    expect(rangeOf([], { symmetric: 'always' })).toEqual([-1, 1]);
  });

  it('uses min..max for non-negative activations and a symmetric range for signed ones', () => {
    expect(rangeOf([0, 2, 5], { symmetric: 'if-negative' })).toEqual([0, 5]);
    expect(rangeOf([-3, 1], { symmetric: 'if-negative' })).toEqual([-3, 3]);
  });

  it('always is [−m, m] with m the largest magnitude, for values that are not all 0', () => {
    fc.assert(
      fc.property(fc.array(finite, { minLength: 2, maxLength: 40 }), (v) => {
        fc.pre(v.some((x) => x !== 0) && new Set(v).size > 1);
        const m = Math.max(...v.map(Math.abs));
        expect(rangeOf(v, { symmetric: 'always' })).toEqual([-m, m]);
      }),
    );
  });
});
