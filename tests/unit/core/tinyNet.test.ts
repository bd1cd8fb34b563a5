import { describe, expect, it } from 'vitest';
import {
  TINY_NET_DEFAULTS,
  TINY_NET_WEIGHTS,
  tinyNetBackward,
  tinyNetForward,
  tinyNetNumericalGradient,
  type TinyNetParams,
} from '../../../src/core/tinyNet';

describe('the 2-2-1 tanh network with squared error', () => {
  it('computes the forward pass by hand for simple weights', () => {
    const p: TinyNetParams = {
      ...TINY_NET_DEFAULTS,
      x1: 1,
      x2: 2,
      y: 0,
      w1: 0.5,
      w2: 0,
      w3: 0,
      w4: -0.25,
      w5: 1,
      w6: 2,
      b1: 0,
      b2: 0,
      b3: 0.1,
    };
    const fw = tinyNetForward(p);
    expect(fw.h1).toBeCloseTo(0.5, 12);
    expect(fw.h2).toBeCloseTo(-0.5, 12);
    expect(fw.u1).toBeCloseTo(Math.tanh(0.5), 12);
    expect(fw.u2).toBeCloseTo(-Math.tanh(0.5), 12);
    // u1·1 + u2·2 + 0.1 = −tanh(0.5) + 0.1
    expect(fw.f).toBeCloseTo(0.1 - Math.tanh(0.5), 12);
    expect(fw.error).toBeCloseTo(0.5 * (0.1 - Math.tanh(0.5)) ** 2, 12);
  });

  it('chains the deltas as the lecture does', () => {
    const p = TINY_NET_DEFAULTS;
    const fw = tinyNetForward(p);
    const bw = tinyNetBackward(p, fw);
    expect(bw.delta1).toBeCloseTo(fw.f - p.y, 12);
    expect(bw.delta2).toBeCloseTo(bw.delta1 * p.w5, 12);
    expect(bw.delta3).toBeCloseTo(bw.delta1 * p.w6, 12);
    expect(bw.delta4).toBeCloseTo(bw.delta2 * (1 - Math.tanh(fw.h1) ** 2), 12);
    expect(bw.delta5).toBeCloseTo(bw.delta3 * (1 - Math.tanh(fw.h2) ** 2), 12);
    expect(bw.gradients.w1).toBeCloseTo(bw.delta4 * p.x1, 12);
    expect(bw.gradients.w4).toBeCloseTo(bw.delta5 * p.x2, 12);
    expect(bw.gradients.b3).toBe(bw.delta1);
  });

  it.each([
    ['the defaults', TINY_NET_DEFAULTS],
    [
      'large weights that saturate tanh',
      { ...TINY_NET_DEFAULTS, w1: 3, w2: -2.5, w3: -1.5, w4: 4, x1: 1.2, y: -0.7 },
    ],
    ['a target already met', { ...TINY_NET_DEFAULTS, y: tinyNetForward(TINY_NET_DEFAULTS).f }],
  ])('agrees with finite differences for every weight (%s)', (_, p) => {
    const bw = tinyNetBackward(p, tinyNetForward(p));
    for (const w of TINY_NET_WEIGHTS) {
      const numerical = tinyNetNumericalGradient(p, w, 1e-5);
      expect(Math.abs(numerical - bw.gradients[w])).toBeLessThan(1e-8);
    }
  });

  it('gives zero gradients when the output equals the target, and changes when a weight does', () => {
    const exact = { ...TINY_NET_DEFAULTS, y: tinyNetForward(TINY_NET_DEFAULTS).f };
    const bw = tinyNetBackward(exact, tinyNetForward(exact));
    for (const w of TINY_NET_WEIGHTS) expect(bw.gradients[w]).toBeCloseTo(0, 12);
    const moved = { ...TINY_NET_DEFAULTS, w5: -0.9 };
    expect(tinyNetForward(moved).f).not.toBeCloseTo(tinyNetForward(TINY_NET_DEFAULTS).f, 3);
  });
});
