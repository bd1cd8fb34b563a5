import type { BlockKind } from './layout';

/**
 * Layer-family colours from the Okabe–Ito palette, distinguishable with the
 * common colour-vision deficiencies; blocks also carry a dark outline so their
 * edges meet WCAG's 3:1 contrast for graphics whatever the fill.
 */
export const BLOCK_COLORS: Readonly<Record<BlockKind, string>> = {
  input: '#bbbbbb',
  conv: '#0072b2',
  pool: '#e69f00',
  dense: '#cc79a7',
  flatten: '#999999',
  norm: '#009e73',
  activation: '#56b4e9',
  dropout: '#f0e442',
  merge: '#d55e00',
  unknown: '#ffffff',
};

export const BLOCK_LEGEND: readonly { kind: BlockKind; label: string }[] = [
  { kind: 'input', label: 'Input' },
  { kind: 'conv', label: 'Convolution' },
  { kind: 'pool', label: 'Pooling' },
  { kind: 'flatten', label: 'Flatten' },
  { kind: 'dense', label: 'Dense' },
  { kind: 'norm', label: 'Batch norm' },
  { kind: 'activation', label: 'Activation' },
  { kind: 'dropout', label: 'Dropout' },
  { kind: 'merge', label: 'Add / concat' },
];
