import { line, scaleLinear, scaleLog, scalePoint } from 'd3';
import type { NetworkReport } from '../../core/analyze';
import { isSpatial } from '../../core/shape';
import { spatialLayerIndices } from './feeding';

/** One step of the growth chart: the field and jump (rows) after a layer. */
export interface GrowthStep {
  /** Layer index, or -1 for the input (field 1, jump 1). */
  readonly index: number;
  readonly name: string;
  readonly type: string;
  /** Receptive-field side (rows) on the input, in pixels. */
  readonly size: number;
  /** Distance on the input between neighbouring units: the product of the strides so far. */
  readonly jump: number;
  /** How the layer changed the field from the step before: "+4", "+0", "−6" (another path). */
  readonly sizeChange: string;
  /** How it changed the jump: "×2" for a stride of 2, "" when unchanged. */
  readonly jumpChange: string;
}

const signed = (n: number): string => (n < 0 ? `−${-n}` : `+${n}`);

/**
 * The input and every spatial layer in order, with its receptive field and jump along
 * the rows, and the change from the step before: a stride-1 K×K convolution adds
 * (K − 1)·jump, a stride S multiplies the jump (and so every later addition) by S.
 */
export function growthSteps(report: NetworkReport): GrowthStep[] {
  if (!report.input || !isSpatial(report.input)) return [];
  const steps: GrowthStep[] = [
    { index: -1, name: 'input', type: 'input', size: 1, jump: 1, sizeChange: '', jumpChange: '' },
  ];
  for (const index of spatialLayerIndices(report)) {
    const layer = report.layers[index];
    const field = layer?.receptiveField;
    const previous = steps[steps.length - 1];
    if (!layer || !field || !previous) continue;
    const [size, jump] = [field.size[0], field.jump[0]];
    const ratio = jump / previous.jump;
    steps.push({
      index,
      name: layer.name,
      type: layer.type,
      size,
      jump,
      sizeChange: signed(size - previous.size),
      jumpChange: ratio === 1 ? '' : Number.isInteger(ratio) ? `×${ratio}` : `×${ratio.toFixed(2)}`,
    });
  }
  return steps;
}

export type GrowthScale = 'linear' | 'log';

export interface GrowthPoint extends GrowthStep {
  readonly x: number;
  readonly sizeY: number;
  readonly jumpY: number;
  /** True when the x-axis shows this step's name (names are thinned when crowded). */
  readonly labelled: boolean;
}

export interface GrowthLayout {
  readonly width: number;
  readonly height: number;
  readonly plot: {
    readonly left: number;
    readonly top: number;
    readonly right: number;
    readonly bottom: number;
  };
  readonly points: readonly GrowthPoint[];
  /** SVG path data of the field and the jump series. */
  readonly sizePath: string;
  readonly jumpPath: string;
  readonly yTicks: readonly { readonly value: number; readonly y: number }[];
  /** The image's height as a horizontal reference line, when it fits the scale. */
  readonly imageLine: { readonly value: number; readonly y: number } | null;
  /** Distance between neighbouring steps along x. */
  readonly spacing: number;
}

const MARGIN = { left: 56, right: 20, top: 28, bottom: 92 };
/** The narrowest spacing at which every rotated layer name still fits. */
const LABEL_GAP = 24;

/**
 * Positions for the growth chart: steps evenly across, the field and jump up on a
 * linear scale (stride-1 stacks grow along a straight line) or a log-2 scale
 * (striding grows along a straight line). Names are thinned to fit, keeping the
 * first, the last and the selected layer.
 */
export function growthLayout(
  steps: readonly GrowthStep[],
  options: {
    width: number;
    height: number;
    scale: GrowthScale;
    imageSize: number;
    selected: number;
  },
): GrowthLayout {
  const { width, height, scale, imageSize, selected } = options;
  const plot = {
    left: MARGIN.left,
    top: MARGIN.top,
    right: Math.max(MARGIN.left + 1, width - MARGIN.right),
    bottom: Math.max(MARGIN.top + 1, height - MARGIN.bottom),
  };
  const x = scalePoint<number>()
    .domain(steps.map((_, i) => i))
    .range([plot.left, plot.right])
    .padding(0.5);
  const top = Math.max(2, imageSize, ...steps.map((s) => Math.max(s.size, s.jump)));
  const y =
    scale === 'log'
      ? scaleLog().base(2).domain([1, top]).range([plot.bottom, plot.top]).nice()
      : scaleLinear().domain([0, top]).range([plot.bottom, plot.top]).nice();
  const spacing = x.step();
  const every = Math.max(1, Math.ceil(LABEL_GAP / Math.max(spacing, 1)));
  const points: GrowthPoint[] = steps.map((s, i) => ({
    ...s,
    x: x(i) ?? plot.left,
    sizeY: y(s.size),
    jumpY: y(s.jump),
    labelled: i % every === 0 || i === steps.length - 1 || s.index === selected,
  }));
  const path = line<GrowthPoint>().x((p) => p.x);
  const ticks =
    scale === 'log'
      ? y.ticks().filter((v) => Number.isInteger(Math.log2(v)))
      : y.ticks(6).filter((v) => Number.isInteger(v));
  return {
    width,
    height,
    plot,
    points,
    sizePath: path.y((p) => p.sizeY)(points) ?? '',
    jumpPath: path.y((p) => p.jumpY)(points) ?? '',
    yTicks: ticks.map((value) => ({ value, y: y(value) })),
    imageLine: imageSize > 0 ? { value: imageSize, y: y(imageSize) } : null,
    spacing,
  };
}
