import type { Lesson } from '../types';

// The MLP's 96% and the solution's 98.6% are the shipped trained weights' test accuracies
// (public/models/index.json: mlp-mnist 0.9585, lenet5-mnist 0.986, 15 epochs of 225 steps).

/** Supervised learning and the training / validation / test split, on the lab's own MNIST files. */
export const SUPERVISED_LEARNING: Lesson = {
  id: 'supervised-learning',
  title: 'Supervised learning and the three splits',
  summary:
    'Learn from labelled examples, hold some back to tune on, and keep a test set untouched until the very end.',
  deck: '001',
  minutes: 12,
  steps: [
    {
      title: 'Examples with answers',
      prose: [
        'In **supervised** learning every training example comes with the answer we want: here a',
        '$28 \\times 28$ image of a handwritten digit and its label, 0 to 9. Training adjusts the',
        'network’s weights so its outputs match the labels; the real goal is that it also gets',
        'digits right that it has never seen.',
        '',
        'The dataset browser shows the lab’s MNIST files: 8,000 training images and 2,000 test images.',
      ].join('\n'),
      state: 'panel=datasets&data=mnist',
      exercise: {
        kind: 'choice',
        question: 'What makes this a *supervised* task?',
        choices: [
          {
            text: 'Every training image comes with its correct label, and the network learns to reproduce it.',
            correct: true,
            why: 'The labels supervise the learning: the loss compares the network’s output with them.',
          },
          {
            text: 'A person watches the training curve and stops it when it looks good.',
            why: 'Watching and stopping is tuning; it happens in unsupervised learning too. The word is about labelled data.',
          },
          {
            text: 'The network is told which pixels matter.',
            why: 'Nobody marks pixels; the network has to discover which ones matter from the image–label pairs.',
          },
        ],
      },
    },
    {
      title: 'Holding back a validation set',
      prose: [
        'Choosing a learning rate, a network size or when to stop is a second, outer search. To',
        'judge those choices fairly we need data the weights were not fitted to, so a share of the',
        'training images is set aside as a **validation** set. The lab holds back',
        '$\\text{round}(N \\cdot \\text{share})$ of them, taking the same share of every class.',
      ].join('\n'),
      state: 'panel=training&data=mnist&val=0.2',
      exercise: {
        kind: 'numeric',
        question:
          'The validation share is set to 0.2. How many of the 8,000 MNIST training images are held back for validation?',
        answer: 1600,
        tolerance: 0,
        unit: 'images',
        hint: '$\\text{round}(8{,}000 \\cdot 0.2)$; the other $8{,}000 - 1{,}600$ are trained on.',
      },
    },
    {
      title: 'Training and validation curves',
      prose: [
        'Train a few epochs and watch both curves. While the network is still learning general',
        'features, both losses fall together. When it starts memorising the training images, the',
        'training loss keeps falling but the validation loss stalls or rises: it has begun to overfit.',
      ].join('\n'),
      state: 'panel=training&preset=mlp&data=mnist&val=0.1',
      actions: [{ id: 'training.epoch' }, { id: 'training.toggle' }],
      exercise: {
        kind: 'choice',
        question:
          'After many epochs the training loss is still falling but the validation loss has risen for three epochs. What is happening?',
        choices: [
          {
            text: 'The network is overfitting: it fits the training images better and new ones worse.',
            correct: true,
            why: 'The gap between training and validation performance is the sign of fitting details that do not generalise; early stopping would end training here.',
          },
          {
            text: 'It is underfitting and needs more epochs.',
            why: 'Underfitting shows as a training loss that stays high. Here the training loss is low and still falling.',
          },
          {
            text: 'The validation images are mislabelled.',
            why: 'The validation loss fell at first on the same images; what changed is the network, not the data.',
          },
        ],
      },
    },
    {
      title: 'Reach 97%',
      prose: [
        'Put the splits to work: train a network until its **validation** accuracy, measured on',
        'images it never trained on, reaches 97%. The MLP gets to about 96% on the test split after',
        '15 epochs; a convolutional network does better.',
      ].join('\n'),
      state: 'panel=training&preset=mlp&data=mnist',
      actions: [{ id: 'training.toggle' }],
      exercise: {
        kind: 'make-it-so',
        question: 'Reach at least 97% validation accuracy on MNIST.',
        check: { id: 'validation-accuracy-at-least', params: { accuracy: 0.97, dataset: 'mnist' } },
        start: { link: 'panel=training&preset=mlp&data=mnist' },
        solution: {
          link: 'panel=training&preset=lenet5&data=mnist',
          // Illustrative: 15 epochs of 225 steps, and the shipped weights' *test* accuracy
          // standing in for the validation accuracy a learner's own run would report.
          report: { step: 3375, validationAccuracy: 0.986 },
        },
        hint: 'Switch to LeNet-5 (open the catalogue on the architecture panel) and train for several epochs; the Adam optimiser with the default learning rate works well.',
      },
    },
    {
      title: 'The test set is used once',
      prose: [
        'Every choice made by looking at the validation set leaks a little of it into the model.',
        'The **test** set is kept out of all of that and evaluated only at the end, to report how',
        'the final model does on genuinely new data.',
      ].join('\n'),
      state: 'panel=training&preset=mlp&data=mnist',
      actions: [{ id: 'training.evaluate-test' }],
      exercise: {
        kind: 'choice',
        question: 'You try ten learning rates. Which split should decide which one to keep?',
        choices: [
          {
            text: 'The validation set.',
            correct: true,
            why: 'Picking a hyper-parameter is part of building the model, and the validation set exists for exactly that.',
          },
          {
            text: 'The test set, since it is the most honest measure.',
            why: 'It stays honest only while nothing is chosen with it; pick with it and the reported test accuracy is optimistic.',
          },
          {
            text: 'The training set: the lowest training loss wins.',
            why: 'Training loss rewards memorising; it cannot tell a rate that generalises from one that overfits.',
          },
        ],
      },
    },
  ],
};
