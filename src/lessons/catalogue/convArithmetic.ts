import type { Lesson } from '../types';

/** Output size, stride, zero padding and the parameter count of a convolution layer. */
export const CONV_ARITHMETIC: Lesson = {
  id: 'conv-arithmetic',
  title: 'Convolution arithmetic',
  summary:
    'Work out a convolution layer’s output size from its input, kernel, stride and padding, and count its parameters.',
  deck: '003',
  minutes: 15,
  steps: [
    {
      title: 'A kernel sliding over a small input',
      prose: [
        'The explainer shows a $7 \\times 7$ input and a $3 \\times 3$ kernel. At each position the',
        'kernel covers nine input values; the output value there is the sum of those nine values,',
        'each multiplied by the kernel weight on top of it.',
        '',
        'With stride 1 the kernel moves one pixel at a time. Step through a row and count how many',
        'positions fit before the kernel would hang over the edge. Below, $N$ is the input’s side',
        '(the explainer calls it $W$), $F$ the kernel’s side and $S$ the stride.',
      ].join('\n'),
      state: 'panel=convolution&cv=7-3-1-0-1-1-1',
      exercise: {
        kind: 'numeric',
        question: 'How many output values does one row of the output have?',
        answer: 5,
        tolerance: 0,
        unit: 'values',
        hint: 'Along one side the output has $(N - F)/S + 1$ values. Here $N = 7$, $F = 3$, $S = 1$: $(7 - 3)/1 + 1$.',
      },
    },
    {
      title: 'A bigger stride',
      prose: [
        'The stride is how far the kernel jumps between two positions. A stride of 2 skips every',
        'other position, so the output shrinks faster than the input:',
        '',
        '$$\\text{output side} = \\frac{N - F}{S} + 1$$',
      ].join('\n'),
      state: 'panel=convolution&cv=7-3-2-0-1-1-1',
      exercise: {
        kind: 'numeric',
        question:
          'With stride 2, how wide is the output of the $3 \\times 3$ kernel on the $7 \\times 7$ input?',
        answer: 3,
        tolerance: 0,
        unit: 'pixels',
        hint: 'Put $N = 7$, $F = 3$, $S = 2$ into $(N - F)/S + 1$: $(7 - 3)/2 + 1 = 4/2 + 1$.',
      },
    },
    {
      title: 'A stride that does not fit',
      prose: [
        'Not every stride suits every input. Set the stride to 3 and watch where the kernel lands',
        'on its second jump, and what is left at the right-hand edge.',
      ].join('\n'),
      state: 'panel=convolution&cv=7-3-3-0-1-1-1',
      exercise: {
        kind: 'choice',
        question: 'What does the formula say for stride 3, and what does it mean?',
        choices: [
          {
            text: '$(7 - 3)/3 + 1 \\approx 2.33$: the windows do not tile the input, so this stride does not fit a $7 \\times 7$ input with a $3 \\times 3$ kernel.',
            correct: true,
            why: 'A fraction of a position cannot exist. Frameworks round down to 2 and silently ignore the last column and row, which is why you pick a stride (or a padding) that makes the division come out whole.',
          },
          {
            text: '$(7 - 3)/3 + 1 = 3$: the output is $3 \\times 3$.',
            why: '$4/3$ is not 2, so the result is not 3. Three positions would need the third window to start at column 6, where it would run two columns past the edge.',
          },
          {
            text: 'The output is $7 \\times 7$, because the stride only changes how fast the kernel moves.',
            why: 'The stride changes how many positions fit: the bigger the jump, the fewer positions, the smaller the output.',
          },
        ],
      },
    },
    {
      title: 'Zero padding keeps the size',
      prose: [
        'Padding adds a border of zeros around the input before the kernel slides, so the kernel can',
        'be centred on the edge pixels too. With a padding of $P$ on every side the formula becomes',
        '',
        '$$\\text{output side} = \\frac{N - F + 2P}{S} + 1$$',
        '',
        'The explainer now pads the $7 \\times 7$ input with one pixel: the output is $7 \\times 7$ again.',
        'With stride 1 and an odd $F$, a padding of $(F - 1)/2$ always keeps the size.',
      ].join('\n'),
      state: 'panel=convolution&cv=7-3-1-1-1-1-1',
      exercise: {
        kind: 'numeric',
        question:
          'With stride 1, how much zero padding keeps the output the same size as the input for a $5 \\times 5$ kernel?',
        answer: 2,
        tolerance: 0,
        unit: 'pixels',
        hint: 'The size is kept when $N - F + 2P = N - 1$ at stride 1, that is $P = (F - 1)/2$. With $F = 5$: $(5 - 1)/2$.',
      },
    },
    {
      title: 'A whole layer: ten 5×5 filters on 32×32×3',
      prose: [
        'A real layer has many filters, and each filter spans every input channel. This network’s',
        'first layer takes a $32 \\times 32 \\times 3$ colour image through ten $5 \\times 5$ filters',
        'with stride 1 and padding 2. Each filter gives one output channel.',
        '',
        'A filter has $F \\cdot F \\cdot D$ weights for an input with $D$ channels, plus one bias.',
        'The explorer’s table shows the layer’s shape and parameter count; cover them and work',
        'them out first.',
      ].join('\n'),
      state: 'panel=architecture&preset=conv-example&layer=0',
      exercise: {
        kind: 'numeric',
        question:
          'How many parameters (weights and biases) does this first convolution layer have?',
        answer: 760,
        tolerance: 0,
        unit: 'parameters',
        hint: 'Each filter has $5 \\cdot 5 \\cdot 3$ weights plus 1 bias, and there are 10 filters: $(5 \\cdot 5 \\cdot 3 + 1) \\cdot 10 = 76 \\cdot 10$.',
      },
    },
    {
      title: 'The output volume',
      prose: [
        'The output’s width and height come from the formula; its depth is simply the number of',
        'filters, since each filter produces one feature map.',
      ].join('\n'),
      state: 'panel=architecture&preset=conv-example&layer=0',
      exercise: {
        kind: 'choice',
        question: 'What shape does the first layer output?',
        choices: [
          {
            text: '$32 \\times 32 \\times 10$',
            correct: true,
            why: '$(32 - 5 + 2 \\cdot 2)/1 + 1 = 32$ on each side, and ten filters give ten channels.',
          },
          {
            text: '$28 \\times 28 \\times 10$',
            why: 'That would be the size without padding: $(32 - 5)/1 + 1 = 28$. The padding of 2 adds 4 to the input side.',
          },
          {
            text: '$32 \\times 32 \\times 3$',
            why: 'The depth of the output is the number of filters (10), not the number of input channels: each filter sums over all three channels.',
          },
          {
            text: '$32 \\times 32 \\times 30$',
            why: 'A filter does not give one map per input channel; it adds its three channels’ products into a single map.',
          },
        ],
      },
    },
  ],
};
