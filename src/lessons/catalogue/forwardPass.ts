import { linkOf } from '../links';
import type { Lesson } from '../types';
import { catalogueNetwork, editedNetwork } from './networks';

// The two-unit layer's numbers were checked with core/reference/dense.ts (denseReference):
// z = (0.1, −0.6). The MLP with 64 units in its first hidden layer: 50,240 parameters there
// (analyzeNetwork).
const NARROW_MLP = editedNetwork('mlp', { 1: { units: 64 } });

/** Forward propagation h = act(Wx + b), one unit, one layer, then the whole MLP. */
export const FORWARD_PASS: Lesson = {
  id: 'forward-pass',
  title: 'The forward pass',
  summary:
    'Compute a unit’s output by hand, then follow an image through the MLP layer by layer: weights, bias, activation, repeat.',
  deck: '001',
  minutes: 12,
  steps: [
    {
      title: 'One unit',
      prose: [
        'A unit multiplies each input by its weight, adds them up with a bias, and passes the sum',
        'through an activation function:',
        '',
        '$$z = \\sum_i w_i x_i + b, \\qquad h = \\text{act}(z)$$',
        '',
        'Take the inputs $x = (1, -2, 0.5)$ and a unit with weights $w = (0.3, 0.1, -0.4)$ and',
        'bias $b = 0.2$.',
      ].join('\n'),
      state: 'panel=network&preset=mlp&data=mnist&pass=f1',
      exercise: {
        kind: 'numeric',
        question: 'What is the unit’s sum $z$?',
        answer: 0.1,
        tolerance: 0.001,
        hint: '$z = 1 \\cdot 0.3 + (-2) \\cdot 0.1 + 0.5 \\cdot (-0.4) + 0.2 = 0.3 - 0.2 - 0.2 + 0.2$.',
      },
    },
    {
      title: 'The activation',
      prose: [
        'ReLU keeps a positive sum and replaces a negative one by 0: $\\text{ReLU}(z) = \\max(0, z)$.',
        'A second unit on the same inputs has weights $(0.5, 0.2, 0.6)$ and bias $-1$.',
      ].join('\n'),
      state: 'panel=network&preset=mlp&data=mnist&pass=f1',
      exercise: {
        kind: 'numeric',
        question: 'What does the second unit output after ReLU?',
        answer: 0,
        tolerance: 0,
        hint: 'First $z = 1 \\cdot 0.5 + (-2) \\cdot 0.2 + 0.5 \\cdot 0.6 - 1 = -0.6$; then $\\max(0, -0.6)$.',
      },
    },
    {
      title: 'A whole layer at once',
      prose: [
        'Stacking every unit’s weights as the rows of a matrix $W$ gives the whole layer in one line:',
        '',
        '$$h = \\text{act}(W x + b)$$',
        '',
        'The MLP flattens the $28 \\times 28$ image into $x$ with 784 values. Its first hidden layer',
        'has 128 ReLU units; step the forward pass and watch its values appear.',
      ].join('\n'),
      state: 'panel=network&preset=mlp&data=mnist&pass=f1',
      exercise: {
        kind: 'numeric',
        question: 'How many parameters does the first hidden layer have ($W$ and $b$)?',
        answer: 100_480,
        tolerance: 0,
        unit: 'parameters',
        hint: '$W$ is $128 \\times 784$ and $b$ has 128 entries: $784 \\cdot 128 + 128$.',
      },
    },
    {
      title: 'Layer after layer',
      prose: [
        'Each layer’s output is the next layer’s input. Step the pass to the end and note the size',
        'of the vector at each stage.',
      ].join('\n'),
      state: 'panel=network&preset=mlp&data=mnist&pass=f3',
      exercise: {
        kind: 'choice',
        question: 'Which sizes does an image go through in the MLP 784-128-64-10?',
        choices: [
          {
            text: '$28 \\times 28 \\times 1 \\to 784 \\to 128 \\to 64 \\to 10$',
            correct: true,
            why: 'Flattening keeps all 784 values; each dense layer then outputs one value per unit, and the last has one per class.',
          },
          {
            text: '$784 \\to 128 \\to 64 \\to 1$',
            why: 'A ten-class classifier ends in ten scores, one per digit, which softmax turns into probabilities.',
          },
          {
            text: '$28 \\times 28 \\to 14 \\times 14 \\to 7 \\times 7 \\to 10$',
            why: 'That would need pooling or strides; dense layers have no spatial layout, only a vector.',
          },
        ],
      },
    },
    {
      title: 'Resize a layer',
      prose: [
        'The layer’s parameter count follows from its input size and its number of units. Change',
        'the first hidden layer in the explorer and watch the count.',
      ].join('\n'),
      state: 'panel=architecture&preset=mlp&layer=1',
      exercise: {
        kind: 'make-it-so',
        question: 'Make the MLP’s first dense layer have exactly 50,240 parameters.',
        check: { id: 'param-count-equals', params: { count: 50_240, layer: 1 } },
        start: {
          link: linkOf({
            panel: 'architecture',
            presetId: 'mlp',
            network: catalogueNetwork('mlp'),
          }),
        },
        solution: { link: linkOf({ panel: 'architecture', presetId: 'mlp', network: NARROW_MLP }) },
        hint: 'A dense layer on 784 inputs with $n$ units has $785n$ parameters: solve $785n = 50{,}240$.',
      },
    },
  ],
};
