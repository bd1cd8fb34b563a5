import type { LayerReport } from '../../core/analyze';
import { fieldOfUnit } from '../../core/receptiveField';
import { formatShape, isSpatial } from '../../core/shape';
import { layerName, layerOf, layerWords } from './layers';
import {
  failed,
  formatNumber,
  numberParam,
  passed,
  type Checker,
  type ParamSpec,
  type ParamValues,
} from './types';

const layerSpec = (optional = false): ParamSpec => ({
  name: 'layer',
  kind: 'layer',
  meaning: "the layer's index (0 is the first, −1 the last) or name",
  min: -500,
  max: 499,
  optional,
});
const sideSpec = (name: string, meaning: string): ParamSpec => ({
  name,
  kind: 'number',
  meaning,
  integer: true,
  min: 1,
  max: 100_000,
});
const countSpec = (name: string, meaning: string): ParamSpec => ({
  name,
  kind: 'number',
  meaning,
  integer: true,
  min: 0,
  max: 1e12,
});

const layerRef = (params: ParamValues): number | string | undefined => params.layer;

/** What to try for a side that should shrink or grow, with the factor when a stride would do it. */
function sideNudge(now: number, want: number): string {
  if (now > want) {
    const factor = Math.round(now / want);
    return factor >= 2 && Math.abs(now / want - factor) < 0.25
      ? `try a stride of ${factor} (or a pooling layer)`
      : 'try a stride, a larger kernel, less padding or a pooling layer';
  }
  return 'try more padding, a smaller kernel or a smaller stride';
}

/** "conv1 outputs 14×14×8": height, width and channels of one layer's output. */
export const layerOutputShape: Checker = {
  id: 'layer-output-shape',
  label: 'A layer outputs a given shape',
  params: [
    layerSpec(),
    sideSpec('h', 'output height'),
    sideSpec('w', 'output width'),
    sideSpec('c', 'output channels'),
  ],
  describe: (p) => `Change the network so ${layerWords(layerRef(p))} outputs ${p.h}×${p.w}×${p.c}.`,
  check: ({ report }, p) => {
    const found = layerOf(report, layerRef(p));
    if ('missing' in found) return failed(found.missing);
    const { layer } = found;
    const shape = layer.outputShape;
    const want = [numberParam(p, 'h'), numberParam(p, 'w'), numberParam(p, 'c')] as const;
    const wanted = formatShape(want);
    if (!shape)
      return failed(`${layerName(layer)} has no output shape yet; fix the layers before it.`);
    if (!isSpatial(shape))
      return failed(
        `${layerName(layer)} outputs a vector of ${formatNumber(shape[0] ?? 0)} values, not a ${wanted} image; it must come before any flatten or dense layer.`,
      );
    const names = ['height', 'width', 'channels'] as const;
    const wrong = names
      .map((name, axis) => ({ name: name as string, now: shape[axis] ?? 0, want: want[axis] ?? 0 }))
      .filter((d) => d.now !== d.want);
    if (wrong.length === 0) return passed(`${layerName(layer)} outputs ${wanted}.`);
    // A square map usually has both sides wrong the same way: say it once.
    const [first, second] = wrong;
    if (
      first?.name === 'height' &&
      second?.name === 'width' &&
      first.now === second.now &&
      first.want === second.want
    )
      wrong.splice(0, 2, { ...first, name: 'height and width' });
    const says = wrong.map((d) =>
      d.name === 'channels'
        ? `the channels are still ${d.now}, not ${d.want}: ${layer.type === 'conv2d' ? 'set its number of filters' : 'change the filters of the convolution before it'}`
        : `the ${d.name} ${d.name === 'height and width' ? 'are' : 'is'} still ${d.now}, not ${d.want}; ${sideNudge(d.now, d.want)}`,
    );
    return failed(`${layerName(layer)} outputs ${formatShape(shape)}: ${says.join('; ')}.`);
  },
};

/** The parameters of one layer, or of the whole network when no layer is named. */
function countOf(ctx: Parameters<Checker['check']>[0], p: ParamValues) {
  if (p.layer === undefined) {
    if (ctx.report.errors.length > 0) return layerOf(ctx.report, undefined) as { missing: string };
    return { count: ctx.report.totalParams, what: 'The network' };
  }
  const found = layerOf(ctx.report, p.layer);
  return 'missing' in found
    ? found
    : { count: found.layer.paramCount, what: layerName(found.layer) };
}

const plural = (n: number) => `${formatNumber(n)} parameter${n === 1 ? '' : 's'}`;

/** "With at most 20,000 parameters": the network's (or a layer's) trainable parameter count. */
export const paramCountAtMost: Checker = {
  id: 'param-count-at-most',
  label: 'At most so many parameters',
  params: [countSpec('max', 'the most parameters allowed'), layerSpec(true)],
  describe: (p) => `Make ${layerWords(layerRef(p))} have at most ${plural(numberParam(p, 'max'))}.`,
  check: (ctx, p) => {
    const found = countOf(ctx, p);
    if ('missing' in found) return failed(found.missing);
    const max = numberParam(p, 'max');
    return found.count <= max
      ? passed(`${found.what} has ${plural(found.count)}, within ${formatNumber(max)}.`)
      : failed(
          `${found.what} has ${plural(found.count)}, ${formatNumber(found.count - max)} more than ${formatNumber(max)}; try fewer filters or units, or a pooling layer before the first dense layer.`,
        );
  },
};

/** "How many parameters does it take?": exactly this many parameters. */
export const paramCountEquals: Checker = {
  id: 'param-count-equals',
  label: 'Exactly so many parameters',
  params: [countSpec('count', 'the parameter count wanted'), layerSpec(true)],
  describe: (p) =>
    `Make ${layerWords(layerRef(p))} have exactly ${plural(numberParam(p, 'count'))}.`,
  check: (ctx, p) => {
    const found = countOf(ctx, p);
    if ('missing' in found) return failed(found.missing);
    const want = numberParam(p, 'count');
    if (found.count === want) return passed(`${found.what} has exactly ${plural(want)}.`);
    const diff = found.count - want;
    return failed(
      `${found.what} has ${plural(found.count)}, ${formatNumber(Math.abs(diff))} ${diff > 0 ? 'more' : 'fewer'} than the ${formatNumber(want)} asked for.`,
    );
  },
};

const fieldText = (layer: LayerReport): string =>
  layer.receptiveField ? `${layer.receptiveField.size[0]}×${layer.receptiveField.size[1]}` : 'none';

/** "Grow the receptive field to 16 pixels": the smaller side of a layer's field. */
export const receptiveFieldAtLeast: Checker = {
  id: 'receptive-field-at-least',
  label: 'A receptive field at least so large',
  params: [layerSpec(), sideSpec('size', 'the smallest field side, in input pixels')],
  describe: (p) =>
    `Make the receptive field of ${layerWords(layerRef(p))} at least ${p.size}×${p.size} input pixels.`,
  check: ({ report }, p) => {
    const found = layerOf(report, layerRef(p));
    if ('missing' in found) return failed(found.missing);
    const { layer } = found;
    const field = layer.receptiveField;
    const size = numberParam(p, 'size');
    if (!field)
      return failed(
        `${layerName(layer)} has no receptive field on an image (the input is not an image).`,
      );
    const side = Math.min(field.size[0], field.size[1]);
    return side >= size
      ? passed(
          `The receptive field of ${layerName(layer)} is ${fieldText(layer)} pixels, at least ${size}.`,
        )
      : failed(
          `The receptive field of ${layerName(layer)} is ${fieldText(layer)} pixels, ${size - side} short of ${size}; add a convolution or a pooling layer before it, or use a larger kernel.`,
        );
  },
};

const pixelSpec = (name: string, meaning: string): ParamSpec => ({
  name,
  kind: 'number',
  meaning,
  integer: true,
  min: 0,
  max: 9_999,
});

/** "Find a unit of conv2 whose field covers the top-left corner": the selected unit's theoretical field. */
export const unitFieldCovers: Checker = {
  id: 'unit-field-covers',
  label: "The selected unit's field covers an input pixel",
  params: [
    layerSpec(),
    pixelSpec('row', 'the input row, from 0 at the top'),
    pixelSpec('col', 'the input column, from 0 at the left'),
  ],
  describe: (p) =>
    `Select a unit of ${layerWords(layerRef(p))} whose receptive field covers input pixel (row ${p.row}, column ${p.col}).`,
  check: ({ report, settings }, p) => {
    const found = layerOf(report, layerRef(p));
    if ('missing' in found) return failed(found.missing);
    const { layer } = found;
    const row = numberParam(p, 'row');
    const col = numberParam(p, 'col');
    const input = report.input;
    if (input && isSpatial(input) && (row >= input[0] || col >= input[1]))
      return failed(`The input is ${formatShape(input)}, so it has no pixel (${row}, ${col}).`);
    if (settings.selectedLayer !== layer.index)
      return failed(
        `Select a unit of ${layerName(layer)} first: the selected layer is layer ${settings.selectedLayer + 1}.`,
      );
    const shape = layer.outputShape;
    const field = layer.receptiveField;
    if (!shape || !isSpatial(shape) || !field)
      return failed(`${layerName(layer)} has no feature map on the image to pick a unit from.`);
    const unit = settings.selectedUnit;
    if (unit.row >= shape[0] || unit.col >= shape[1])
      return failed(
        `Unit (${unit.row}, ${unit.col}) is outside ${layerName(layer)}'s ${shape[0]}×${shape[1]} map.`,
      );
    const seen = fieldOfUnit(field, unit.row, unit.col);
    const where = `Unit (${unit.row}, ${unit.col}) of ${layerName(layer)} sees rows ${seen.top} to ${seen.bottom} and columns ${seen.left} to ${seen.right} of the input`;
    const vertical = row < seen.top ? 'up' : row > seen.bottom ? 'down' : '';
    const horizontal = col < seen.left ? 'left' : col > seen.right ? 'right' : '';
    if (!vertical && !horizontal) return passed(`${where}, which includes pixel (${row}, ${col}).`);
    const rows = vertical
      ? Math.ceil(Math.abs((vertical === 'up' ? seen.top : seen.bottom) - row) / field.jump[0])
      : 0;
    const cols = horizontal
      ? Math.ceil(Math.abs((horizontal === 'left' ? seen.left : seen.right) - col) / field.jump[1])
      : 0;
    const moves = [
      rows ? `${rows} unit${rows > 1 ? 's' : ''} ${vertical}` : '',
      cols ? `${cols} unit${cols > 1 ? 's' : ''} ${horizontal}` : '',
    ].filter(Boolean);
    return failed(`${where}, not pixel (${row}, ${col}); try a unit ${moves.join(' and ')}.`);
  },
};

/** The network-shape checkers, in the order the editor lists them. */
export const NETWORK_CHECKERS: readonly Checker[] = [
  layerOutputShape,
  paramCountAtMost,
  paramCountEquals,
  receptiveFieldAtLeast,
  unitFieldCovers,
];
