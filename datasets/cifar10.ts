import { readFileSync } from 'node:fs';
import { basename } from 'node:path';
import { createRandom } from '../src/core/random';
import { parseCifarBatch, parseCifarMeta } from '../src/data/cifar';
import { concatImageSets } from '../src/data/types';
import { readBytes } from './files';
import { locateFiles } from './locate';
import { pickBalanced } from './pick';
import type { Recipe } from './recipe';

/**
 * CIFAR-10 from the official binary batches: every data_batch_<n>.bin found (one is
 * enough), test_batch.bin and batches.meta.txt; class-balanced 10,000 train, 2,000 test.
 */

const TRAIN_COUNT = 10_000;
const TEST_COUNT = 2_000;

export const cifar10Recipe: Recipe = {
  id: 'cifar10',
  title: 'CIFAR-10',
  description:
    'Small colour photos, 32×32 RGB, of aeroplanes, cars, birds, cats, deer, dogs, frogs, horses, ships and lorries.',
  licence: 'CIFAR-10 (Krizhevsky, 2009)',
  classNames: [
    'airplane',
    'automobile',
    'bird',
    'cat',
    'deer',
    'dog',
    'frog',
    'horse',
    'ship',
    'truck',
  ],
  imageShape: [32, 32, 3],
  locate(options) {
    const given = options.dirs.cifar10;
    const batches = [2, 3, 4, 5].map((n) => [`data_batch_${n}.bin`]);
    const how =
      'Download the CIFAR-10 binary version (cifar-10-binary.tar.gz) from https://www.cs.toronto.edu/~kriz/cifar.html, ' +
      'unpack it, then run `npm run datasets -- --cifar10 <folder holding data_batch_1.bin>`.';
    const look = (opts: typeof options) =>
      locateFiles(
        'cifar10',
        opts,
        ['../shared/datasets/cifar10'],
        [['data_batch_1.bin'], ['test_batch.bin']],
        how,
        [['batches.meta.txt'], ...batches],
      );
    const found = look(options);
    if (found.found || !given) return found;
    // The official tarball unpacks into cifar-10-batches-bin/; accept its parent folder too.
    const nested = look({
      ...options,
      dirs: { ...options.dirs, cifar10: `${given}/cifar-10-batches-bin` },
    });
    return nested.found ? nested : found;
  },
  read(source, seed, log) {
    const meta = source.files.find((f) => basename(f) === 'batches.meta.txt');
    const classNames = meta ? parseCifarMeta(readFileSync(meta, 'utf8'), meta) : undefined;
    const trainFiles = source.files.filter((f) => /data_batch_\d\.bin$/.test(f));
    const testFile = source.files.find((f) => basename(f) === 'test_batch.bin') as string;
    const train = concatImageSets(trainFiles.map((f) => parseCifarBatch(readBytes(f), f)));
    const test = parseCifarBatch(readBytes(testFile), testFile);
    log(
      `read ${train.count.toLocaleString('en-US')} train images from ${trainFiles.length} batch${trainFiles.length > 1 ? 'es' : ''} and ${test.count.toLocaleString('en-US')} test images`,
    );
    const random = createRandom(seed);
    return {
      train: pickBalanced(train, TRAIN_COUNT, random, 'train'),
      test: pickBalanced(test, TEST_COUNT, random, 'test'),
      ...(classNames ? { classNames } : {}),
    };
  },
};
