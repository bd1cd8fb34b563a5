import type { LayerReport, NetworkReport } from '../../core/analyze';
import { formatShape, type Shape } from '../../core/shape';

/** How a layer is drawn: its family decides colour and whether it is a thin marker. */
export type BlockKind =
  | 'input'
  | 'conv'
  | 'pool'
  | 'dense'
  | 'flatten'
  | 'norm'
  | 'activation'
  | 'dropout'
  | 'merge'
  | 'unknown';

export interface DiagramBlock {
  /** Layer index in the document; -1 for the network input. */
  readonly index: number;
  readonly name: string;
  readonly kind: BlockKind;
  /** Left edge and top of the front face. */
  readonly x: number;
  readonly y: number;
  /** Front face: its height shows spatial size (or units), its width is fixed. */
  readonly faceWidth: number;
  readonly faceHeight: number;
  /** Drawn depth, showing the channel count; 0 for vectors and markers. */
  readonly depth: number;
  readonly shapeLabel: string;
  /** Thin marker for layers that keep the shape (activation, batch norm, dropout). */
  readonly minor: boolean;
  readonly failed: boolean;
}

export interface DiagramEdge {
  readonly from: number;
  readonly to: number;
  /** True when the input is not the block just before: drawn as an arc above. */
  readonly skip: boolean;
}

export interface DiagramLayout {
  readonly blocks: readonly DiagramBlock[];
  readonly edges: readonly DiagramEdge[];
  readonly width: number;
  readonly height: number;
  /** Height reserved above the blocks for skip-connection arcs. */
  readonly arcSpace: number;
  /** Baseline of the shape labels, below the tallest block. */
  readonly labelY: number;
}

const KIND_BY_TYPE: Readonly<Record<string, BlockKind>> = {
  conv2d: 'conv',
  maxpool2d: 'pool',
  avgpool2d: 'pool',
  globalavgpool2d: 'pool',
  dense: 'dense',
  maxout: 'dense',
  flatten: 'flatten',
  batchnorm: 'norm',
  activation: 'activation',
  dropout: 'dropout',
  add: 'merge',
  concat: 'merge',
};

const MINOR = new Set<BlockKind>(['norm', 'activation', 'dropout']);
const MAX_FACE = 120;
const MIN_FACE = 14;
const FACE_WIDTH = 12;
const MARKER_WIDTH = 5;
const GAP = 16;
const MINOR_GAP = 5;
const LABEL_SPACE = 70;

/** Face height for a side of n pixels (or n units): log-scaled so 7 and 224 both stay visible. */
export function faceHeightFor(n: number, largest: number): number {
  if (n <= 1 || largest <= 1) return MIN_FACE;
  return MIN_FACE + ((MAX_FACE - MIN_FACE) * Math.log(n)) / Math.log(largest);
}

/** Depth for c channels: log-scaled, a thin 2 for a single channel so the block still reads as a map. */
export function depthFor(channels: number): number {
  return channels <= 1 ? 2 : Math.min(48, 4 * Math.log2(channels));
}

function sideOf(shape: Shape | null): number {
  if (!shape) return 1;
  return shape.length === 3 ? Math.max(shape[0] ?? 1, shape[1] ?? 1) : (shape[0] ?? 1);
}

/**
 * Lays the network out left to right: one block per layer sized by its output
 * shape, thin markers for shape-keeping layers, arcs for non-sequential inputs.
 */
export function layoutArchitecture(report: NetworkReport): DiagramLayout {
  const entries: {
    index: number;
    name: string;
    kind: BlockKind;
    shape: Shape | null;
    layer?: LayerReport;
  }[] = [
    { index: -1, name: 'input', kind: 'input', shape: report.input },
    ...report.layers.map((layer) => ({
      index: layer.index,
      name: layer.name,
      kind: KIND_BY_TYPE[layer.type] ?? 'unknown',
      shape: layer.outputShape,
      layer,
    })),
  ];
  const largest = Math.max(2, ...entries.map((e) => sideOf(e.shape)));
  const indexByName = new Map(report.layers.map((l) => [l.name, l.index]));
  const edges: DiagramEdge[] = report.layers.flatMap((l) =>
    l.inputNames.map((name) => {
      const from = name === 'input' ? -1 : (indexByName.get(name) ?? -1);
      return { from, to: l.index, skip: from !== l.index - 1 };
    }),
  );
  const arcSpace = edges.some((e) => e.skip) ? 48 : 8;
  const midline = arcSpace + MAX_FACE / 2 + 24;
  let x = 8;
  let previousFace = MIN_FACE;
  const blocks: DiagramBlock[] = entries.map((e, i) => {
    const minor = MINOR.has(e.kind);
    const spatial = e.shape?.length === 3;
    const faceHeight = e.shape ? faceHeightFor(sideOf(e.shape), largest) : previousFace;
    const depth = minor || !spatial ? 0 : depthFor(e.shape?.[2] ?? 1);
    const faceWidth = minor ? MARKER_WIDTH : spatial ? FACE_WIDTH : 9;
    const previousKind = entries[i - 1]?.kind;
    if (previousKind) x += minor || MINOR.has(previousKind) ? MINOR_GAP : GAP;
    const block: DiagramBlock = {
      index: e.index,
      name: e.name,
      kind: e.kind,
      x,
      y: midline - faceHeight / 2,
      faceWidth,
      faceHeight,
      depth,
      shapeLabel: e.shape ? formatShape(e.shape) : '?',
      minor,
      failed: e.layer ? e.layer.outputShape === null : e.shape === null,
    };
    x += faceWidth + depth * 0.6;
    previousFace = faceHeight;
    return block;
  });
  return {
    blocks,
    edges,
    width: x + 8,
    height: midline + MAX_FACE / 2 + LABEL_SPACE,
    arcSpace,
    labelY: midline + MAX_FACE / 2 + 10,
  };
}
