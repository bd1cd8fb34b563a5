import { describe, expect, test } from 'vitest';
import {
  ACTIVATION_FACTS,
  ACTIVATIONS,
  activationCurveOf,
  elementwiseOf,
  isElementwise,
} from '../../../src/core/activations';
import { parseFieldValue } from '../../../src/core/fields';
import { HIDDEN_ACTIVATIONS } from '../../../src/core/smallMlp';
import { activationReference } from '../../../src/core/reference/activations';
import { finalActivationOf } from '../../../src/core/reference/network';

const ELEMENTWISE = ACTIVATIONS.filter(isElementwise);
/** Points on both sides of every kink, away from the kinks themselves (relu's is at 0). */
const POINTS = [-4, -1.3, -0.25, 0.1, 0.6, 2, 5.5];
const H = 1e-5;

describe('the activation table', () => {
  test('has one row for every activation the network format accepts, and no other', () => {
    expect(Object.keys(ACTIVATION_FACTS).sort()).toEqual([...ACTIVATIONS].sort());
    for (const fn of ACTIVATIONS) {
      expect(parseFieldValue('activation', fn).ok).toBe(true);
      const facts = ACTIVATION_FACTS[fn];
      for (const text of [facts.label, facts.texName, facts.tex, facts.forward, facts.backward])
        expect(text.trim().length).toBeGreaterThan(0);
    }
    expect(parseFieldValue('activation', 'swish').ok).toBe(false);
  });

  test('labels are distinct, so no two activations read alike', () => {
    const labels = ACTIVATIONS.map((fn) => ACTIVATION_FACTS[fn].label);
    expect(new Set(labels).size).toBe(labels.length);
  });

  test.each(ELEMENTWISE)('%s: the derivative is the central difference of the value', (fn) => {
    const { value, derivative } = elementwiseOf(fn);
    for (const x of POINTS) {
      const numeric = (value(x + H) - value(x - H)) / (2 * H);
      expect(derivative(x)).toBeCloseTo(numeric, 6);
    }
  });

  test.each(ACTIVATIONS)(
    '%s: the plotted f is the reference op, and f′ its central difference (float64)',
    (fn) => {
      const { value, derivative } = activationCurveOf(fn);
      // The reference op on the pair (z, 0), first output: the value itself for element-wise
      // activations, softmax's p₁ for softmax. Independent of the curve's own formulas.
      const f = (z: number) =>
        activationReference(fn, { shape: [2], data: Float64Array.from([z, 0]) }).data[0] ?? NaN;
      for (const x of [...POINTS, -8, 8]) {
        expect(value(x)).toBeCloseTo(f(x), 12);
        expect(derivative(x)).toBeCloseTo((f(x + H) - f(x - H)) / (2 * H), 6);
      }
    },
  );

  test.each(ELEMENTWISE.filter((fn) => elementwiseOf(fn).slopeFromOutput))(
    '%s: the slope read off the output agrees with the derivative',
    (fn) => {
      const { value, derivative, slopeFromOutput } = elementwiseOf(fn);
      for (const x of POINTS) expect(slopeFromOutput?.(value(x))).toBeCloseTo(derivative(x), 9);
    },
  );

  test('the slope from the output exists for exactly the activations the backward view undoes', () => {
    // The network panel's backward detail shows the gate for these four; adding one changes it.
    const withSlope = ELEMENTWISE.filter((fn) => elementwiseOf(fn).slopeFromOutput);
    expect(withSlope).toEqual(['linear', 'relu', 'sigmoid', 'tanh']);
  });

  test('the largest slope stated for a reader is the largest derivative on a fine grid', () => {
    const written = { '¼': 0.25, '1': 1 } as const;
    for (const fn of ELEMENTWISE) {
      let largest = 0;
      for (let x = -20; x <= 20; x += 0.01)
        largest = Math.max(largest, elementwiseOf(fn).derivative(x));
      expect(largest).toBeCloseTo(written[elementwiseOf(fn).maxSlope as keyof typeof written], 3);
    }
  });
});

test('He initialisation is suited to exactly the ReLU family: identity above 0, not below', () => {
  for (const fn of ELEMENTWISE) {
    const { value, suitedInit } = elementwiseOf(fn);
    const reluLike = value(2) === 2 && value(-2) !== -2;
    expect(suitedInit).toBe(reluLike ? 'he' : 'glorot');
  }
});

test('the playground offers every element-wise activation once', () => {
  expect([...HIDDEN_ACTIVATIONS].sort()).toEqual([...ELEMENTWISE].sort());
});

describe('finalActivationOf', () => {
  test('reads conv2d and dense activations and the activation layer’s function', () => {
    expect(finalActivationOf({ type: 'dense', params: { activation: 'tanh' } })).toBe('tanh');
    expect(finalActivationOf({ type: 'conv2d', params: { activation: 'relu' } })).toBe('relu');
    expect(finalActivationOf({ type: 'activation', params: { fn: 'softmax' } })).toBe('softmax');
  });
  test('is null for layers without one, unknown names and unparsed parameters', () => {
    expect(finalActivationOf({ type: 'maxpool2d', params: { size: [2, 2] } })).toBeNull();
    expect(finalActivationOf({ type: 'dense', params: { activation: 'swish' } })).toBeNull();
    expect(finalActivationOf({ type: 'dense', params: null })).toBeNull();
  });
});
