import type { LayerDocument } from '../network';

const conv = (id: string, filters: number, kernel: number, padding = 0): LayerDocument => ({
  type: 'conv2d',
  id,
  filters,
  kernel,
  padding,
  bias: false,
});

/** Batch norm then ReLU on `inputId` (DenseNet's pre-activation), ending in the layer `id`. */
const bnRelu = (id: string, inputId: string): LayerDocument[] => [
  { type: 'batchnorm', id: `${id}_bn`, inputs: [inputId] },
  { type: 'activation', id, fn: 'relu' },
];

/**
 * A dense block (Huang et al. 2017): layer i sees the concatenation of the block's input and
 * every earlier layer's `growth` new channels, and adds its own through batch norm, ReLU, a
 * 1×1 convolution to bnSize·growth channels, batch norm, ReLU and a 3×3 convolution. The
 * block's output concatenates its input and all `count` new feature maps: count + 1 inputs
 * (25 in DenseNet-121's third block), as torchvision's `torch.cat(features, 1)` does.
 */
export function denseBlock(
  prefix: string,
  inputId: string,
  count: number,
  growth: number,
  bnSize: number,
): { layers: LayerDocument[]; output: string } {
  const layers: LayerDocument[] = [];
  const features = [inputId];
  for (let i = 1; i <= count; i++) {
    const id = `${prefix}l${i}`;
    let source = inputId;
    if (features.length > 1) {
      layers.push({ type: 'concat', id: `${id}_in`, inputs: [...features] });
      source = `${id}_in`;
    }
    layers.push(
      ...bnRelu(`${id}_relu1`, source),
      conv(`${id}_conv1`, bnSize * growth, 1),
      ...bnRelu(`${id}_relu2`, `${id}_conv1`),
      conv(`${id}_conv2`, growth, 3, 1),
    );
    features.push(`${id}_conv2`);
  }
  layers.push({ type: 'concat', id: `${prefix}_out`, inputs: features });
  return { layers, output: `${prefix}_out` };
}

/** A transition: batch norm, ReLU, a 1×1 convolution to `filters` channels, 2×2 average pooling. */
function transition(prefix: string, inputId: string, filters: number): LayerDocument[] {
  return [
    ...bnRelu(`${prefix}_relu`, inputId),
    conv(`${prefix}_conv`, filters, 1),
    { type: 'avgpool2d', id: prefix, size: 2, stride: 2 },
  ];
}

/**
 * A DenseNet-BC as torchvision builds it: a 7×7 stride-2 stem with batch norm, ReLU and a
 * 3×3 stride-2 max pool; dense blocks of `blocks[i]` layers joined by transitions that halve
 * the channels; batch norm, ReLU, global average pooling and a 1000-way dense layer.
 * DenseNet-121 is `densenetLayers([6, 12, 24, 16], 32, 64)`.
 */
export function densenetLayers(
  blocks: readonly number[],
  growth: number,
  stemFilters: number,
  bnSize = 4,
): LayerDocument[] {
  const layers: LayerDocument[] = [
    { ...conv('conv0', stemFilters, 7, 3), stride: 2 },
    ...bnRelu('relu0', 'conv0'),
    { type: 'maxpool2d', id: 'pool0', size: 3, stride: 2, padding: 1 },
  ];
  let current = 'pool0';
  let channels = stemFilters;
  blocks.forEach((count, b) => {
    const block = denseBlock(`d${b + 1}`, current, count, growth, bnSize);
    layers.push(...block.layers);
    channels += count * growth;
    current = block.output;
    if (b < blocks.length - 1) {
      channels = Math.floor(channels / 2);
      layers.push(...transition(`t${b + 1}`, current, channels));
      current = `t${b + 1}`;
    }
  });
  layers.push(
    ...bnRelu('relu5', current),
    { type: 'globalavgpool2d', id: 'gap' },
    { type: 'dense', id: 'fc', units: 1000, activation: 'softmax' },
  );
  return layers;
}
