import type { Lesson } from '../types';

/** Gradient descent, the learning rate, mini-batches and epochs, and momentum. */
export const GRADIENT_DESCENT: Lesson = {
  id: 'gradient-descent',
  title: 'Gradient descent, learning rate and batches',
  summary:
    'Step the weights against the gradient: how big a step, on how many examples at a time, and what momentum adds.',
  deck: '001',
  minutes: 15,
  steps: [
    {
      title: 'One step downhill',
      prose: [
        'The gradient $\\partial E / \\partial w$ points in the direction in which the error grows',
        'fastest. Gradient descent moves every weight a little the other way:',
        '',
        '$$w^{(t+1)} = w^{(t)} - \\lambda \\frac{\\partial E}{\\partial w}$$',
        '',
        'The **learning rate** $\\lambda$ sets the size of the step.',
      ].join('\n'),
      state: 'panel=maths',
      exercise: {
        kind: 'numeric',
        question:
          'In the maths panel’s small network $w_5 = 0.9$ and $\\partial E / \\partial w_5 \\approx -0.2345$. What is $w_5$ after one step with $\\lambda = 0.1$? (Four decimals.)',
        answer: 0.92345,
        tolerance: 0.0001,
        hint: '$w_5 - \\lambda \\, \\partial E / \\partial w_5 = 0.9 - 0.1 \\cdot (-0.2345) = 0.9 + 0.02345$.',
      },
    },
    {
      title: 'Mini-batches and epochs',
      prose: [
        'The true error is a sum over the whole training set, which is slow to compute for every',
        'step. **Stochastic** gradient descent estimates the gradient from a small random',
        '**mini-batch** instead: noisier steps, but many more of them. One **epoch** is one pass',
        'over every training image.',
        '',
        'The lab trains on 7,200 MNIST images (8,000 less the 10% held back for validation).',
      ].join('\n'),
      state: 'panel=training&preset=lenet5&data=mnist&val=0.1&batch=32',
      actions: [{ id: 'training.step' }, { id: 'training.epoch' }],
      exercise: {
        kind: 'numeric',
        question: 'With a batch size of 32, how many steps does one epoch take?',
        answer: 225,
        tolerance: 0,
        unit: 'steps',
        hint: 'Training images divided by the batch size: $7{,}200 / 32$.',
      },
    },
    {
      title: 'Too large a step',
      prose: [
        'Plain SGD with a learning rate that is too large overshoots the bottom of the valley, each',
        'step landing higher than the last. Try it with $\\lambda = 2$: press **Step** (one',
        'mini-batch) five or six times and read the latest training loss each time, then train an',
        'epoch and look at the curves and the accuracy.',
      ].join('\n'),
      state: 'panel=training&preset=mlp&data=mnist&opt=sgd&lr=2',
      actions: [{ id: 'training.reset' }, { id: 'training.step' }, { id: 'training.epoch' }],
      exercise: {
        kind: 'choice',
        question: 'What does a much too large learning rate do to the training loss?',
        choices: [
          {
            text: 'It shoots up, possibly to infinity (NaN), because the steps overshoot the minimum; the network can end up broken, stuck at chance level.',
            correct: true,
            why: 'A step far past the minimum lands where the slope is steeper still, so the next step is even bigger: here the loss passes $10^{11}$ within ten steps. Those steps push most ReLU units to where they never fire again, so after the epoch the loss sits near $\\ln 10 \\approx 2.30$ with about 10% accuracy: a network that only guesses.',
          },
          {
            text: 'It falls faster and reaches a lower value.',
            why: 'Bigger steps help only while they stay small compared with the valley; beyond that they overshoot.',
          },
          {
            text: 'Nothing changes, since the optimiser normalises the gradient.',
            why: 'Plain SGD uses the gradient as it is; the step is the learning rate times the gradient.',
          },
        ],
      },
    },
    {
      title: 'Find a rate that diverges',
      prose: [
        'Where does “too large” begin? Plain SGD on this MLP still learns at 0.3, the largest rate',
        'the panel offers. **Adam** is different: it scales every weight’s step to roughly the',
        'learning rate itself, however small the gradient, so a rate that is gentle for SGD can be',
        'violent for Adam.',
        '',
        'Switch the optimiser to Adam and raise the rate step by step from 0.001. After each change',
        'press **Reset**, then **Step** a few times and read the latest training loss: a rate that',
        'diverges sends it into the hundreds within a step or two. Check while it is up there.',
      ].join('\n'),
      state: 'panel=training&preset=mlp&data=mnist&opt=sgd&lr=0.01',
      actions: [{ id: 'training.reset' }, { id: 'training.step' }],
      exercise: {
        kind: 'make-it-so',
        question:
          'Pick an optimiser and learning rate at which training diverges: the latest training loss above 100, or NaN.',
        check: { id: 'training-diverged', params: { lossAbove: 100 } },
        // Both reports were measured in headless Chromium (WASM backend, seed 1): one epoch of
        // SGD at 0.01 ends at a training loss of 1.01; Adam at 0.3 gives 926 on its second step
        // (at 0.1 it peaks near 61; SGD at 0.3 stays under 2.5 over its first twelve steps).
        start: {
          link: 'panel=training&preset=mlp&data=mnist&opt=sgd&lr=0.01',
          report: { step: 225, trainingLoss: 1.01 },
        },
        solution: {
          link: 'panel=training&preset=mlp&data=mnist&opt=adam&lr=0.3',
          report: { step: 2, trainingLoss: 926 },
        },
        hint: 'Optimiser Adam, learning rate 0.3. Press Reset, then Step twice, and Check my lab while the loss is in the hundreds (about 900 after the second step); a few steps later it falls back.',
      },
    },
    {
      title: 'Momentum',
      prose: [
        'In a long, narrow valley the gradient points mostly across it, so plain descent zigzags.',
        'Momentum keeps a velocity that accumulates gradients:',
        '',
        '$$v^{(t+1)} = \\alpha v^{(t)} + \\lambda \\frac{\\partial E}{\\partial w}$$',
        '$$w^{(t+1)} = w^{(t)} - v^{(t+1)}$$',
        '',
        'with $0 \\le \\alpha < 1$, usually 0.5 to 0.9.',
      ].join('\n'),
      state: 'panel=training&preset=mlp&data=mnist&opt=momentum&lr=0.01',
      exercise: {
        kind: 'numeric',
        question:
          'With $\\alpha = 0.9$ and a gradient that stays the same, the velocity settles where $v = 0.9v + \\lambda g$. How many times $\\lambda g$ is that?',
        answer: 10,
        tolerance: 0,
        hint: 'Solve $v = \\alpha v + \\lambda g$: $v = \\lambda g / (1 - \\alpha) = \\lambda g / 0.1$.',
      },
    },
  ],
};
