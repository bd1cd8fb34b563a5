import { createRandom } from '../src/core/random';
import { checkIdxPair, checkLabels, parseIdxImages, parseIdxLabels } from '../src/data/idx';
import { DataFormatError } from '../src/data/errors';
import type { ImageSet } from '../src/data/types';
import { readMaybeGzipped } from './files';
import { locateFiles } from './locate';
import { pickBalanced } from './pick';
import type { Recipe } from './recipe';

/** Fashion-MNIST from the official gzipped IDX files: class-balanced 10,000 train, 2,000 test. */

const TRAIN_COUNT = 10_000;
const TEST_COUNT = 2_000;
const SIDE = 28;
const idxNames = (stem: string) => [`${stem}.gz`, stem];

/** Reads an images file and its labels file into an image set, checking they agree. */
function readIdxPair(imagesPath: string, labelsPath: string): ImageSet {
  const images = parseIdxImages(readMaybeGzipped(imagesPath), imagesPath);
  const labels = parseIdxLabels(readMaybeGzipped(labelsPath), labelsPath);
  checkIdxPair(images, labels, imagesPath, labelsPath);
  checkLabels(labels.labels, 10, labelsPath);
  if (images.height !== SIDE || images.width !== SIDE) {
    throw new DataFormatError(
      imagesPath,
      `holds ${images.height}×${images.width} images; Fashion-MNIST's are ${SIDE}×${SIDE}.`,
    );
  }
  return {
    count: images.count,
    height: SIDE,
    width: SIDE,
    channels: 1,
    classCount: 10,
    labels: labels.labels,
    images: images.pixels,
  };
}

export const fashionMnistRecipe: Recipe = {
  id: 'fashion-mnist',
  title: 'Fashion-MNIST',
  description:
    'Zalando’s clothing and shoe photos, 28×28 greyscale, in ten classes: a class-balanced subset.',
  licence: 'Fashion-MNIST (Xiao, Rasul, Vollgraf, 2017), MIT',
  classNames: [
    'T-shirt/top',
    'Trouser',
    'Pullover',
    'Dress',
    'Coat',
    'Sandal',
    'Shirt',
    'Sneaker',
    'Bag',
    'Ankle boot',
  ],
  imageShape: [SIDE, SIDE, 1],
  locate(options) {
    return locateFiles(
      'fashion-mnist',
      options,
      ['../shared/datasets/fashion-mnist', '/usr/share/datasets/fashion-mnist'],
      [
        idxNames('train-images-idx3-ubyte'),
        idxNames('train-labels-idx1-ubyte'),
        idxNames('t10k-images-idx3-ubyte'),
        idxNames('t10k-labels-idx1-ubyte'),
      ],
      'Install Debian’s package `dataset-fashion-mnist` (`sudo apt install dataset-fashion-mnist`), ' +
        'or download train-images-idx3-ubyte.gz, train-labels-idx1-ubyte.gz, t10k-images-idx3-ubyte.gz ' +
        'and t10k-labels-idx1-ubyte.gz from https://github.com/zalandoresearch/fashion-mnist into a folder, ' +
        'then run `npm run datasets -- --fashion-mnist <folder>`.',
    );
  },
  read(source, seed, log) {
    const [trainImages, trainLabels, testImages, testLabels] = source.files as [
      string,
      string,
      string,
      string,
    ];
    const train = readIdxPair(trainImages, trainLabels);
    const test = readIdxPair(testImages, testLabels);
    log(
      `read ${train.count.toLocaleString('en-US')} train and ${test.count.toLocaleString('en-US')} test images`,
    );
    const random = createRandom(seed);
    return {
      train: pickBalanced(train, TRAIN_COUNT, random, 'train'),
      test: pickBalanced(test, TEST_COUNT, random, 'test'),
    };
  },
};
