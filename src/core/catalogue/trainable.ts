import type { LayerDocument } from '../network';
import { residualStages } from './residual';
import type { CatalogueEntry } from './types';

const relu = { activation: 'relu' } as const;
const conv3 = (filters: number): LayerDocument => ({
  type: 'conv2d',
  filters,
  kernel: 3,
  padding: 1,
  ...relu,
});
const pool2: LayerDocument = { type: 'maxpool2d', size: 2 };
const softmax10: LayerDocument = { type: 'dense', units: 10, activation: 'softmax' };
/** The classic classifier: flatten, dense ReLU layers of these sizes, then the 10-way softmax. */
const denseHead = (...hidden: number[]): LayerDocument[] => [
  { type: 'flatten' },
  ...hidden.map((units): LayerDocument => ({ type: 'dense', units, ...relu })),
  softmax10,
];
/** The mini VGGs' head: one hidden layer, with dropout before the softmax. */
const head = (hidden: number): LayerDocument[] => [
  { type: 'flatten' },
  { type: 'dense', units: hidden, ...relu },
  { type: 'dropout', rate: 0.3 },
  softmax10,
];

const residualMini = residualStages('stem_relu', 16, [16, 32], [1, 1]);

/** Networks small enough to train live in the tab on MNIST, Fashion-MNIST or the CIFAR-10 subset. */
export const TRAINABLE_NETWORKS: readonly CatalogueEntry[] = [
  {
    id: 'mlp',
    title: 'MLP 784-128-64-10',
    description:
      'A multilayer perceptron: the image is flattened into 784 numbers and passed through two hidden layers of ReLU units.',
    trainable: true,
    network: {
      name: 'MLP 784-128-64-10',
      input: [28, 28, 1],
      layers: denseHead(128, 64),
    },
  },
  {
    id: 'mlp-deep-sigmoid',
    title: 'Deep sigmoid MLP (vanishing gradients)',
    description:
      'Six hidden layers of 32 sigmoid units: the sigmoid’s slope is at most 1/4, so the gradient shrinks layer by layer on its way back and the first layers barely learn.',
    trainable: true,
    network: {
      name: 'Deep sigmoid MLP',
      input: [28, 28, 1],
      layers: [
        { type: 'flatten' },
        ...Array.from({ length: 6 }, (): LayerDocument => ({
          type: 'dense',
          units: 32,
          activation: 'sigmoid',
        })),
        softmax10,
      ],
    },
  },
  {
    id: 'lenet5',
    title: 'LeNet-5',
    description:
      'LeCun’s 1998 digit reader in its modern form: two convolution and pooling stages (C3 fully connected to S2), then dense layers of 120, 84 and 10 units.',
    trainable: true,
    published: {
      params: 61_706,
      source: 'LeCun et al. 1998, modern form with full C3 connections',
    },
    network: {
      name: 'LeNet-5',
      input: [28, 28, 1],
      layers: [
        { type: 'conv2d', filters: 6, kernel: 5, padding: 2, ...relu },
        pool2,
        { type: 'conv2d', filters: 16, kernel: 5, ...relu },
        pool2,
        ...denseHead(120, 84),
      ],
    },
  },
  {
    id: 'vgg-mini-28',
    title: 'Mini VGG for 28×28 greyscale',
    description:
      'VGG’s recipe shrunk for MNIST and Fashion-MNIST: pairs of 3×3 convolutions, each pair followed by 2×2 max pooling.',
    trainable: true,
    network: {
      name: 'Mini VGG 28×28×1',
      input: [28, 28, 1],
      layers: [conv3(16), conv3(16), pool2, conv3(32), conv3(32), pool2, ...head(64)],
    },
  },
  {
    id: 'vgg-mini-32',
    title: 'Mini VGG for 32×32 colour',
    description:
      'VGG’s recipe for the CIFAR-10 subset: three stages of 3×3 convolutions and 2×2 max pooling on colour images.',
    trainable: true,
    network: {
      name: 'Mini VGG 32×32×3',
      input: [32, 32, 3],
      layers: [
        conv3(16),
        conv3(16),
        pool2,
        conv3(32),
        conv3(32),
        pool2,
        conv3(64),
        pool2,
        ...head(64),
      ],
    },
  },
  {
    id: 'resnet-mini',
    title: 'Mini ResNet',
    description:
      'A small residual network for 28×28 images: two stages of basic blocks whose skip connections carry the gradient past each pair of convolutions.',
    trainable: true,
    network: {
      name: 'Mini ResNet',
      input: [28, 28, 1],
      layers: [
        { type: 'conv2d', id: 'stem_conv', filters: 16, kernel: 3, padding: 1, bias: false },
        { type: 'batchnorm', id: 'stem_bn' },
        { type: 'activation', id: 'stem_relu', fn: 'relu' },
        ...residualMini.layers,
        { type: 'globalavgpool2d', id: 'gap', inputs: [residualMini.output] },
        { type: 'dense', id: 'fc', units: 10, activation: 'softmax' },
      ],
    },
  },
];

/** Small networks that reproduce the lecture decks' worked examples. */
export const LECTURE_EXAMPLES: readonly CatalogueEntry[] = [
  {
    id: 'conv-example',
    title: 'Lecture example: ten 5×5 filters on 32×32×3',
    description:
      'The decks’ first convolution layer: ten 5×5 filters with stride 1 and padding 2 keep a 32×32×3 image at 32×32, with 760 parameters.',
    trainable: true,
    network: {
      name: 'seed example',
      input: [32, 32, 3],
      layers: [
        { type: 'conv2d', filters: 10, kernel: 5, stride: 1, padding: 2, activation: 'relu' },
        { type: 'maxpool2d', size: 2 },
        { type: 'flatten' },
        { type: 'dense', units: 10, activation: 'softmax' },
      ],
    },
  },
  {
    id: 'stride-mismatch',
    title: 'Lecture example: a stride that does not fit',
    description:
      'A 3×3 kernel on a 7×7 input: stride 1 gives 5×5 and stride 2 gives 3×3, but stride 3 gives (7 − 3)/3 + 1 = 2.33, which does not tile the input.',
    trainable: false,
    network: {
      name: 'Stride 3 on a 7×7 input',
      input: [7, 7, 1],
      layers: [{ type: 'conv2d', filters: 1, kernel: 3, stride: 3 }],
    },
  },
  {
    id: 'dilated-stack',
    title: 'Lecture example: dilated convolutions',
    description:
      'Three 3×3 convolutions with dilation 1, 2 and 4 (Yu and Koltun): the receptive field grows 3, 7, 15 while each layer keeps the same number of parameters.',
    trainable: false,
    network: {
      name: 'Dilated 3×3 stack',
      input: [32, 32, 1],
      layers: [
        { type: 'conv2d', filters: 8, kernel: 3, padding: 'same', dilation: 1, activation: 'relu' },
        { type: 'conv2d', filters: 8, kernel: 3, padding: 'same', dilation: 2, activation: 'relu' },
        { type: 'conv2d', filters: 8, kernel: 3, padding: 'same', dilation: 4, activation: 'relu' },
      ],
    },
  },
  {
    id: 'conv3-stack',
    title: 'Lecture example: four 3×3 convolutions, stride 1',
    description:
      'Stride-1 3×3 convolutions stacked four deep: each layer widens the receptive field by 2 pixels, so it grows 3, 5, 7, 9 (linear growth).',
    trainable: true,
    network: {
      name: 'Stride-1 3×3 stack',
      input: [28, 28, 1],
      layers: [
        ...[8, 8, 8, 8].map(conv3),
        { type: 'flatten' },
        { type: 'dense', units: 10, activation: 'softmax' },
      ],
    },
  },
  {
    id: 'strided-stack',
    title: 'Lecture example: four 3×3 convolutions, stride 2',
    description:
      'The same four 3×3 convolutions with stride 2: every stride doubles the jump, so each layer adds twice as much as the one before and the field grows 3, 7, 15, 31.',
    trainable: true,
    network: {
      name: 'Stride-2 3×3 stack',
      input: [28, 28, 1],
      layers: [
        ...[8, 16, 16, 16].map((filters) => ({ ...conv3(filters), stride: 2, padding: 'same' })),
        { type: 'flatten' },
        { type: 'dense', units: 10, activation: 'softmax' },
      ],
    },
  },
];
