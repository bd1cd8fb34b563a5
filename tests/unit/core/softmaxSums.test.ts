import fc from 'fast-check';
import { describe, expect, it } from 'vitest';
import type { InspectionData } from '../../../src/core/inspection';
import { softmaxBreakdown, softmaxSums } from '../../../src/core/inspectionMaths';

/** An inspection with only what the softmax table reads: logits, label and the last gradient. */
function inspectionOf(logits: number[], label: number, lastGradient: number[] | null) {
  return {
    label,
    loss: NaN,
    logits: Float32Array.from(logits),
    outputGradients: lastGradient
      ? [
          {
            layerIndex: 0,
            name: 'out',
            shape: [logits.length],
            data: Float32Array.from(lastGradient),
          },
        ]
      : [],
  } as unknown as InspectionData;
}

/** p − y written out the long way, independently of the breakdown. */
function pMinusY(logits: number[], label: number): number[] {
  const top = Math.max(...logits);
  const e = logits.map((z) => Math.exp(z - top));
  const sum = e.reduce((a, b) => a + b, 0);
  return e.map((v, k) => v / sum - (k === label ? 1 : 0));
}

const logitsArb = fc.array(fc.double({ min: -30, max: 30, noNaN: true }), {
  minLength: 2,
  maxLength: 12,
});

describe('softmaxSums', () => {
  it('probabilities add to 1 and p − y to 0, for any logits', () => {
    fc.assert(
      fc.property(logitsArb, fc.nat(), (z, l) => {
        const sums = softmaxSums(softmaxBreakdown(inspectionOf(z, l % z.length, null)));
        expect(sums.probabilitySum).toBeCloseTo(1, 6);
        expect(sums.gradientSum).toBeCloseTo(0, 6);
      }),
    );
  });

  it('finds the largest difference from the engine’s gradient, skipping classes it left out', () => {
    fc.assert(
      fc.property(logitsArb, fc.nat(), fc.double({ min: 0.01, max: 1, noNaN: true }), (z, l, d) => {
        const label = l % z.length;
        const engine = pMinusY(z, label);
        const off = (label + 1) % z.length;
        engine[off] = (engine[off] ?? 0) + d;
        const sums = softmaxSums(softmaxBreakdown(inspectionOf(z, label, engine)));
        expect(sums.largestGradientDifference).toBeCloseTo(d, 5);
      }),
    );
    const none = softmaxSums(softmaxBreakdown(inspectionOf([1, 2, 3], 0, [1, 2])));
    expect(none.largestGradientDifference).toBe(0);
  });
});
