import type { Lesson } from '../types';

/**
 * The chain rule on the 2-2-1 tanh network of deck 001, with the maths panel's starting
 * values (core/tinyNet.ts TINY_NET_DEFAULTS); every answer was computed with tinyNetForward
 * and tinyNetBackward.
 */
export const BACKPROPAGATION: Lesson = {
  id: 'backpropagation',
  title: 'Backpropagation with a 2-2-1 network',
  summary:
    'Run the chain rule by hand on a network of two inputs, two tanh units and one output, then check each number against the lab.',
  deck: '001',
  minutes: 20,
  steps: [
    {
      title: 'The forward pass',
      prose: [
        'The maths panel’s small network has inputs $x_1, x_2$, two tanh hidden units and a linear',
        'output, trained with the squared error $E = \\tfrac12 (f - y)^2$:',
        '',
        '$$h_1 = x_1 w_1 + x_2 w_2 + b_1$$',
        '$$h_2 = x_1 w_3 + x_2 w_4 + b_2$$',
        '$$u_i = \\tanh h_i, \\quad f = u_1 w_5 + u_2 w_6 + b_3$$',
        '',
        'It starts from $x_1 = 0.5$, $x_2 = -1$, $y = 1$, $w_1 = 0.4$, $w_2 = -0.3$, $w_3 = 0.7$,',
        '$w_4 = 0.2$, $w_5 = 0.9$, $w_6 = -0.6$, $b_1 = 0.1$, $b_2 = -0.2$, $b_3 = 0.05$. If you have',
        'changed them, press “Reset the numbers” first.',
      ].join('\n'),
      state: 'panel=maths',
      exercise: {
        kind: 'numeric',
        question: 'What is the first hidden unit’s input $h_1$?',
        answer: 0.6,
        tolerance: 0.001,
        hint: '$h_1 = x_1 w_1 + x_2 w_2 + b_1 = 0.5 \\cdot 0.4 + (-1) \\cdot (-0.3) + 0.1 = 0.2 + 0.3 + 0.1$.',
      },
    },
    {
      title: 'The output and its error',
      prose: [
        'Next come $u_1 = \\tanh 0.6 \\approx 0.5370$ and $u_2 = \\tanh(-0.05) \\approx -0.0500$, then',
        'the output $f$. Step the panel’s walk-through forward and each value appears beside its unit in the diagram.',
      ].join('\n'),
      state: 'panel=maths',
      exercise: {
        kind: 'numeric',
        question: 'What is the network’s output $f$? (Three decimals are enough.)',
        answer: 0.5633,
        tolerance: 0.001,
        hint: '$f = u_1 w_5 + u_2 w_6 + b_3 \\approx 0.5370 \\cdot 0.9 + (-0.0500) \\cdot (-0.6) + 0.05 \\approx 0.4833 + 0.0300 + 0.05$.',
      },
    },
    {
      title: 'The first local gradient',
      prose: [
        'Backpropagation walks the graph from the error to the weights, multiplying local',
        'derivatives on the way (the chain rule). It starts at the output:',
        '',
        '$$\\delta_1 = \\frac{\\partial E}{\\partial f} = f - y$$',
        '',
        'The sign says which way to move $f$: a negative $\\delta_1$ means the output is too small.',
      ].join('\n'),
      state: 'panel=maths',
      exercise: {
        kind: 'numeric',
        question: 'What is $\\delta_1$?',
        answer: -0.4367,
        tolerance: 0.001,
        hint: '$\\delta_1 = f - y \\approx 0.5633 - 1$.',
      },
    },
    {
      title: 'A weight’s gradient',
      prose: [
        'A weight into the output gets its gradient from $\\delta_1$ and the value it multiplies:',
        '',
        '$$\\frac{\\partial E}{\\partial w_5} = \\frac{\\partial E}{\\partial f} \\cdot \\frac{\\partial f}{\\partial w_5} = \\delta_1 u_1$$',
      ].join('\n'),
      state: 'panel=maths',
      exercise: {
        kind: 'numeric',
        question: 'What is $\\partial E / \\partial w_5$?',
        answer: -0.2345,
        tolerance: 0.001,
        hint: '$\\delta_1 u_1 \\approx -0.4367 \\cdot 0.5370$.',
      },
    },
    {
      title: 'Through the tanh',
      prose: [
        'One layer further back, the gradient passes through $w_5$ and then through the tanh:',
        '',
        '$$\\delta_2 = \\delta_1 w_5$$',
        '$$\\delta_4 = \\frac{\\partial E}{\\partial h_1} = \\delta_2 \\,(1 - \\tanh^2 h_1) = \\delta_2 (1 - u_1^2)$$',
        '',
        'The tanh’s slope can be read from its own output, which the forward pass already has.',
      ].join('\n'),
      state: 'panel=maths',
      exercise: {
        kind: 'choice',
        question:
          'A hidden unit uses ReLU instead of tanh, and its input $h$ is negative for this example. What gradient reaches the weights feeding it?',
        choices: [
          {
            text: 'Zero: ReLU’s slope is 0 for negative inputs, so it blocks the gradient.',
            correct: true,
            why: 'The chain multiplies by the local slope; for $h < 0$ ReLU outputs 0 whatever $h$ is, so its slope, and every gradient behind it, is 0 for this example.',
          },
          {
            text: 'The same as with tanh, since only the output layer matters.',
            why: 'Every local derivative on the path enters the product; changing the activation changes that factor.',
          },
          {
            text: '$\\delta_2$ unchanged, since ReLU’s slope is always 1.',
            why: 'That holds only for $h > 0$; for a negative input the slope is 0.',
          },
        ],
      },
    },
  ],
};
