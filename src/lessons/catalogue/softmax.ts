import type { Lesson } from '../types';

/** Softmax, one-hot targets, cross-entropy and its gradient p − y; numbers from core/reference/loss.ts. */
export const SOFTMAX: Lesson = {
  id: 'softmax-cross-entropy',
  title: 'Softmax and cross-entropy',
  summary:
    'Turn a network’s scores into probabilities, score them against the true class, and see why the gradient is simply p − y.',
  deck: '001',
  minutes: 15,
  steps: [
    {
      title: 'From scores to probabilities',
      prose: [
        'A classifier’s last layer produces one score (logit) $z_j$ per class. Softmax turns them',
        'into probabilities that are positive and add up to 1:',
        '',
        '$$p_j = \\frac{e^{z_j}}{\\sum_k e^{z_k}}$$',
        '',
        'The maths panel shows the logits, the softmax bars and the loss for the selected image.',
        'Load trained weights to see a confident network.',
      ].join('\n'),
      state: 'panel=maths&preset=lenet5&data=mnist',
      actions: [{ id: 'training.load-pretrained' }],
      exercise: {
        kind: 'numeric',
        question:
          'Three classes have logits $z = (2, 1, 0)$. What probability does softmax give the first class? (Three decimals.)',
        answer: 0.6652,
        tolerance: 0.001,
        hint: '$p_1 = e^2 / (e^2 + e^1 + e^0) \\approx 7.389 / (7.389 + 2.718 + 1)$.',
      },
    },
    {
      title: 'Shifting every score',
      prose: [
        'Only the differences between logits matter to softmax: the factor $e^{c}$ from adding $c$',
        'to every score cancels between the top and the bottom of the fraction. Software uses this',
        'to subtract the largest logit before exponentiating, so nothing overflows.',
      ].join('\n'),
      state: 'panel=maths&preset=lenet5&data=mnist',
      exercise: {
        kind: 'choice',
        question:
          'The logits $(2, 1, 0)$ become $(102, 101, 100)$. What happens to the probabilities?',
        choices: [
          {
            text: 'Nothing: they stay about $(0.665, 0.245, 0.090)$.',
            correct: true,
            why: 'Adding the same number to every logit multiplies every $e^{z_j}$ by the same factor, which cancels in the ratio.',
          },
          {
            text: 'They all move towards $1/3$, because the logits are now close in relative terms.',
            why: 'Softmax looks at differences, not ratios: the gaps are still 1 and 1.',
          },
          {
            text: 'The first class gets almost all of it, because $e^{102}$ is huge.',
            why: '$e^{101}$ and $e^{100}$ are huge too; only their ratios to $e^{102}$ count, and those have not changed.',
          },
        ],
      },
    },
    {
      title: 'Cross-entropy against a one-hot target',
      prose: [
        'The target is written **one-hot**: a vector $y$ with 1 at the true class and 0 elsewhere.',
        'Cross-entropy compares it with the probabilities:',
        '',
        '$$L = -\\sum_j y_j \\log p_j = -\\log p_{\\text{true}}$$',
        '',
        'It is 0 when the network puts all its probability on the right class, and grows without',
        'bound as that probability falls to 0.',
      ].join('\n'),
      state: 'panel=maths&preset=lenet5&data=mnist',
      exercise: {
        kind: 'numeric',
        question:
          'With logits $(2, 1, 0)$ the true class is the **third** one ($p_3 \\approx 0.0900$). What is the loss (natural log, three decimals)?',
        answer: 2.4076,
        tolerance: 0.001,
        hint: '$L = -\\ln p_3 \\approx -\\ln 0.0900$. (For the first class it would be $-\\ln 0.665 \\approx 0.408$.)',
      },
    },
    {
      title: 'A network that knows nothing',
      prose: [
        'Before training, a network’s logits are close to each other and softmax spreads the',
        'probability almost evenly. That gives a useful check on the first reported loss.',
      ].join('\n'),
      state: 'panel=training&preset=lenet5&data=mnist',
      actions: [{ id: 'training.reset' }, { id: 'training.step' }],
      exercise: {
        kind: 'numeric',
        question:
          'With 10 classes and equal logits, what is the cross-entropy loss? (Three decimals.)',
        answer: 2.3026,
        tolerance: 0.001,
        hint: 'Every class gets $p = 1/10$, so $L = -\\ln(1/10) = \\ln 10$.',
      },
    },
    {
      title: 'The gradient: probabilities minus target',
      prose: [
        'Softmax and cross-entropy together have a very simple derivative with respect to the logits:',
        '',
        '$$\\frac{\\partial L}{\\partial z_j} = p_j - y_j$$',
        '',
        'This is where the backward pass starts: the true class’s logit is pushed up by',
        '$1 - p_{\\text{true}}$, every other logit pushed down by its own probability.',
      ].join('\n'),
      state: 'panel=maths&preset=lenet5&data=mnist',
      exercise: {
        kind: 'numeric',
        question:
          'With logits $(2, 1, 0)$ and the first class true, what is $\\partial L / \\partial z_1$? (Three decimals.)',
        answer: -0.3348,
        tolerance: 0.001,
        hint: '$p_1 - y_1 \\approx 0.6652 - 1$.',
      },
    },
  ],
};
