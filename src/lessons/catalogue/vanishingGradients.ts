import type { Lesson } from '../types';

/** Vanishing gradients in a deep sigmoid MLP: the sigmoid's slope is at most 1/4. */
export const VANISHING_GRADIENTS: Lesson = {
  id: 'vanishing-gradients',
  title: 'Vanishing gradients',
  summary:
    'See why the first layers of a deep sigmoid network barely learn, and what ReLU, normalisation and skip connections change.',
  deck: '001',
  minutes: 15,
  steps: [
    {
      title: 'The sigmoid’s slope',
      prose: [
        'The sigmoid $\\sigma(x) = 1 / (1 + e^{-x})$ has the derivative $\\sigma(x)(1 - \\sigma(x))$.',
        'It is largest in the middle and close to 0 once the unit saturates. Every layer the',
        'gradient passes on its way back multiplies it by one such slope.',
      ].join('\n'),
      state: 'panel=network&preset=mlp-deep-sigmoid&data=mnist',
      exercise: {
        kind: 'numeric',
        question: 'What is the largest value the sigmoid’s derivative takes (at $x = 0$)?',
        answer: 0.25,
        tolerance: 0,
        hint: '$\\sigma(0) = 0.5$, so $\\sigma(0)(1 - \\sigma(0)) = 0.5 \\cdot 0.5$.',
      },
    },
    {
      title: 'Six layers of shrinking',
      prose: [
        'This network has six hidden layers of 32 sigmoid units. Even in the best case, where every',
        'unit sits at its steepest point, each sigmoid multiplies the gradient by at most $1/4$.',
      ].join('\n'),
      state: 'panel=network&preset=mlp-deep-sigmoid&data=mnist',
      exercise: {
        kind: 'numeric',
        question:
          'At best, by what factor have six sigmoid slopes scaled the gradient by the time it reaches the first layer? (A decimal to three significant figures, or in e-notation such as 1.23e-4.)',
        answer: 0.000244140625,
        tolerance: 0.00001,
        hint: 'Six factors of at most $0.25$: $0.25^6 = 1/4096$. (The weights scale it too, which can help or hurt.)',
      },
    },
    {
      title: 'Watch the gradient norms',
      prose: [
        'Press **Train** on the Forward & backward panel and let the deep sigmoid network run for',
        'a few hundred steps, then pause and look at the “Gradient flow over training” chart of',
        'per-layer gradient norms. Compare where each layer’s line sits; the scale is logarithmic.',
      ].join('\n'),
      state: 'panel=network&preset=mlp-deep-sigmoid&data=mnist',
      actions: [{ id: 'training.epoch' }],
      exercise: {
        kind: 'choice',
        question: 'Which layer’s weights get the smallest gradients in the deep sigmoid network?',
        choices: [
          {
            text: 'The first hidden layer, nearest the input.',
            correct: true,
            why: 'Its gradient has passed through the most sigmoid slopes, each at most $1/4$.',
          },
          {
            text: 'The output layer.',
            why: 'The output layer’s gradient is $p - y$ times its inputs, with no sigmoid slope in between: it is the largest.',
          },
          {
            text: 'They are all about the same.',
            why: 'The chain rule multiplies one more slope per layer, so the sizes differ layer by layer.',
          },
        ],
      },
    },
    {
      title: 'What helps',
      prose: [
        'The remedies the lectures list attack the product of small factors: activations whose',
        'slope is 1 where they are active (ReLU), normalisation that keeps units out of their flat',
        'ends, better initialisation, and skip connections that give the gradient a path around',
        'layers.',
      ].join('\n'),
      state: 'panel=network&preset=mlp&data=mnist',
      exercise: {
        kind: 'choice',
        question: 'Why does ReLU suffer less from vanishing gradients than the sigmoid?',
        choices: [
          {
            text: 'Its slope is exactly 1 for every positive input, so active units pass the gradient on undiminished.',
            correct: true,
            why: 'A factor of 1 does not shrink the product; only inactive units (slope 0) block it, and for those inputs only.',
          },
          {
            text: 'Its slope is larger than 1, which makes up for the weights.',
            why: 'ReLU’s slope is 0 or 1, never more; a slope above 1 would risk exploding gradients instead.',
          },
          {
            text: 'It has no derivative, so backpropagation skips it.',
            why: 'It has a derivative everywhere except at 0, and backpropagation uses it like any other.',
          },
        ],
      },
    },
  ],
};
