import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import { agreesWithEngine, isZeroGradientCheck } from '../../../src/core/inspectionMaths';

describe('agreesWithEngine', () => {
  it('accepts a float32 rounding of our float64 number, for any magnitude', () => {
    fc.assert(
      fc.property(fc.double({ min: -1e30, max: 1e30, noNaN: true }), (x) => {
        expect(agreesWithEngine(x, Math.fround(x))).toBe(true);
      }),
    );
  });
  it('rejects a relative error of 1 %, and accepts it when the tolerance allows', () => {
    fc.assert(
      fc.property(fc.double({ min: 1e-3, max: 1e6, noNaN: true }), (x) => {
        expect(agreesWithEngine(x, x * 1.01)).toBe(false);
        expect(agreesWithEngine(x, x * 1.01, 0.02)).toBe(true);
      }),
    );
  });
  it('treats differences below 10⁻⁶ as agreement even between tiny numbers', () => {
    expect(agreesWithEngine(1e-9, 5e-7)).toBe(true);
    expect(agreesWithEngine(0, 2e-6)).toBe(false);
  });
});

describe('isZeroGradientCheck', () => {
  it('is true only when both gradients are below their thresholds', () => {
    expect(isZeroGradientCheck({ backprop: 0, numerical: 3e-7 })).toBe(true);
    expect(isZeroGradientCheck({ backprop: 2e-9, numerical: 0 })).toBe(false);
    expect(isZeroGradientCheck({ backprop: 0, numerical: -2e-6 })).toBe(false);
  });
});
