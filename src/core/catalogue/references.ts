import type { LayerDocument } from '../network';
import { densenetLayers } from './denseBlocks';
import { googlenetLayers } from './inception';
import { residualStages } from './residual';
import type { CatalogueEntry } from './types';

const conv = (filters: number, kernel: number, extra: object = {}): LayerDocument => ({
  type: 'conv2d',
  filters,
  kernel,
  activation: 'relu',
  ...extra,
});
const pool = (size: number, stride = size): LayerDocument => ({ type: 'maxpool2d', size, stride });
const fc = (units: number, activation = 'relu'): LayerDocument => ({
  type: 'dense',
  units,
  activation,
});

/** VGG-16 (configuration D): thirteen 3×3 convolutions in five blocks, then three dense layers. */
const vgg16Layers: LayerDocument[] = [
  ...[64, 128, 256, 512, 512].flatMap((filters, block) => [
    ...Array.from({ length: block < 2 ? 2 : 3 }, () => conv(filters, 3, { padding: 1 })),
    pool(2),
  ]),
  { type: 'flatten' },
  fc(4096),
  { type: 'dropout', rate: 0.5 },
  fc(4096),
  { type: 'dropout', rate: 0.5 },
  fc(1000, 'softmax'),
];

const resnet18Stages = residualStages('stem_pool', 64, [64, 128, 256, 512], [2, 2, 2, 2]);

/** Full-size ImageNet networks at 224×224×3: counted and drawn, never trained in the tab. */
export const REFERENCE_NETWORKS: readonly CatalogueEntry[] = [
  {
    id: 'alexnet',
    title: 'AlexNet (2012)',
    description:
      'Krizhevsky, Sutskever and Hinton’s ImageNet winner in its single-tower form: five convolutions with large early kernels, then two 4096-unit dense layers that hold most of its 61 million parameters.',
    trainable: false,
    published: { params: 61_100_840, source: 'torchvision alexnet' },
    network: {
      name: 'AlexNet',
      input: [224, 224, 3],
      layers: [
        conv(64, 11, { stride: 4, padding: 2 }),
        pool(3, 2),
        conv(192, 5, { padding: 2 }),
        pool(3, 2),
        conv(384, 3, { padding: 1 }),
        conv(256, 3, { padding: 1 }),
        conv(256, 3, { padding: 1 }),
        pool(3, 2),
        { type: 'flatten' },
        { type: 'dropout', rate: 0.5 },
        fc(4096),
        { type: 'dropout', rate: 0.5 },
        fc(4096),
        fc(1000, 'softmax'),
      ],
    },
  },
  {
    id: 'vgg16',
    title: 'VGG-16 (2014)',
    description:
      'Simonyan and Zisserman’s network built only from 3×3 convolutions and 2×2 pooling: simple, deep and heavy, with 138 million parameters.',
    trainable: false,
    published: { params: 138_357_544, source: 'Simonyan & Zisserman 2014; torchvision vgg16' },
    network: { name: 'VGG-16', input: [224, 224, 3], layers: vgg16Layers },
  },
  {
    id: 'resnet18',
    title: 'ResNet-18 (2015)',
    description:
      'He et al.’s residual network: eight basic blocks whose skip connections let the gradient reach early layers, with global average pooling instead of big dense layers.',
    trainable: false,
    published: { params: 11_689_512, source: 'He et al. 2015; torchvision resnet18' },
    network: {
      name: 'ResNet-18',
      input: [224, 224, 3],
      layers: [
        {
          type: 'conv2d',
          id: 'stem_conv',
          filters: 64,
          kernel: 7,
          stride: 2,
          padding: 3,
          bias: false,
        },
        { type: 'batchnorm', id: 'stem_bn' },
        { type: 'activation', id: 'stem_relu', fn: 'relu' },
        { type: 'maxpool2d', id: 'stem_pool', size: 3, stride: 2, padding: 1 },
        ...resnet18Stages.layers,
        { type: 'globalavgpool2d', id: 'gap', inputs: [resnet18Stages.output] },
        { type: 'dense', id: 'fc', units: 1000, activation: 'softmax' },
      ],
    },
  },
  {
    id: 'googlenet',
    title: 'GoogLeNet (2014)',
    description:
      'Szegedy et al.’s Inception v1 as torchvision builds it (batch norm after every convolution, no auxiliary heads): nine inception modules run 1×1, 3×3 and pooled branches side by side and concatenate them, in 6.6 million parameters.',
    trainable: false,
    published: { params: 6_624_904, source: 'Szegedy et al. 2014; torchvision googlenet' },
    network: { name: 'GoogLeNet', input: [224, 224, 3], layers: googlenetLayers() },
  },
  {
    id: 'densenet121',
    title: 'DenseNet-121 (2016)',
    description:
      'Huang et al.’s densely connected network: in each of four dense blocks every layer reads the concatenation of all the feature maps before it and adds 32 channels of its own; 8 million parameters over 120 convolutions.',
    trainable: false,
    published: { params: 7_978_856, source: 'Huang et al. 2017; torchvision densenet121' },
    network: {
      name: 'DenseNet-121',
      input: [224, 224, 3],
      layers: densenetLayers([6, 12, 24, 16], 32, 64),
    },
  },
];
