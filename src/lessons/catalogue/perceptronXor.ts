import type { Lesson } from '../types';

// Playground accuracies below were measured with core/toyTrainer (200 XOR points, noise 0.05,
// seed 1, learning rate 0.1): no hidden layer 53.5% after 50 epochs, 4 tanh units 97% after 200.

/** The perceptron as a linear classifier, its failure on XOR, and the hidden layer that fixes it. */
export const PERCEPTRON_XOR: Lesson = {
  id: 'perceptron-xor',
  title: 'The perceptron and XOR',
  summary:
    'A single neuron draws one straight line through the plane; XOR needs two, and a hidden layer provides them.',
  deck: '001',
  minutes: 12,
  steps: [
    {
      title: 'One neuron, one line',
      prose: [
        'A perceptron takes the inputs $x_1, x_2$, computes $w_1 x_1 + w_2 x_2 + b$ and squashes it',
        'into a class score. Where that sum is 0 it is undecided: the set of such points is a',
        'straight line, and the neuron puts everything on one side in one class.',
        '',
        'The playground shows a perceptron with no hidden layer on linearly separable points.',
        'Train it and watch the boundary settle.',
      ].join('\n'),
      state: 'panel=neurons&toy=linear_0_tanh_sigmoid_0.1_0.05_1',
      exercise: {
        kind: 'numeric',
        question: 'How many parameters does this perceptron have (weights and bias)?',
        answer: 3,
        tolerance: 0,
        unit: 'parameters',
        hint: 'One weight per input plus one bias: $2 + 1$.',
      },
    },
    {
      title: 'XOR',
      prose: [
        'XOR labels a point by whether exactly one of its coordinates is positive: the first and',
        'third quadrants form one class, the second and fourth the other. Switch the playground to',
        'XOR, still with no hidden layer, and train.',
      ].join('\n'),
      state: 'panel=neurons&toy=xor_0_tanh_sigmoid_0.1_0.05_1',
      exercise: {
        kind: 'choice',
        question: 'Why can the perceptron not get XOR right, however long it trains?',
        choices: [
          {
            text: 'No single straight line has both classes’ quadrants on opposite sides: XOR is not linearly separable.',
            correct: true,
            why: 'Any line leaves at least one quadrant of each class on the same side, so at best about three quarters of the points are right (Minsky and Papert, 1969).',
          },
          {
            text: 'Its learning rate is too small.',
            why: 'A faster learner would still be looking for a line, and no line works.',
          },
          {
            text: 'The sigmoid output saturates.',
            why: 'Saturation slows learning but does not change what the model can express; the limit is the straight boundary.',
          },
        ],
      },
    },
    {
      title: 'A hidden layer bends the boundary',
      prose: [
        'Add a hidden layer of four tanh units. Each hidden unit draws a line of its own, and the',
        'output combines them, so the boundary can now bend and enclose regions. Train again.',
      ].join('\n'),
      state: 'panel=neurons&toy=xor_4_tanh_sigmoid_0.1_0.05_1',
      exercise: {
        kind: 'numeric',
        question: 'How many parameters does the network with one hidden layer of 4 units have?',
        answer: 17,
        tolerance: 0,
        unit: 'parameters',
        hint: 'Inputs to hidden: $2 \\cdot 4$ weights $+ 4$ biases; hidden to output: $4$ weights $+ 1$ bias. $12 + 5$.',
      },
    },
    {
      title: 'Make it separate XOR',
      prose: [
        'Now it is your turn to get the playground right on XOR. Start from the perceptron, change',
        'the network and train until the checker is satisfied.',
      ].join('\n'),
      state: 'panel=neurons&toy=xor_0_tanh_sigmoid_0.1_0.05_1',
      exercise: {
        kind: 'make-it-so',
        question: 'Get the playground to classify at least 95% of the XOR points correctly.',
        check: { id: 'toy-accuracy-at-least', params: { accuracy: 0.95, dataset: 'xor' } },
        start: {
          link: 'panel=neurons&toy=xor_0_tanh_sigmoid_0.1_0.05_1',
          report: { toyAccuracy: 0.535 },
        },
        solution: {
          link: 'panel=neurons&toy=xor_4_tanh_sigmoid_0.1_0.05_1',
          report: { toyAccuracy: 0.97 },
        },
        hint: 'A straight line cannot do it: add a hidden layer of a few tanh or ReLU units and train for a few hundred epochs.',
      },
    },
    {
      title: 'Why the hidden units need a non-linearity',
      prose: [
        'The playground now gives the four hidden units a **linear** activation, $h = z$, instead',
        'of tanh. Train on XOR once more and watch the boundary.',
      ].join('\n'),
      state: 'panel=neurons&toy=xor_4_linear_sigmoid_0.1_0.05_1',
      exercise: {
        kind: 'choice',
        question: 'With linear hidden units, can the network separate XOR?',
        choices: [
          {
            text: 'No: a linear function of linear functions is linear, so the boundary is a straight line again.',
            correct: true,
            why: '$W_2(W_1 x + b_1) + b_2 = (W_2 W_1) x + (W_2 b_1 + b_2)$: the two layers collapse into one perceptron.',
          },
          {
            text: 'Yes: four hidden units draw four lines.',
            why: 'They draw four lines only if something non-linear keeps them apart; added linearly they sum to a single line.',
          },
          {
            text: 'Yes, but only with more hidden units.',
            why: 'Any number of linear units still collapses into one linear map.',
          },
        ],
      },
    },
  ],
};
