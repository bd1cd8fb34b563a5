import type { Activation } from '../activations';
import { channelsOf } from '../shape';
import { onlyInput } from './inputs';
import { FROZEN_FIELD } from './frozen';
import { defineLayer, type LayerContext, type LayerOutcome } from './types';

/** A layer that keeps its input's shape and field. */
function passThrough(context: LayerContext, params: number, state: number): LayerOutcome {
  const { shape, field } = onlyInput(context);
  return { outputShape: shape, params, state, macs: 0, receptiveField: field, issues: [] };
}

/** Dropout: during training each value is zeroed with probability `rate` (and the rest scaled). */
export const dropout = defineLayer<{ rate: number }>({
  type: 'dropout',
  label: 'Dropout',
  summary:
    'While training, zeroes each value at random with the given probability; does nothing at test time.',
  multiInput: false,
  shapePreserving: true,
  fields: [
    {
      name: 'rate',
      kind: 'rate',
      label: 'Rate',
      help: 'Probability of dropping each value while training.',
      default: 0.5,
    },
  ],
  evaluate: (context) => passThrough(context, 0, 0),
});

/** Batch normalisation per channel: params γ, β (2C); state: running mean and variance (2C). */
export const batchnorm = defineLayer<{ frozen: boolean }>({
  type: 'batchnorm',
  label: 'Batch normalisation',
  summary:
    'Normalises each channel to zero mean and unit variance over the batch, then scales and shifts it by learned γ and β.',
  multiInput: false,
  shapePreserving: true,
  fields: [FROZEN_FIELD],
  evaluate(context) {
    const channels = channelsOf(onlyInput(context).shape);
    return passThrough(context, 2 * channels, 2 * channels);
  },
});

/** A stand-alone activation function applied to every value. */
export const activation = defineLayer<{ fn: Activation }>({
  type: 'activation',
  label: 'Activation',
  summary: 'Applies a non-linear function to every value.',
  multiInput: false,
  shapePreserving: true,
  fields: [{ name: 'fn', kind: 'activation', label: 'Function', help: 'The activation function.' }],
  evaluate: (context) => passThrough(context, 0, 0),
});
