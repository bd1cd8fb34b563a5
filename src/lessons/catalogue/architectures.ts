import { linkOf } from '../links';
import type { Lesson } from '../types';
import { catalogueNetwork, editedNetwork } from './networks';

// LeNet-5 with 30 units instead of 120 in its first dense layer: 18,056 parameters (analyzeNetwork).
const SMALL_LENET = editedNetwork('lenet5', { 5: { units: 30 } });

/** LeNet-5 layer by layer, AlexNet, VGG-16 and ResNet-18 from the catalogue. */
export const ARCHITECTURES: Lesson = {
  id: 'architectures',
  title: 'Architectures from LeNet to ResNet',
  summary:
    'Count LeNet-5’s parameters layer by layer, then see where VGG-16’s 138 million live and what a residual block adds.',
  deck: '003',
  minutes: 20,
  steps: [
    {
      title: 'LeNet-5’s convolutions',
      prose: [
        'LeNet-5 reads a $28 \\times 28$ grey digit. Its first layer has six $5 \\times 5$ filters, each',
        'with $5 \\cdot 5 \\cdot 1$ weights and a bias: $6 \\cdot 26 = 156$ parameters. Select each layer',
        'in the explorer to see its output shape and count.',
        '',
        'After a $2 \\times 2$ pool the maps are $14 \\times 14 \\times 6$. The second convolution',
        'has sixteen $5 \\times 5$ filters, and each now spans all six input channels.',
        '',
        'The original LeNet wired each of these filters to only some of the six maps (1,516',
        'parameters); the lab’s version, like most modern ones, connects every filter to every map.',
      ].join('\n'),
      state: 'panel=architecture&preset=lenet5&layer=2',
      exercise: {
        kind: 'numeric',
        question: 'How many parameters does the lab’s second convolution have?',
        answer: 2416,
        tolerance: 0,
        unit: 'parameters',
        hint: '$16 \\cdot (5 \\cdot 5 \\cdot 6 + 1) = 16 \\cdot 151$.',
      },
    },
    {
      title: 'Where LeNet’s parameters are',
      prose: [
        'After the second pool the $5 \\times 5 \\times 16$ maps are flattened into 400 numbers and',
        'pass through dense layers of 120, 84 and 10 units. The summary bar adds up every layer.',
      ].join('\n'),
      state: 'panel=architecture&preset=lenet5&layer=5',
      exercise: {
        kind: 'numeric',
        question: 'How many parameters does LeNet-5 have in all?',
        answer: 61_706,
        tolerance: 0,
        unit: 'parameters',
        hint: 'Add the layers: conv $156$, conv $2{,}416$, dense $400 \\cdot 120 + 120 = 48{,}120$, dense $120 \\cdot 84 + 84 = 10{,}164$, dense $84 \\cdot 10 + 10 = 850$. Pooling and flattening add nothing.',
      },
    },
    {
      title: 'Slim it down',
      prose: [
        'Most of LeNet-5’s parameters sit in its first dense layer. Change the network until it',
        'has at most 20,000 parameters; the summary bar updates as you edit.',
      ].join('\n'),
      state: 'panel=architecture&preset=lenet5&layer=5',
      exercise: {
        kind: 'make-it-so',
        question: 'Make LeNet-5 have at most 20,000 parameters in all.',
        check: { id: 'param-count-at-most', params: { max: 20_000 } },
        start: {
          link: linkOf({
            panel: 'architecture',
            presetId: 'lenet5',
            network: catalogueNetwork('lenet5'),
          }),
        },
        solution: {
          link: linkOf({ panel: 'architecture', presetId: 'lenet5', network: SMALL_LENET }),
        },
        hint: 'The first dense layer has $400 \\cdot 120 + 120 = 48{,}120$ parameters; with 30 units it has $400 \\cdot 30 + 30 = 12{,}030$ and the next one $30 \\cdot 84 + 84$.',
      },
    },
    {
      title: 'VGG-16: only 3×3 convolutions',
      prose: [
        'VGG-16 takes a $224 \\times 224 \\times 3$ image through thirteen $3 \\times 3$ convolutions',
        'and five max pools, then three dense layers. Two stacked $3 \\times 3$ layers see a',
        '$5 \\times 5$ patch with fewer weights than one $5 \\times 5$ layer, and add a',
        'non-linearity in between. The explorer counts 138,357,544 parameters.',
      ].join('\n'),
      state: 'panel=architecture&preset=vgg16&layer=19',
      exercise: {
        kind: 'choice',
        question: 'Where are most of VGG-16’s 138 million parameters?',
        choices: [
          {
            text: 'In the first dense layer, which connects the $7 \\times 7 \\times 512$ maps to 4,096 units.',
            correct: true,
            why: 'That one layer has $25{,}088 \\cdot 4{,}096 + 4{,}096 = 102{,}764{,}544$ parameters; the thirteen convolutions together have under 15 million.',
          },
          {
            text: 'In the early convolutions, which work on the full $224 \\times 224$ image.',
            why: 'They are the most expensive to *compute*, but a convolution’s weights do not depend on the image size: the first has only $64 \\cdot (3 \\cdot 3 \\cdot 3 + 1) = 1{,}792$.',
          },
          {
            text: 'Spread evenly over the sixteen weight layers, about 8.6 million each.',
            why: 'The counts differ by orders of magnitude: from 1,792 in the first convolution to over 100 million in the first dense layer.',
          },
        ],
      },
    },
    {
      title: 'AlexNet and the first big win',
      prose: [
        'AlexNet (2012) opened with large strided filters ($11 \\times 11$, stride 4) and used',
        'ReLU, dropout and two GPUs. The catalogue’s version (the common single-tower one) has',
        '61,100,840 parameters, the “about 60 million” usually quoted.',
      ].join('\n'),
      state: 'panel=architecture&preset=alexnet&layer=0',
      exercise: {
        kind: 'numeric',
        question:
          'AlexNet’s first layer has 64 filters of $11 \\times 11$ over the 3 colour channels. How many parameters is that?',
        answer: 23_296,
        tolerance: 0,
        unit: 'parameters',
        hint: '$64 \\cdot (11 \\cdot 11 \\cdot 3 + 1) = 64 \\cdot 364$.',
      },
    },
    {
      title: 'ResNet: adding the input back',
      prose: [
        'Very deep plain stacks train badly: the gradient fades on its way back. A residual block',
        'computes $F(x)$ with two convolutions and outputs $F(x) + x$. ResNet-18 stacks eight such',
        'blocks in 11,689,512 parameters, fewer than a tenth of VGG-16’s: like GoogLeNet (2014,',
        'about 5 million), it ends in a global average pool instead of VGG’s huge dense layers.',
      ].join('\n'),
      state: 'panel=architecture&preset=resnet18&layer=9',
      exercise: {
        kind: 'choice',
        question: 'Why does the skip connection $F(x) + x$ help a deep network train?',
        choices: [
          {
            text: 'The derivative of $F(x) + x$ with respect to $x$ is $F′(x) + 1$, so the gradient always has a direct path back to earlier layers.',
            correct: true,
            why: 'The $+1$ carries the gradient past the block unchanged, however small the gradient through $F$ is, so early layers keep learning.',
          },
          {
            text: 'It adds many parameters, giving the network more capacity.',
            why: 'An identity shortcut has no parameters at all; ResNet-18 has far fewer than VGG-16.',
          },
          {
            text: 'It lets the block skip its convolutions at test time to run faster.',
            why: 'Both paths are always computed and added; the shortcut changes how the gradient flows, not what is run.',
          },
        ],
      },
    },
  ],
};
