import type { Lesson } from '../types';

/** Receptive fields: linear growth at stride 1, exponential growth with striding, dilation. */
export const RECEPTIVE_FIELDS: Lesson = {
  id: 'receptive-fields',
  title: 'Receptive fields',
  summary:
    'Follow how much of the input one unit sees as layers stack up: linear growth at stride 1, much faster growth with strides or dilation.',
  deck: '003',
  minutes: 15,
  steps: [
    {
      title: 'The patch a unit depends on',
      prose: [
        'A unit’s **receptive field** is the part of the input image that can change its value.',
        'A unit of a first $3 \\times 3$ convolution sees a $3 \\times 3$ patch. Click a unit of any',
        'layer and the panel outlines its field on the input.',
        '',
        'This network stacks four $3 \\times 3$ convolutions with stride 1. Each new layer looks at',
        'a $3 \\times 3$ block of the previous layer’s units, which reaches one pixel further out',
        'on every side: the field grows by $F - 1 = 2$ per layer.',
      ].join('\n'),
      state: 'panel=receptive&preset=conv3-stack&data=mnist&layer=3&unit=14-14',
      exercise: {
        kind: 'numeric',
        question:
          'How many pixels wide is the receptive field of a unit of the fourth convolution?',
        answer: 9,
        tolerance: 0,
        unit: 'pixels',
        hint: 'At stride 1 the field is $1 + L(F - 1)$ after $L$ layers of $F \\times F$ kernels: $1 + 4 \\cdot (3 - 1)$.',
      },
    },
    {
      title: 'Strides make it grow fast',
      prose: [
        'Now the same four convolutions use stride 2. After a stride-2 layer, neighbouring units',
        'are two input pixels apart, so the next layer’s kernel spans twice as much input. Each',
        'layer adds $(F - 1)$ times the current spacing (the **jump**), and the jump doubles at',
        'every stride-2 layer: 1, 2, 4, 8.',
      ].join('\n'),
      state: 'panel=receptive&preset=strided-stack&data=mnist&layer=3&unit=1-1',
      exercise: {
        kind: 'numeric',
        question: 'How wide is the receptive field of a unit of the fourth stride-2 convolution?',
        answer: 31,
        tolerance: 0,
        unit: 'pixels',
        hint: 'Add $(F - 1) \\cdot \\text{jump}$ per layer, with jumps 1, 2, 4, 8: $1 + 2 \\cdot 1 + 2 \\cdot 2 + 2 \\cdot 4 + 2 \\cdot 8 = 31$ (after each layer: 3, 7, 15, 31).',
      },
    },
    {
      title: 'Linear or exponential?',
      prose: [
        'Compare the two stacks’ growth charts: 3, 5, 7, 9 at stride 1 against 3, 7, 15, 31 with',
        'stride 2.',
      ].join('\n'),
      state: 'panel=receptive&preset=strided-stack&data=mnist&layer=3',
      exercise: {
        kind: 'choice',
        question: 'How does the receptive field grow with depth?',
        choices: [
          {
            text: 'Linearly at stride 1; exponentially when layers stride (by convolution or by pooling).',
            correct: true,
            why: 'At stride 1 each layer adds the same $F - 1$; striding multiplies the jump, so each layer adds more than the one before.',
          },
          {
            text: 'Exponentially in every case, because each layer multiplies the field by $F$.',
            why: 'Four stride-1 $3 \\times 3$ layers reach 9, not $3^4 = 81$: the fields of neighbouring units overlap, so each layer adds only $F - 1$.',
          },
          {
            text: 'Only pooling layers make it grow; convolutions keep it the same.',
            why: 'Every convolution with $F > 1$ widens the field by $(F - 1) \\cdot \\text{jump}$; pooling is just one more window that does the same.',
          },
        ],
      },
    },
    {
      title: 'Dilation: spreading the kernel',
      prose: [
        'A **dilated** convolution leaves gaps between its kernel’s taps: with dilation $d$ a',
        '$k \\times k$ kernel spans $d(k - 1) + 1$ pixels, yet still has only $k^2$ weights per',
        'channel pair. This stack uses dilations 1, 2 and 4 with stride 1 and “same” padding, so',
        'the maps stay $32 \\times 32$ while the field widens quickly.',
      ].join('\n'),
      state: 'panel=architecture&preset=dilated-stack&layer=2',
      exercise: {
        kind: 'numeric',
        question: 'How wide is the receptive field of the third layer (dilation 4)?',
        answer: 15,
        tolerance: 0,
        unit: 'pixels',
        hint: 'Each layer adds $d(k - 1)$ at stride 1: $1 + 1 \\cdot 2 + 2 \\cdot 2 + 4 \\cdot 2 = 15$ (after each layer: 3, 7, 15).',
      },
    },
    {
      title: 'Find a unit that sees the corner',
      prose: [
        'Each unit’s field sits somewhere on the input; neighbouring units’ fields are one jump',
        'apart. In LeNet-5 a unit of the second convolution sees $14 \\times 14$ pixels, and its',
        'units are 2 input pixels apart. Click units of that layer and watch the outline move.',
      ].join('\n'),
      state: 'panel=receptive&preset=lenet5&data=mnist&layer=2&unit=9-9',
      exercise: {
        kind: 'make-it-so',
        question:
          'Select a unit of LeNet-5’s second convolution whose receptive field covers the top-left input pixel.',
        check: { id: 'unit-field-covers', params: { layer: 2, row: 0, col: 0 } },
        start: { link: 'panel=receptive&preset=lenet5&data=mnist&layer=2&unit=9-9' },
        solution: { link: 'panel=receptive&preset=lenet5&data=mnist&layer=2&unit=0-0' },
        hint: 'Units near the top-left of the map see the top-left of the image: try row 0, column 0 of the second convolution’s $10 \\times 10$ map.',
      },
    },
    {
      title: 'Why the field matters',
      prose: [
        'A unit can only respond to a pattern that fits inside its receptive field. Early layers,',
        'with small fields, find edges and blobs; later layers, with large ones, can respond to',
        'whole parts of an object.',
      ].join('\n'),
      state: 'panel=receptive&preset=lenet5&data=mnist&layer=3',
      exercise: {
        kind: 'choice',
        question:
          'A unit of LeNet-5’s second pooling layer sees a $16 \\times 16$ patch of the $28 \\times 28$ digit. What can it respond to?',
        choices: [
          {
            text: 'A stroke or loop that fits inside those $16 \\times 16$ pixels, such as the top of a 9.',
            correct: true,
            why: 'Its value can only depend on the pixels in its field, and $16 \\times 16$ is large enough for a good part of a digit.',
          },
          {
            text: 'The whole digit, wherever it is in the image.',
            why: 'Pixels outside the $16 \\times 16$ patch cannot change the unit at all; only the dense layers after it see the whole image.',
          },
          {
            text: 'Only a single pixel, since pooling keeps one value per window.',
            why: 'Pooling keeps one value, but that value came from a window of convolution outputs, each of which looked at a patch of its own.',
          },
        ],
      },
    },
  ],
};
