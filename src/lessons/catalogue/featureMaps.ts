import type { Lesson } from '../types';

/** Feature maps and learned filters of the trained LeNet-5, layer by layer. */
export const FEATURE_MAPS: Lesson = {
  id: 'feature-maps',
  title: 'Feature maps and learned filters',
  summary:
    'Look inside a trained LeNet-5: what each filter has learned, the maps it produces, and how deeper layers respond to larger parts.',
  deck: '003',
  minutes: 12,
  steps: [
    {
      title: 'One map per filter',
      prose: [
        'Load trained weights for LeNet-5 (the button here, or “Load trained weights” on the',
        'Training panel): untrained filters are just noise. Each filter of a convolution layer',
        'slides over the whole input and writes one **feature map**: bright where the filter’s',
        'pattern is present, dark where it is not.',
      ].join('\n'),
      state: 'panel=features&preset=lenet5&data=mnist&layer=0&ch=0',
      actions: [{ id: 'training.load-pretrained' }],
      exercise: {
        kind: 'numeric',
        question: 'How many feature maps does LeNet-5’s first convolution produce for one image?',
        answer: 6,
        tolerance: 0,
        unit: 'maps',
        hint: 'One map per filter; the first layer has 6 filters (its output is $28 \\times 28 \\times 6$).',
      },
    },
    {
      title: 'What the first filters look for',
      prose: [
        'Compare each first-layer filter with its map. A filter with a bright row above a dark one',
        'responds to horizontal edges of one polarity; others respond to vertical or diagonal',
        'strokes.',
      ].join('\n'),
      state: 'panel=features&preset=lenet5&data=mnist&layer=0&ch=1',
      exercise: {
        kind: 'choice',
        question: 'What do first-layer filters of a trained CNN typically detect?',
        choices: [
          {
            text: 'Simple local patterns: edges, strokes at some orientation, blobs and, on colour images, colour contrasts.',
            correct: true,
            why: 'A $5 \\times 5$ filter sees only a $5 \\times 5$ patch, which is room for an edge or a stroke but not for a digit.',
          },
          {
            text: 'Whole digits, one filter per class.',
            why: 'A first-layer unit’s receptive field is only $5 \\times 5$ pixels; a whole digit does not fit.',
          },
          {
            text: 'Random noise: first layers do not learn anything meaningful.',
            why: 'Trained first-layer filters are among the most interpretable parts of a CNN; it is the untrained ones that look like noise.',
          },
        ],
      },
    },
    {
      title: 'Deeper maps',
      prose: [
        'Select the second convolution. Its maps are smaller, and each combines all six maps of the',
        'layer before, so it can respond to combinations: a corner, the end of a stroke, a loop.',
        'Deeper still, networks trained on photos have units for object parts (Zeiler and Fergus).',
      ].join('\n'),
      state: 'panel=features&preset=lenet5&data=mnist&layer=2&ch=0',
      exercise: {
        kind: 'numeric',
        question: 'How wide is each feature map of LeNet-5’s second convolution?',
        answer: 10,
        tolerance: 0,
        unit: 'pixels',
        hint: 'Its input is the $14 \\times 14$ pooled map, with a $5 \\times 5$ kernel, stride 1 and no padding: $(14 - 5)/1 + 1$.',
      },
    },
    {
      title: 'Which images excite a channel',
      prose: [
        'The panel lists the test images that drive the selected channel hardest. Looking at them',
        'together is often the quickest way to guess what a channel has learned.',
      ].join('\n'),
      state: 'panel=features&preset=lenet5&data=mnist&layer=2&ch=3',
      exercise: {
        kind: 'choice',
        question:
          'Why does a second-layer map respond to larger structures than a first-layer map?',
        choices: [
          {
            text: 'Its units have a larger receptive field (14 pixels in LeNet-5 against 5) and combine the first layer’s features.',
            correct: true,
            why: 'Each unit looks through a pool and a second $5 \\times 5$ window at many first-layer units, covering a larger patch of the digit.',
          },
          {
            text: 'Its filters are larger.',
            why: 'Both convolutions use $5 \\times 5$ filters; it is the pooling and stacking that widen what a unit sees.',
          },
          {
            text: 'It sees the input image at a higher resolution.',
            why: 'It sees a smaller, pooled version of the first layer’s maps, not the image itself.',
          },
        ],
      },
    },
  ],
};
