import type { BlockKind } from './layout';

/**
 * Each layer family's colour and legend label, in legend order; `unknown` has no legend
 * entry. The colours are from the Okabe–Ito palette, distinguishable with the common
 * colour-vision deficiencies; blocks also carry a dark outline so their edges meet WCAG's
 * 3:1 contrast for graphics whatever the fill.
 */
const BLOCK_KINDS: Readonly<Record<BlockKind, { color: string; label: string | null }>> = {
  input: { color: '#bbbbbb', label: 'Input' },
  conv: { color: '#0072b2', label: 'Convolution' },
  pool: { color: '#e69f00', label: 'Pooling' },
  flatten: { color: '#999999', label: 'Flatten' },
  dense: { color: '#cc79a7', label: 'Dense' },
  norm: { color: '#009e73', label: 'Batch norm' },
  activation: { color: '#56b4e9', label: 'Activation' },
  dropout: { color: '#f0e442', label: 'Dropout' },
  merge: { color: '#d55e00', label: 'Add / concat' },
  unknown: { color: '#ffffff', label: null },
};

const kinds = Object.keys(BLOCK_KINDS) as BlockKind[];

/** The fill of each layer family's blocks. */
export const BLOCK_COLORS: Readonly<Record<BlockKind, string>> = Object.fromEntries(
  kinds.map((kind) => [kind, BLOCK_KINDS[kind].color]),
) as Record<BlockKind, string>;

/** The diagram's key: every family a block can show, with its label. */
export const BLOCK_LEGEND: readonly { kind: BlockKind; label: string }[] = kinds.flatMap((kind) => {
  const { label } = BLOCK_KINDS[kind];
  return label === null ? [] : [{ kind, label }];
});
