import { largestField } from '../receptiveField';
import { formatShape, type Shape } from '../shape';
import { defineLayer, failedOutcome, type LayerContext } from './types';

const listShapes = (shapes: readonly Shape[]): string => shapes.map(formatShape).join(', ');

function tooFewInputs(context: LayerContext, verb: string) {
  return context.inputShapes.length < 2
    ? failedOutcome([
        {
          severity: 'error',
          field: 'inputs',
          message: `${verb} needs at least two inputs; list them by id in "inputs", e.g. "inputs": ["block_in", "conv_b"].`,
        },
      ])
    : null;
}

/** Element-wise sum of equally shaped inputs: the skip connection of residual networks. */
export const add = defineLayer({
  type: 'add',
  label: 'Add (skip connection)',
  summary:
    'Adds its inputs value by value; with a skip connection the gradient flows straight through.',
  multiInput: true,
  shapePreserving: true,
  fields: [],
  evaluate(context) {
    const few = tooFewInputs(context, 'add');
    if (few) return few;
    const [first] = context.inputShapes as [Shape, ...Shape[]];
    const same = context.inputShapes.every((s) => formatShape(s) === formatShape(first));
    if (!same) {
      return failedOutcome([
        {
          severity: 'error',
          field: 'inputs',
          message: `add needs inputs of the same shape but got ${listShapes(context.inputShapes)}. Match them, for example with a 1×1 convolution on the shortcut.`,
        },
      ]);
    }
    return {
      outputShape: first,
      params: 0,
      state: 0,
      macs: 0,
      receptiveField: largestField(context.inputFields.filter((f) => f !== null)),
      issues: [],
    };
  },
});

/** Concatenation along the channel axis (or of vectors): the joint of inception and dense blocks. */
export const concat = defineLayer({
  type: 'concat',
  label: 'Concatenate',
  summary: 'Stacks its inputs along the channel axis, as inception modules and dense blocks do.',
  multiInput: true,
  shapePreserving: false,
  fields: [],
  evaluate(context) {
    const few = tooFewInputs(context, 'concat');
    if (few) return few;
    const shapes = context.inputShapes;
    const [first] = shapes as [Shape, ...Shape[]];
    const sameRank = shapes.every((s) => s.length === first.length);
    const sameGrid = shapes.every((s) => s.slice(0, -1).join() === first.slice(0, -1).join());
    if (!sameRank || !sameGrid) {
      return failedOutcome([
        {
          severity: 'error',
          field: 'inputs',
          message: `concat joins along the channels, so every input needs the same height and width; got ${listShapes(shapes)}.`,
        },
      ]);
    }
    const channels = shapes.reduce((sum, s) => sum + (s[s.length - 1] ?? 0), 0);
    return {
      outputShape: [...first.slice(0, -1), channels],
      params: 0,
      state: 0,
      macs: 0,
      receptiveField: largestField(context.inputFields.filter((f) => f !== null)),
      issues: [],
    };
  },
});
