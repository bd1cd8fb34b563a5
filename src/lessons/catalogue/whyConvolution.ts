import type { Lesson } from '../types';

/** The 200×200 comparison: fully connected, locally connected and convolutional parameter counts. */
export const WHY_CONVOLUTION: Lesson = {
  id: 'why-convolution',
  title: 'Why convolution?',
  summary:
    'Count the weights it takes to connect a 200×200 image to 40,000 hidden units three ways, and see why sharing a small filter wins.',
  deck: '000',
  minutes: 12,
  steps: [
    {
      title: 'Connecting every pixel to every unit',
      prose: [
        'Take a grey $200 \\times 200$ image and a hidden layer of 40,000 units. In a fully',
        'connected layer every unit has its own weight for every pixel. The “why convolution”',
        'card on this panel counts the weights for you; try the sum yourself first.',
        '',
        'Biases are left out here, as the lecture does: they change the totals very little.',
      ].join('\n'),
      state: 'panel=convolution',
      exercise: {
        kind: 'numeric',
        question: 'How many weights does the fully connected layer need?',
        answer: 1_600_000_000,
        tolerance: 0,
        unit: 'weights',
        hint: 'Pixels times hidden units: $200 \\cdot 200 \\cdot 40{,}000 = 40{,}000 \\cdot 40{,}000 = 1.6 \\times 10^9$ (the lecture rounds this to “about 2 billion”).',
      },
    },
    {
      title: 'Looking only at a small patch',
      prose: [
        'Nearby pixels are strongly related; pixels far apart much less so. A **locally connected**',
        'layer uses that: each of the 40,000 units looks only at its own $10 \\times 10$ patch of',
        'the image, with weights of its own.',
        '',
        'The count no longer depends on the image size, only on the number of units and the patch.',
      ].join('\n'),
      state: 'panel=convolution',
      exercise: {
        kind: 'numeric',
        question: 'How many weights does the locally connected layer need?',
        answer: 4_000_000,
        tolerance: 0,
        unit: 'weights',
        hint: 'Each unit has one weight per pixel of its patch: $40{,}000 \\cdot 10 \\cdot 10 = 4 \\times 10^6$.',
      },
    },
    {
      title: 'Sharing one filter across the image',
      prose: [
        'Image statistics are roughly the same everywhere: an edge is an edge wherever it is. So a',
        '**convolutional** layer gives every position the same weights, one small filter slid over',
        'the whole image, and learns several such filters.',
        '',
        'With 100 filters of $10 \\times 10$ and stride 1, every filter still produces a map of',
        'units over the whole image.',
      ].join('\n'),
      state: 'panel=convolution',
      exercise: {
        kind: 'numeric',
        question: 'How many weights do 100 filters of $10 \\times 10$ have in all?',
        answer: 10_000,
        tolerance: 0,
        unit: 'weights',
        hint: 'Filters times the weights in one filter: $100 \\cdot 10 \\cdot 10 = 10^4$, whatever the image size.',
      },
    },
    {
      title: 'What each saving assumes',
      prose: [
        'Each step down the ladder trades flexibility for far fewer weights:',
        '',
        '- fully connected: $1.6 \\times 10^9$ weights;',
        '- locally connected, $10 \\times 10$ patches: $4 \\times 10^6$ weights;',
        '- convolutional, 100 filters of $10 \\times 10$: $10^4$ weights.',
        '',
        'Fewer weights also means fewer training images are needed to fit them.',
      ].join('\n'),
      state: 'panel=convolution',
      exercise: {
        kind: 'choice',
        question:
          'What assumption lets a convolutional layer use the same weights at every position?',
        choices: [
          {
            text: 'The image is stationary: a pattern worth detecting looks the same wherever it appears.',
            correct: true,
            why: 'That is exactly what sharing means: one detector, applied everywhere, because what it looks for does not depend on where.',
          },
          {
            text: 'The images are registered, so each part of the object is always at the same place.',
            why: 'Registered images (aligned faces, say) are where a *locally connected* layer with its own weights per position pays off; sharing is not needed for them.',
          },
          {
            text: 'Distant pixels are strongly correlated.',
            why: 'It is the other way round: correlation is mostly local, which justifies small patches, not shared weights.',
          },
        ],
      },
    },
    {
      title: 'Where a locally connected layer fits',
      prose: [
        'Sharing is not always what you want. When every image is aligned the same way, a given',
        'position always shows the same part of the object, and a filter of its own there can help.',
      ].join('\n'),
      state: 'panel=convolution',
      exercise: {
        kind: 'choice',
        question: 'For which task is a locally connected layer (no sharing) the better fit?',
        choices: [
          {
            text: 'Recognising faces that have been cropped and aligned so the eyes are always in the same place.',
            correct: true,
            why: 'The input is registered: each position always holds the same facial feature, so weights specific to each position can be worth their cost.',
          },
          {
            text: 'Finding cats anywhere in holiday photos.',
            why: 'A cat may be anywhere, so a detector that works at every position (a shared filter) is what you want.',
          },
          {
            text: 'Classifying handwritten digits that can be shifted around the image.',
            why: 'Shifted digits break the one-to-one link between a position and a part of the digit; shared filters cope with shifts.',
          },
        ],
      },
    },
  ],
};
