import type { Activation } from '../activations';
import { formatShape, isSpatial, sizeOf } from '../shape';
import { onlyInput, wholeImageField } from './inputs';
import { FROZEN_FIELD } from './frozen';
import { defineLayer, failedOutcome } from './types';

interface DenseParams extends Record<string, number | Activation | boolean> {
  units: number;
  activation: Activation;
  bias: boolean;
  frozen: boolean;
}

/** Fully connected layer h = act(Wx + b): params N_in·N_out (+N_out biases), MACs N_in·N_out. */
export const dense = defineLayer<DenseParams>({
  type: 'dense',
  label: 'Dense (fully connected)',
  summary:
    'Every output unit takes a weighted sum of every input value, adds a bias and applies the activation.',
  multiInput: false,
  shapePreserving: false,
  fields: [
    { name: 'units', kind: 'count', label: 'Units', help: 'Number of output units (neurons).' },
    {
      name: 'activation',
      kind: 'activation',
      label: 'Activation',
      help: 'Function applied to each unit.',
      default: 'linear',
    },
    {
      name: 'bias',
      kind: 'boolean',
      label: 'Bias',
      help: 'Whether each unit adds a learned bias.',
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
          message: `a dense layer needs a flat vector but receives a ${formatShape(shape)} input. Add a flatten (or global average pooling) layer before it.`,
        },
      ]);
    }
    const inputs = sizeOf(shape);
    return {
      outputShape: [p.units],
      params: inputs * p.units + (p.bias ? p.units : 0),
      state: 0,
      macs: inputs * p.units,
      receptiveField: wholeImageField(context),
      issues: [],
    };
  },
});

/** Flatten: H×W×C → H·W·C values, in row-major (height, width, channel) order. */
export const flatten = defineLayer({
  type: 'flatten',
  label: 'Flatten',
  summary: 'Unrolls the feature maps into one long vector so dense layers can follow.',
  multiInput: false,
  shapePreserving: false,
  fields: [],
  evaluate(context) {
    const { shape, field } = onlyInput(context);
    const spatial = isSpatial(shape);
    return {
      outputShape: [sizeOf(shape)],
      params: 0,
      state: 0,
      macs: 0,
      receptiveField: spatial ? wholeImageField(context) : field,
      issues: spatial
        ? []
        : [
            {
              severity: 'warning',
              message: 'the input is already a flat vector, so flatten changes nothing.',
            },
          ],
    };
  },
});
