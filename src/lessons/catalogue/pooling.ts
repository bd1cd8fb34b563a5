import { linkOf } from '../links';
import type { Lesson } from '../types';
import { catalogueNetwork, editedNetwork } from './networks';

// LeNet-5 with its first convolution widened to 8 filters and given stride 2 (analyzeNetwork:
// 14×14×8, no errors).
const STRIDED_LENET = editedNetwork('lenet5', { 0: { filters: 8, stride: 2 } });

/** Pooling: output size, no parameters, the P + K − 1 receptive field and robustness to shifts. */
export const POOLING: Lesson = {
  id: 'pooling',
  title: 'Pooling',
  summary:
    'Shrink feature maps with max and average pooling: output size, why pooling has no weights, and what a pooled unit sees.',
  deck: '000',
  minutes: 12,
  steps: [
    {
      title: 'Taking the largest value in each window',
      prose: [
        'A pooling layer slides a window over each feature map and keeps one number per window:',
        'the largest (max pooling), the mean (average pooling) or the root of the sum of squares',
        '(L2 pooling). Each channel is pooled on its own, so the depth does not change.',
        '',
        'The **Pooling** card, below the convolution explainer, shows a $2 \\times 2$ max pool with',
        'stride 2 on a $6 \\times 6$ map. The output size follows the same rule as a convolution',
        'without padding: $(N - F)/S + 1$.',
      ].join('\n'),
      state: 'panel=convolution&pool=max-2-2-6',
      exercise: {
        kind: 'numeric',
        question: 'How wide is the pooled output?',
        answer: 3,
        tolerance: 0,
        unit: 'pixels',
        hint: 'Put $N = 6$, $F = 2$, $S = 2$ into $(N - F)/S + 1$: $(6 - 2)/2 + 1$.',
      },
    },
    {
      title: 'Overlapping windows',
      prose: [
        'A $3 \\times 3$ window with stride 2 overlaps its neighbour by one row and one column.',
        'The Pooling card now pools a $7 \\times 7$ map that way.',
      ].join('\n'),
      state: 'panel=convolution&pool=max-3-2-7',
      exercise: {
        kind: 'numeric',
        question:
          'How wide is the output of the $3 \\times 3$, stride 2 pool on the $7 \\times 7$ map?',
        answer: 3,
        tolerance: 0,
        unit: 'pixels',
        hint: '$(N - F)/S + 1$ with $N = 7$, $F = 3$, $S = 2$: $(7 - 3)/2 + 1$.',
      },
    },
    {
      title: 'Nothing to learn',
      prose: [
        'Switch the Pooling card between max, average and L2 and watch the output change. None of',
        'them has a weight: the reduction is fixed.',
      ].join('\n'),
      state: 'panel=convolution&pool=avg-2-2-6',
      exercise: {
        kind: 'choice',
        question: 'How many parameters does a $2 \\times 2$ max-pooling layer on 16 channels have?',
        choices: [
          {
            text: '0',
            correct: true,
            why: 'Pooling computes a fixed function of its window (a max, a mean); there is nothing for training to adjust.',
          },
          {
            text: '$2 \\cdot 2 \\cdot 16 = 64$',
            why: 'That would be a weight per window position and channel, but max pooling does not weigh its inputs: it just picks the largest.',
          },
          {
            text: '16, one per channel',
            why: 'Some early networks (LeNet’s subsampling layers) did scale each pooled channel by a learned number, but a plain max or average pool has none.',
          },
        ],
      },
    },
    {
      title: 'What a pooled unit sees',
      prose: [
        'In LeNet-5 a $5 \\times 5$ convolution with stride 1 is followed by a $2 \\times 2$ max pool.',
        'One pooled unit takes the largest of four neighbouring convolution outputs, and each of',
        'those looks at its own $5 \\times 5$ patch of the input; the patches overlap.',
        '',
        'With a $K \\times K$ convolution at stride 1 and a $P \\times P$ pool, a pooled unit depends',
        'on a $(P + K - 1) \\times (P + K - 1)$ patch of the convolution’s input. (Here $P$ is the',
        'pool’s size, as in the lecture, not the padding.) The explorer lists the receptive field',
        'of the selected layer.',
      ].join('\n'),
      state: 'panel=architecture&preset=lenet5&layer=1',
      exercise: {
        kind: 'numeric',
        question:
          'How many input pixels wide is the receptive field of one unit of LeNet-5’s first pooling layer?',
        answer: 6,
        tolerance: 0,
        unit: 'pixels',
        hint: 'Use $P + K - 1$ with pool size $P = 2$ and kernel size $K = 5$: $2 + 5 - 1$.',
      },
    },
    {
      title: 'Robust to small shifts',
      prose: [
        'Suppose a filter responds to an eye. If the eye moves one pixel, the strongest response',
        'moves one pixel too, but it usually stays inside the same pooling window, so the pooled',
        'value hardly changes. How much robustness you want decides how much you pool; it is',
        'usually better to pool a little at a time, across several conv-pool stages.',
        '',
        'On the Pooling card, tick “Shift the input one pixel to the right” and compare the output',
        'before and after.',
      ].join('\n'),
      state: 'panel=convolution&pool=max-2-2-6',
      exercise: {
        kind: 'choice',
        question:
          'The largest value in one $2 \\times 2$ window moves one pixel, staying in the same window. What happens to the max-pooled output?',
        choices: [
          {
            text: 'It stays the same.',
            correct: true,
            why: 'The window’s maximum is the same number wherever inside the window it sits, so the output does not notice the shift.',
          },
          {
            text: 'It moves one pixel as well.',
            why: 'The output has one value per window, not per pixel; a move inside a window is invisible after pooling.',
          },
          {
            text: 'It drops to the average of the window.',
            why: 'Max pooling always keeps the largest value; averaging is a different kind of pooling, and neither depends on where in the window the value is.',
          },
        ],
      },
    },
    {
      title: 'A strided convolution instead',
      prose: [
        'Pooling is not the only way to shrink a map: a convolution with stride 2 halves it too, and',
        'learns how to combine what it drops. Many recent networks use strided convolutions in',
        'place of pooling layers. The explorer is open on LeNet-5; edit its first layer.',
      ].join('\n'),
      state: 'panel=architecture&preset=lenet5&layer=0',
      exercise: {
        kind: 'make-it-so',
        question:
          'Change LeNet-5 so its first convolution outputs $14 \\times 14 \\times 8$, without adding a layer.',
        check: { id: 'layer-output-shape', params: { layer: 0, h: 14, w: 14, c: 8 } },
        start: {
          link: linkOf({
            panel: 'architecture',
            presetId: 'lenet5',
            network: catalogueNetwork('lenet5'),
          }),
        },
        solution: {
          link: linkOf({ panel: 'architecture', presetId: 'lenet5', network: STRIDED_LENET }),
        },
        hint: 'The depth is the number of filters (8). For the side, $(28 - 5 + 2 \\cdot 2)/S + 1$ must come to 14 once rounded down: try $S = 2$.',
      },
    },
  ],
};
