import type { Lesson } from '../types';

/**
 * The numerical gradient against backprop on the maths panel's 2-2-1 network
 * (core/tinyNet.ts defaults; numbers from tinyNetForward, tinyNetBackward and
 * tinyNetNumericalGradient).
 */
export const GRADIENT_CHECK: Lesson = {
  id: 'gradient-check',
  title: 'Checking the gradient',
  summary:
    'Wiggle one weight by a small ε, measure how the loss changes, and compare that slope with what backpropagation says.',
  deck: '000',
  minutes: 12,
  steps: [
    {
      title: 'The loss as a function of one weight',
      prose: [
        'Hold everything fixed except one weight $w$: the loss becomes a function $E(w)$ of one',
        'number, and its slope can be measured without any calculus by nudging $w$ both ways:',
        '',
        '$$\\frac{\\partial E}{\\partial w} \\approx \\frac{E(w + \\varepsilon) - E(w - \\varepsilon)}{2\\varepsilon}$$',
        '',
        'The maths panel’s small network starts with $f \\approx 0.5633$ and target $y = 1$',
        '(press “Reset the numbers” if you changed them).',
      ].join('\n'),
      state: 'panel=maths',
      exercise: {
        kind: 'numeric',
        question: 'What is its error $E = \\tfrac12 (f - y)^2$? (Four decimals.)',
        answer: 0.0953,
        tolerance: 0.0002,
        hint: '$\\tfrac12 (0.5633 - 1)^2 = \\tfrac12 \\cdot 0.4367^2 \\approx \\tfrac12 \\cdot 0.1907$.',
      },
    },
    {
      title: 'Measure a slope by hand',
      prose: [
        'In the 2-2-1 network’s inputs, change $w_1$ from 0.4 to 0.5 and read $E$ (“All steps”',
        'shows every value), then set it to 0.3 and read $E$ again. Put both into the central',
        'difference with $\\varepsilon = 0.1$. Backpropagation says',
        '$\\partial E / \\partial w_1 = \\delta_4 x_1 \\approx -0.1398$.',
      ].join('\n'),
      state: 'panel=maths',
      exercise: {
        kind: 'numeric',
        question:
          'What does the central difference give for $\\partial E / \\partial w_1$ with $\\varepsilon = 0.1$? (Three decimals.)',
        answer: -0.1401,
        tolerance: 0.0005,
        hint: '$(E(0.5) - E(0.3)) / (2 \\cdot 0.1)$, with every other value at its start. It should come out within about 0.001 of backprop’s $-0.1398$.',
      },
    },
    {
      title: 'When the difference is exact',
      prose: [
        'Try the same for $w_5$, the weight from the first hidden unit to the output. Whatever',
        '$\\varepsilon$ you use, the central difference matches backprop’s $-0.2345$ to every digit shown.',
      ].join('\n'),
      state: 'panel=maths',
      exercise: {
        kind: 'choice',
        question: 'Why is the central difference exact for $w_5$ but not for $w_1$?',
        choices: [
          {
            text: '$f$ is linear in $w_5$, so $E(w_5)$ is a parabola, and a central difference is exact for any parabola.',
            correct: true,
            why: 'For $E = a w^2 + b w + c$ the $a$ terms cancel in $E(w+\\varepsilon) - E(w-\\varepsilon)$, leaving exactly $2\\varepsilon(2aw + b)$. $w_1$ passes through a tanh, which is not a parabola.',
          },
          {
            text: '$w_5$ is larger than $w_1$, so the relative error is smaller.',
            why: 'The size of the weight does not matter; the shape of $E$ around it does.',
          },
          {
            text: 'Backprop is only approximate for weights behind a tanh.',
            why: 'Backprop is exact for every weight (up to rounding); the approximation is the finite difference.',
          },
        ],
      },
    },
    {
      title: 'Choosing ε',
      prose: [
        'The gradient check card on the maths panel nudges a weight of the real network in the engine and',
        'compares the slopes. Compare the relative error',
        '$|g_{\\text{num}} - g_{\\text{bp}}| / \\max(|g_{\\text{num}}|, |g_{\\text{bp}}|)$ for each ε it offers.',
      ].join('\n'),
      state: 'panel=maths&preset=lenet5&data=mnist',
      exercise: {
        kind: 'choice',
        question:
          'What goes wrong with a large ε such as 1, and with a tiny one such as $10^{-12}$?',
        choices: [
          {
            text: 'Large: the loss curves within the interval, so the difference misses the slope at $w$. Tiny: the two losses agree in almost every digit and rounding error dominates.',
            correct: true,
            why: 'On the small network ε = 1 gives $-0.162$ for $w_1$ against $-0.140$ (16% off); ε = 0.01 is off by 0.002%. Far smaller, and float rounding wins: in the engine’s 32-bit floats it already shows at ε = 0.0001.',
          },
          {
            text: 'Smaller is always better; only large ε causes problems.',
            why: 'Each loss is stored with limited precision; when ε is tiny their difference is mostly rounding noise divided by a tiny number.',
          },
          {
            text: 'Neither matters: the central difference is exact.',
            why: 'It is exact only for a parabola; in general its error shrinks like $\\varepsilon^2$.',
          },
        ],
      },
    },
    {
      title: 'Make the check disagree',
      prose: [
        'A gradient check is only as good as its ε. Run the maths panel’s check at its default',
        'ε = 0.01: on the weight it opens with, finite differences and backprop agree to about',
        '$10^{-5}$. Then make it fail on purpose.',
      ].join('\n'),
      state: 'panel=maths&preset=lenet5&data=mnist',
      exercise: {
        kind: 'make-it-so',
        question:
          'Make the gradient check disagree: a relative error above 0.01 between finite differences and backprop.',
        check: { id: 'gradient-check-disagrees', params: { relativeError: 0.01 } },
        // Measured in headless Chromium (WASM, seed 1, untrained LeNet-5, test image 0): the
        // weight the card opens with (dense_3 kernel 152) at ε = 0.01 gives 1.1e-5; conv2d_1's
        // first weight at ε = 0.1 gives 0.070 (at ε = 0.0001 rounding gives 0.006 there, 0.25 on
        // dense_1's first weight).
        start: {
          link: 'panel=maths&preset=lenet5&data=mnist',
          report: { gradientCheckRelativeError: 0.000011, gradientCheckEpsilon: 0.01 },
        },
        solution: {
          link: 'panel=maths&preset=lenet5&data=mnist',
          report: { gradientCheckRelativeError: 0.07, gradientCheckEpsilon: 0.1 },
        },
        hint: 'Try both ends of the ε list: the largest (0.1) lets the loss curve inside the interval, and the smallest (0.0001) can drown in the engine’s 32-bit rounding. Weights of the first layer, behind several non-linearities, disagree soonest.',
      },
    },
  ],
};
