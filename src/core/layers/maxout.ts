import { formatShape, sizeOf } from '../shape';
import { onlyInput, wholeImageField } from './inputs';
import { FROZEN_FIELD } from './frozen';
import { defineLayer, failedOutcome } from './types';

interface MaxoutParams extends Record<string, number | boolean> {
  units: number;
  pieces: number;
  bias: boolean;
  frozen: boolean;
}

/**
 * Maxout parameters for n inputs, m units and k pieces: k·m·(n + 1) with biases, k·m·n
 * without (Goodfellow et al. 2013, "Maxout Networks", ICML: h_j(x) = max_{p ≤ k} z_{jp},
 * z_{jp} = xᵀW_{·jp} + b_{jp}).
 */
export function maxoutParamCount(inputs: number, units: number, pieces: number, bias = true) {
  return pieces * units * (inputs + (bias ? 1 : 0));
}

/**
 * Maxout (Goodfellow et al. 2013): each of m units computes k linear pieces of its input and
 * outputs the largest, h_j = max_p (Wx + b)_{jp}. It is its own non-linearity: with k pieces a
 * unit is any convex piecewise-linear function of k pieces, ReLU (k = 2, one piece 0) among
 * them. Params k·m·(n + 1), MACs k·m·n for n inputs.
 */
export const maxout = defineLayer<MaxoutParams>({
  type: 'maxout',
  label: 'Maxout',
  summary:
    'Each unit computes several linear pieces (weighted sums plus a bias) of its input and outputs the largest.',
  multiInput: false,
  shapePreserving: false,
  fields: [
    { name: 'units', kind: 'count', label: 'Units', help: 'Number of output units (neurons).' },
    {
      name: 'pieces',
      kind: 'count',
      label: 'Pieces',
      help: 'Linear pieces per unit, k; the unit outputs their maximum.',
      default: 2,
    },
    {
      name: 'bias',
      kind: 'boolean',
      label: 'Bias',
      help: 'Whether each piece adds a learned bias.',
      default: true,
    },
    FROZEN_FIELD,
  ],
  evaluate(context, p) {
    const { shape } = onlyInput(context);
    if (shape.length !== 1) {
      return failedOutcome([
        {
          severity: 'error',
          message: `a maxout layer needs a flat vector but receives a ${formatShape(shape)} input. Add a flatten (or global average pooling) layer before it.`,
        },
      ]);
    }
    const inputs = sizeOf(shape);
    return {
      outputShape: [p.units],
      params: maxoutParamCount(inputs, p.units, p.pieces, p.bias),
      state: 0,
      macs: p.pieces * p.units * inputs,
      receptiveField: wholeImageField(context),
      issues:
        p.pieces === 1
          ? [
              {
                severity: 'warning',
                field: 'pieces',
                message:
                  'with one piece the maximum is that piece, so this is a linear dense layer; maxout needs 2 or more.',
              },
            ]
          : [],
    };
  },
});
