import type { LayerDocument } from '../network';

/**
 * torchvision's BasicConv2d: a convolution without bias, batch norm (torchvision's ε is
 * 0.001; the lab's batch norm has one ε, which changes no count), then ReLU. Returns the
 * three layers, the last with id `id`.
 */
export function basicConv(
  id: string,
  inputId: string,
  filters: number,
  kernel: number,
  extra: Readonly<Record<string, unknown>> = {},
): LayerDocument[] {
  return [
    {
      type: 'conv2d',
      id: `${id}_conv`,
      inputs: [inputId],
      filters,
      kernel,
      bias: false,
      ...extra,
    },
    { type: 'batchnorm', id: `${id}_bn` },
    { type: 'activation', id, fn: 'relu' },
  ];
}

/** The filters of one inception module, in torchvision's argument order. */
export interface InceptionFilters {
  readonly ch1x1: number;
  readonly ch3x3red: number;
  readonly ch3x3: number;
  readonly ch5x5red: number;
  /** torchvision's "5×5" branch is a 3×3 convolution (a known difference from the paper). */
  readonly ch5x5: number;
  readonly poolProj: number;
}

/**
 * An inception module (Szegedy et al. 2014, torchvision form): four branches, a 1×1, a 1×1
 * then 3×3, a 1×1 then 3×3 (the paper's 5×5), and a 3×3 max pool (stride 1) then 1×1,
 * concatenated along the channels. Output channels ch1x1 + ch3x3 + ch5x5 + poolProj.
 */
export function inceptionModule(
  prefix: string,
  inputId: string,
  f: InceptionFilters,
): { layers: LayerDocument[]; output: string } {
  const same = { padding: 1 };
  const layers: LayerDocument[] = [
    ...basicConv(`${prefix}_b1`, inputId, f.ch1x1, 1),
    ...basicConv(`${prefix}_b2a`, inputId, f.ch3x3red, 1),
    ...basicConv(`${prefix}_b2b`, `${prefix}_b2a`, f.ch3x3, 3, same),
    ...basicConv(`${prefix}_b3a`, inputId, f.ch5x5red, 1),
    ...basicConv(`${prefix}_b3b`, `${prefix}_b3a`, f.ch5x5, 3, same),
    {
      type: 'maxpool2d',
      id: `${prefix}_b4pool`,
      inputs: [inputId],
      size: 3,
      stride: 1,
      padding: 1,
    },
    ...basicConv(`${prefix}_b4`, `${prefix}_b4pool`, f.poolProj, 1),
    {
      type: 'concat',
      id: prefix,
      inputs: [`${prefix}_b1`, `${prefix}_b2b`, `${prefix}_b3b`, `${prefix}_b4`],
    },
  ];
  return { layers, output: prefix };
}

const modules: readonly (readonly [string, ...number[]])[] = [
  ['inc3a', 64, 96, 128, 16, 32, 32],
  ['inc3b', 128, 128, 192, 32, 96, 64],
  ['pool3'],
  ['inc4a', 192, 96, 208, 16, 48, 64],
  ['inc4b', 160, 112, 224, 24, 64, 64],
  ['inc4c', 128, 128, 256, 24, 64, 64],
  ['inc4d', 112, 144, 288, 32, 64, 64],
  ['inc4e', 256, 160, 320, 32, 128, 128],
  ['pool4'],
  ['inc5a', 256, 160, 320, 32, 128, 128],
  ['inc5b', 384, 192, 384, 48, 128, 128],
];

/**
 * GoogLeNet as torchvision builds it without the auxiliary heads: the stem, nine inception
 * modules, global average pooling, dropout 0.2 and a 1000-way dense layer.
 *
 * torchvision's max pools use `ceil_mode=True`; on these sizes (112, 56, 28, 14) padding 1
 * with the lab's floor rounding gives the same output sizes, so shapes, parameters and
 * multiply-accumulates agree (pooling weighs nothing); the windows sit one pixel apart.
 */
export function googlenetLayers(): LayerDocument[] {
  const pool = (id: string, inputId: string, size: number, padding: number): LayerDocument => ({
    type: 'maxpool2d',
    id,
    inputs: [inputId],
    size,
    stride: 2,
    padding,
  });
  const layers: LayerDocument[] = [
    ...basicConv('conv1', 'input', 64, 7, { stride: 2, padding: 3 }),
    pool('pool1', 'conv1', 3, 1),
    ...basicConv('conv2', 'pool1', 64, 1),
    ...basicConv('conv3', 'conv2', 192, 3, { padding: 1 }),
    pool('pool2', 'conv3', 3, 1),
  ];
  let current = 'pool2';
  for (const [id, ...f] of modules) {
    if (f.length === 0) {
      layers.push(id === 'pool4' ? pool(id, current, 2, 0) : pool(id, current, 3, 1));
    } else {
      const [ch1x1, ch3x3red, ch3x3, ch5x5red, ch5x5, poolProj] = f as [
        number,
        number,
        number,
        number,
        number,
        number,
      ];
      const module = inceptionModule(id, current, {
        ch1x1,
        ch3x3red,
        ch3x3,
        ch5x5red,
        ch5x5,
        poolProj,
      });
      layers.push(...module.layers);
    }
    current = id;
  }
  layers.push(
    { type: 'globalavgpool2d', id: 'gap', inputs: [current] },
    { type: 'dropout', id: 'dropout', rate: 0.2 },
    { type: 'dense', id: 'fc', units: 1000, activation: 'softmax' },
  );
  return layers;
}
