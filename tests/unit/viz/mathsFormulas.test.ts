import katex from 'katex';
import { describe, expect, it } from 'vitest';
import type { InspectionData } from '../../../src/core/inspection';
import { softmaxBreakdown } from '../../../src/core/inspectionMaths';
import { TINY_NET_DEFAULTS, tinyNetBackward, tinyNetForward } from '../../../src/core/tinyNet';
import { formatNumber, parseDisplayed, texNumber } from '../../../src/viz/maths/format';
import {
  denseActivationTex,
  denseSumTex,
  finiteDifferenceTex,
  hiddenChainTex,
  largestTerms,
  lossTex,
  outputChainTex,
  relativeErrorTex,
  softmaxTex,
  upstreamTex,
} from '../../../src/viz/maths/formulas';
import { tinyNetSteps } from '../../../src/viz/maths/tinyNetSteps';

const parses = (tex: string) => katex.renderToString(tex, { throwOnError: true });

describe('numbers as the maths panel writes them', () => {
  it('keeps four significant figures and reads back what it wrote', () => {
    expect(formatNumber(0.123456)).toBe('0.1235');
    expect(formatNumber(-2.5)).toBe('−2.5');
    expect(formatNumber(1)).toBe('1');
    expect(formatNumber(3.2e-7)).toBe('3.2e-7');
    expect(formatNumber(-1.23456e-5)).toBe('−1.235e-5');
    expect(parseDisplayed('−1.235e-5')).toBeCloseTo(-1.235e-5, 12);
    expect(texNumber(-1.5e-6)).toBe('-1.5\\times 10^{-6}');
  });
});

describe('the formulas typeset', () => {
  it('every step of the tiny network is valid TeX and the steps follow the lecture’s order', () => {
    const steps = tinyNetSteps(TINY_NET_DEFAULTS);
    for (const s of steps) expect(() => parses(s.tex)).not.toThrow();
    const names = steps.flatMap((s) => Object.keys(s.values));
    expect(names.slice(0, 6)).toEqual(['h1', 'h2', 'u1', 'u2', 'f', 'E']);
    const deltas = names.filter((k) => k.startsWith('delta'));
    expect(deltas).toEqual(['delta1', 'delta2', 'delta3', 'delta4', 'delta5']);
    const bw = tinyNetBackward(TINY_NET_DEFAULTS, tinyNetForward(TINY_NET_DEFAULTS));
    const last = steps.at(-1);
    expect(last?.values.w4).toBe(bw.gradients.w4);
    expect(last?.tex).toContain(texNumber(bw.gradients.w4));
  });

  it('dense, softmax, chain-rule and gradient-check formulas are valid TeX with the numbers in them', () => {
    const terms = [0.5, 0, -1, 2, 0.25, 3].map((x, i) => ({ i, x, w: 0.1 * (i + 1) }));
    const unit = {
      unit: 2,
      terms,
      sum: terms.reduce((s, t) => s + t.x * t.w, 0),
      bias: -0.05,
      preActivation: 0,
      output: 0,
      engineOutput: 0,
    };
    // Products 0.05, 0, −0.3, 0.8, 0.125, 1.8: the four largest in size, in input order.
    expect(largestTerms(unit).map((t) => t.i)).toEqual([2, 3, 4, 5]);
    expect(() => parses(denseSumTex(unit))).not.toThrow();
    expect(denseSumTex(unit)).toContain('2 more terms');
    expect(() => parses(denseActivationTex(unit, 'relu'))).not.toThrow();
    expect(() => parses(denseActivationTex(unit, 'softmax'))).not.toThrow();
    const inspection = {
      label: 1,
      logits: Float32Array.from([0.5, 2, -1]),
      outputGradients: [],
      loss: 0,
    } as unknown as InspectionData;
    const s = softmaxBreakdown(inspection);
    expect(() => parses(softmaxTex(s))).not.toThrow();
    expect(lossTex(s)).toContain(texNumber(s.loss));
    expect(() => parses(lossTex(s))).not.toThrow();
    const c = {
      i: 3,
      j: 1,
      input: 0.7,
      preActivation: -0.2,
      upstream: 0.3,
      upstreamFromNext: 0.3,
      derivative: 0,
      delta: 0,
      product: 0,
      engineGradient: 0,
    };
    for (const tex of [outputChainTex(c), hiddenChainTex(c, 'relu'), upstreamTex(c, true)])
      expect(() => parses(tex)).not.toThrow();
    const r = {
      lossPlus: 0.51,
      lossMinus: 0.49,
      epsilon: 0.01,
      numerical: 1,
      backprop: -0.999,
      relativeError: 1e-3,
    };
    expect(() => parses(finiteDifferenceTex(r))).not.toThrow();
    expect(() => parses(relativeErrorTex(r))).not.toThrow();
  });
});
