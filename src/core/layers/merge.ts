import { largestField } from '../receptiveField';
import { formatShape, type Shape } from '../shape';
import { defineLayer, failedOutcome, type LayerDefinition, type LayerOutcome } from './types';

const listShapes = (shapes: readonly Shape[]): string => shapes.map(formatShape).join(', ');

/** A layer's failure, told on its `inputs` field. */
const inputsError = (message: string): LayerOutcome =>
  failedOutcome([{ severity: 'error', field: 'inputs', message }]);

/** What sets one merge layer apart; the rest (two inputs or more, no weights) they share. */
interface MergeSpec {
  readonly type: string;
  readonly label: string;
  readonly summary: string;
  readonly shapePreserving: boolean;
  /** Why these inputs cannot be merged, or null when they can; `first` is `shapes[0]`. */
  mismatch(shapes: readonly Shape[], first: Shape): string | null;
  outputShape(shapes: readonly Shape[], first: Shape): Shape;
}

/** A layer combining two or more inputs without weights: its field reaches as far as its widest input's. */
function defineMerge(spec: MergeSpec): LayerDefinition {
  const { mismatch, outputShape, ...info } = spec;
  return defineLayer({
    ...info,
    multiInput: true,
    fields: [],
    evaluate(context) {
      const shapes = context.inputShapes;
      if (shapes.length < 2) {
        return inputsError(
          `${spec.type} needs at least two inputs; list them by id in "inputs", e.g. "inputs": ["block_in", "conv_b"].`,
        );
      }
      const [first] = shapes as [Shape, ...Shape[]];
      const problem = mismatch(shapes, first);
      if (problem) return inputsError(problem);
      return {
        outputShape: outputShape(shapes, first),
        params: 0,
        state: 0,
        macs: 0,
        receptiveField: largestField(context.inputFields.filter((f) => f !== null)),
        issues: [],
      };
    },
  });
}

/** Element-wise sum of equally shaped inputs: the skip connection of residual networks. */
export const add = defineMerge({
  type: 'add',
  label: 'Add (skip connection)',
  summary:
    'Adds its inputs value by value; with a skip connection the gradient flows straight through.',
  shapePreserving: true,
  mismatch: (shapes, first) =>
    shapes.every((s) => formatShape(s) === formatShape(first))
      ? null
      : `add needs inputs of the same shape but got ${listShapes(shapes)}. Match them, for example with a 1×1 convolution on the shortcut.`,
  outputShape: (_, first) => first,
});

/** Concatenation along the channel axis (or of vectors): the joint of inception and dense blocks. */
export const concat = defineMerge({
  type: 'concat',
  label: 'Concatenate',
  summary: 'Stacks its inputs along the channel axis, as inception modules and dense blocks do.',
  shapePreserving: false,
  mismatch: (shapes, first) => {
    const sameRank = shapes.every((s) => s.length === first.length);
    const sameGrid = shapes.every((s) => s.slice(0, -1).join() === first.slice(0, -1).join());
    return sameRank && sameGrid
      ? null
      : `concat joins along the channels, so every input needs the same height and width; got ${listShapes(shapes)}.`;
  },
  outputShape: (shapes, first) => [
    ...first.slice(0, -1),
    shapes.reduce((sum, s) => sum + (s[s.length - 1] ?? 0), 0),
  ],
});
