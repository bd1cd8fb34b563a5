import type { Padding } from '../fields';
import { isSpatial, type Pair } from '../shape';
import { fieldAfterWindow, needsImageInput, onlyInput, wholeImageField } from './inputs';
import { defineLayer, failedOutcome, type LayerDefinition, type LayerIssue } from './types';
import { slideWindow } from './windowed';

interface PoolParams extends Record<string, Pair | Padding> {
  size: Pair;
  stride: Pair;
  padding: Padding;
}

const NO_DILATION: Pair = [1, 1];

/** Padding wider than half the window would make windows of padding alone. */
function paddingTooWide(p: PoolParams): LayerIssue | null {
  if (p.padding === 'same') return null;
  const [ph, pw] = p.padding;
  if (ph <= Math.floor(p.size[0] / 2) && pw <= Math.floor(p.size[1] / 2)) return null;
  return {
    severity: 'error',
    field: 'padding',
    message: `pooling padding must be at most half the window (${Math.floor(p.size[0] / 2)} for a ${p.size[0]}-wide window); wider padding makes windows that cover only zeros.`,
  };
}

/**
 * Max or average pooling over K×K windows: output (W − K + 2P)/S + 1 per axis,
 * channels unchanged, no parameters.
 */
function definePooling(type: string, label: string, summary: string): LayerDefinition {
  return defineLayer<PoolParams>({
    type,
    label,
    summary,
    multiInput: false,
    shapePreserving: false,
    fields: [
      { name: 'size', kind: 'pair', label: 'Size', help: 'Window height and width in pixels.' },
      {
        name: 'stride',
        kind: 'pair',
        label: 'Stride',
        help: 'Step between windows; defaults to the window size.',
        defaultFrom: 'size',
      },
      {
        name: 'padding',
        kind: 'padding',
        label: 'Padding',
        help: 'Rows and columns added on each side (at most half the window).',
        default: [0, 0],
      },
    ],
    evaluate(context, p) {
      const { shape, field } = onlyInput(context);
      if (!isSpatial(shape)) return failedOutcome([needsImageInput('Pooling', shape)]);
      const tooWide = paddingTooWide(p);
      if (tooWide) return failedOutcome([tooWide]);
      const { geometry, issues } = slideWindow(shape, {
        noun: 'pooling window',
        kernel: p.size,
        stride: p.stride,
        dilation: NO_DILATION,
        padding: p.padding,
      });
      if (!geometry) return failedOutcome(issues);
      return {
        outputShape: [geometry.height.out, geometry.width.out, shape[2]],
        params: 0,
        state: 0,
        macs: 0,
        receptiveField: fieldAfterWindow(field, geometry, p.stride),
        window: geometry,
        issues,
      };
    },
  });
}

export const maxpool2d = definePooling(
  'maxpool2d',
  'Max pooling',
  'Keeps the largest value of each window, channel by channel.',
);

export const avgpool2d = definePooling(
  'avgpool2d',
  'Average pooling',
  'Replaces each window by the mean of its values, channel by channel.',
);

/** Global average pooling: H×W×C → C, the mean of each whole feature map. */
export const globalavgpool2d = defineLayer({
  type: 'globalavgpool2d',
  label: 'Global average pooling',
  summary: 'Averages each whole feature map into one number, giving one value per channel.',
  multiInput: false,
  shapePreserving: false,
  fields: [],
  evaluate(context) {
    const { shape } = onlyInput(context);
    if (!isSpatial(shape)) return failedOutcome([needsImageInput('Global average pooling', shape)]);
    return {
      outputShape: [shape[2]],
      params: 0,
      state: 0,
      macs: 0,
      receptiveField: wholeImageField(context),
      issues: [],
    };
  },
});
