import type { Activation } from '../activations';
import type { Padding } from '../fields';
import { isSpatial, type Pair } from '../shape';
import { fieldAfterWindow, needsImageInput, onlyInput } from './inputs';
import { FROZEN_FIELD } from './frozen';
import { defineLayer, failedOutcome } from './types';
import { slideWindow } from './windowed';

interface Conv2DParams extends Record<string, Pair | Padding | number | boolean | Activation> {
  filters: number;
  kernel: Pair;
  stride: Pair;
  padding: Padding;
  dilation: Pair;
  activation: Activation;
  bias: boolean;
  frozen: boolean;
}

/**
 * 2-D convolution: each of F filters of size K×K×C slides over the input.
 * Output (W − K_eff + 2P)/S + 1 per axis; params K·K·C·F (+F biases);
 * MACs H_out·W_out·F·K·K·C.
 */
export const conv2d = defineLayer<Conv2DParams>({
  type: 'conv2d',
  label: 'Convolution',
  summary:
    'Slides each filter over the input and takes a dot product with every window, giving one feature map per filter.',
  multiInput: false,
  shapePreserving: false,
  fields: [
    {
      name: 'filters',
      kind: 'count',
      label: 'Filters',
      help: 'Number of filters, which is the number of output channels.',
    },
    { name: 'kernel', kind: 'pair', label: 'Kernel', help: 'Filter height and width in pixels.' },
    {
      name: 'stride',
      kind: 'pair',
      label: 'Stride',
      help: 'Step between neighbouring windows.',
      default: [1, 1],
    },
    {
      name: 'padding',
      kind: 'padding',
      label: 'Padding',
      help: 'Zero rows and columns added on each side: a number, "valid" (0) or "same" (keeps size at stride 1).',
      default: [0, 0],
    },
    {
      name: 'dilation',
      kind: 'pair',
      label: 'Dilation',
      help: 'Spacing between kernel taps; 1 is an ordinary convolution.',
      default: [1, 1],
    },
    {
      name: 'activation',
      kind: 'activation',
      label: 'Activation',
      help: 'Function applied to each output value.',
      default: 'linear',
    },
    {
      name: 'bias',
      kind: 'boolean',
      label: 'Bias',
      help: 'Whether each filter adds a learned bias.',
      default: true,
    },
    FROZEN_FIELD,
  ],
  evaluate(context, p) {
    const { shape, field } = onlyInput(context);
    if (!isSpatial(shape)) return failedOutcome([needsImageInput('A convolution', shape)]);
    const { geometry, issues } = slideWindow(shape, { noun: 'kernel', ...p });
    if (!geometry) return failedOutcome(issues);
    const [outH, outW, channels] = [geometry.height.out, geometry.width.out, shape[2]];
    const weights = p.kernel[0] * p.kernel[1] * channels * p.filters;
    return {
      outputShape: [outH, outW, p.filters],
      params: weights + (p.bias ? p.filters : 0),
      state: 0,
      macs: outH * outW * weights,
      receptiveField: fieldAfterWindow(field, geometry, p.stride),
      window: geometry,
      issues,
    };
  },
});
