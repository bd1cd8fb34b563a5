import { beforeEach, describe, expect, it } from 'vitest';
import type { LoadedDataset } from '../../../src/data/loader';
import type { AvailableDataset } from '../../../src/data/manifest';
import type { ImageSet } from '../../../src/data/types';
import type { OwnImage, SampleRef } from '../../../src/state/dataCodecs';
import type { DatasetStatus } from '../../../src/state/dataSlice';
import { selectInputImage, type InputImage } from '../../../src/state/selectedInput';
import type { DatasetId } from '../../../src/state/settings';
import { useLabStore } from '../../../src/state/store';

type Shape = readonly [number, number, number];

/** Byte `j` of image `k` of a split: different for every image, so a wrong offset shows. */
const byteOf = (split: number, k: number, j: number) => (split * 101 + k * 37 + j) % 256;

function imageSet(split: number, count: number, [height, width, channels]: Shape): ImageSet {
  const size = height * width * channels;
  const images = new Uint8Array(count * size);
  for (let k = 0; k < count; k++) {
    for (let j = 0; j < size; j++) images[k * size + j] = byteOf(split, k, j);
  }
  // Labels 9, 8, 7, ... so the label of an image is not its index.
  const labels = Uint8Array.from({ length: count }, (_, k) => 9 - (k % 10));
  return { count, height, width, channels, classCount: 10, labels, images };
}

/** A loaded dataset shaped like the loader's, with `trainCount` and `testCount` images. */
function fakeDataset(id: DatasetId, shape: Shape, trainCount: number, testCount: number) {
  const split = (count: number, file: string) => ({
    count,
    classCounts: Array.from({ length: 10 }, () => 0),
    file,
    bytes: 0,
    sha256: '0'.repeat(64),
  });
  const info: AvailableDataset = {
    id,
    title: id,
    description: 'a fake dataset for tests',
    classNames: ['0', '1', '2', '3', '4', '5', '6', '7', '8', '9'],
    imageShape: shape,
    licence: 'none',
    available: true,
    train: split(trainCount, `${id}-train.bin.gz`),
    test: split(testCount, `${id}-test.bin.gz`),
    mean: Array.from({ length: shape[2] }, () => 0.5),
    std: Array.from({ length: shape[2] }, () => 0.25),
    fingerprint: 'test',
  };
  const data: LoadedDataset = {
    info,
    train: imageSet(0, trainCount, shape),
    test: imageSet(1, testCount, shape),
    fromCache: false,
  };
  return data;
}

const mnist = fakeDataset('mnist', [28, 28, 1], 5, 3);
const cifar = fakeDataset('cifar10', [32, 32, 3], 2, 2);
const ready = (data: LoadedDataset): DatasetStatus => ({ state: 'ready', data });

function ownImage(height: number, width: number, channels: number): OwnImage {
  const pixels = Uint8Array.from({ length: height * width * channels }, (_, i) => (i * 13) % 256);
  return { height, width, channels, pixels };
}

interface Inputs {
  sample: SampleRef;
  ownImage?: OwnImage | null;
  dataset?: DatasetId;
  datasetStatus?: Readonly<Record<string, DatasetStatus>>;
}

const stateOf = (inputs: Inputs) => ({
  sample: inputs.sample,
  ownImage: inputs.ownImage ?? null,
  dataset: inputs.dataset ?? 'mnist',
  datasetStatus: inputs.datasetStatus ?? { mnist: ready(mnist), cifar10: ready(cifar) },
});

function imageOf(inputs: Inputs): InputImage {
  const selected = selectInputImage(stateOf(inputs));
  if (!selected.ok) throw new Error(`expected an image, got: ${selected.reason}`);
  return selected.image;
}

function reasonOf(inputs: Inputs): string {
  const selected = selectInputImage(stateOf(inputs));
  if (selected.ok) throw new Error(`expected no image, got ${selected.image.description}`);
  return selected.reason;
}

describe('a dataset image', () => {
  it.each([
    ['train', 0],
    ['train', 3],
    ['train', 4],
    ['test', 0],
    ['test', 2],
  ] as const)('%s image %i is the right bytes, label and description', (source, index) => {
    const image = imageOf({ sample: { source, index } });
    const set = mnist[source];
    const size = 28 * 28;
    expect(image.height).toBe(28);
    expect(image.width).toBe(28);
    expect(image.channels).toBe(1);
    expect(image.pixels).toHaveLength(size);
    const split = source === 'train' ? 0 : 1;
    expect(Array.from(image.pixels)).toEqual(
      Array.from({ length: size }, (_, j) => byteOf(split, index, j)),
    );
    // A view of the loaded bytes, not a copy.
    expect(image.pixels.buffer).toBe(set.images.buffer);
    expect(image.pixels.byteOffset).toBe(index * size);
    expect(image.label).toBe(9 - index);
    expect(image.label).toBe(set.labels[index]);
    expect(image.description).toBe(`${source} image ${index}`);
  });

  it('an RGB dataset image has all three channels', () => {
    const image = imageOf({ sample: { source: 'test', index: 1 }, dataset: 'cifar10' });
    expect([image.height, image.width, image.channels]).toEqual([32, 32, 3]);
    expect(image.pixels).toHaveLength(32 * 32 * 3);
    expect(image.pixels[0]).toBe(byteOf(1, 1, 0));
    expect(image.pixels[32 * 32 * 3 - 1]).toBe(byteOf(1, 1, 32 * 32 * 3 - 1));
    expect(image.label).toBe(8);
    expect(image.description).toBe('test image 1');
  });

  it.each([
    ['test', 3, 3],
    ['test', 50, 3],
    ['train', 5, 5],
    ['train', 999_999, 5],
  ] as const)('%s image %i is past the end of %i images', (source, index, count) => {
    const reason = reasonOf({ sample: { source, index } });
    expect(reason).toContain(`${count} images`);
    expect(reason).toContain(`image ${index}`);
    expect(reason).toContain(source);
  });

  it.each<[string, Readonly<Record<string, DatasetStatus>>]>([
    ['loading', { mnist: { state: 'loading', progress: null } }],
    [
      'half downloaded',
      {
        mnist: {
          state: 'loading',
          progress: {
            phase: 'download',
            loadedBytes: 5,
            totalBytes: 10,
            percent: 50,
            fromCache: false,
          },
        },
      },
    ],
    ['idle', { mnist: { state: 'idle' } }],
    ['not asked for yet', {}],
    ['ready only for another dataset', { cifar10: ready(cifar) }],
  ])('no image while the dataset is %s', (_, datasetStatus) => {
    expect(reasonOf({ sample: { source: 'test', index: 0 }, datasetStatus })).toMatch(
      /still loading/,
    );
  });
});

describe('the person’s own image', () => {
  it('none yet gives a reason, whatever the dataset status', () => {
    expect(reasonOf({ sample: { source: 'own' } })).toMatch(/not drawn or uploaded/);
    expect(reasonOf({ sample: { source: 'own' }, datasetStatus: {} })).toMatch(
      /not drawn or uploaded/,
    );
  });

  it('a drawing of the dataset’s shape is the input, without a label', () => {
    const own = ownImage(28, 28, 1);
    const image = imageOf({ sample: { source: 'own' }, ownImage: own });
    expect(image.pixels).toBe(own.pixels);
    expect([image.height, image.width, image.channels]).toEqual([28, 28, 1]);
    expect(image.label).toBeNull();
    expect(image.description).toBe('your drawing');
  });

  it('a photo of the dataset’s shape is the input', () => {
    const own = ownImage(32, 32, 3);
    const image = imageOf({ sample: { source: 'own' }, ownImage: own, dataset: 'cifar10' });
    expect(image.pixels).toBe(own.pixels);
    expect(image.label).toBeNull();
    expect(image.description).toBe('your photo');
  });

  it('is shown while the dataset is still loading', () => {
    const own = ownImage(28, 28, 1);
    const image = imageOf({ sample: { source: 'own' }, ownImage: own, datasetStatus: {} });
    expect(image.pixels).toBe(own.pixels);
  });

  it('a photo under a greyscale dataset names both shapes', () => {
    const reason = reasonOf({ sample: { source: 'own' }, ownImage: ownImage(32, 32, 3) });
    expect(reason).toContain('32×32×3');
    expect(reason).toContain('28×28×1');
    expect(reason.indexOf('32×32×3')).toBeLessThan(reason.indexOf('28×28×1'));
  });

  it('a drawing under a colour dataset names both shapes', () => {
    const reason = reasonOf({
      sample: { source: 'own' },
      ownImage: ownImage(28, 28, 1),
      dataset: 'cifar10',
    });
    expect(reason).toContain('28×28×1');
    expect(reason).toContain('32×32×3');
  });

  it('differing in channels only is still a different shape', () => {
    const reason = reasonOf({ sample: { source: 'own' }, ownImage: ownImage(28, 28, 3) });
    expect(reason).toContain('28×28×3');
    expect(reason).toContain('28×28×1');
  });
});

describe('memoisation', () => {
  it('the same inputs give the same object, even from a new state object', () => {
    const inputs = stateOf({ sample: { source: 'train', index: 1 } });
    const first = selectInputImage(inputs);
    expect(first.ok).toBe(true);
    expect(selectInputImage(inputs)).toBe(first);
    expect(selectInputImage({ ...inputs })).toBe(first);
  });

  it('the same reason object is kept too', () => {
    const inputs = stateOf({ sample: { source: 'own' } });
    const first = selectInputImage(inputs);
    expect(first.ok).toBe(false);
    expect(selectInputImage({ ...inputs })).toBe(first);
  });

  it('a new sample gives a new result, even an equal one', () => {
    const inputs = stateOf({ sample: { source: 'train', index: 1 } });
    const first = selectInputImage(inputs);
    const other = selectInputImage({ ...inputs, sample: { source: 'train', index: 2 } });
    expect(other).not.toBe(first);
    expect(other.ok && other.image.description).toBe('train image 2');
    const equal = selectInputImage({ ...inputs, sample: { source: 'train', index: 2 } });
    expect(equal).not.toBe(other);
    expect(equal).toEqual(other);
  });

  it('a new status of the current dataset gives a new result; another dataset’s does not', () => {
    const inputs = stateOf({ sample: { source: 'test', index: 0 } });
    const first = selectInputImage(inputs);
    const otherChanged = selectInputImage({
      ...inputs,
      datasetStatus: { ...inputs.datasetStatus, cifar10: { state: 'idle' } },
    });
    expect(otherChanged).toBe(first);
    const reloading = selectInputImage({
      ...inputs,
      datasetStatus: { ...inputs.datasetStatus, mnist: { state: 'loading', progress: null } },
    });
    expect(reloading).not.toBe(first);
    expect(reloading.ok).toBe(false);
  });

  it('a new own image or a new dataset gives a new result', () => {
    const inputs = stateOf({ sample: { source: 'own' }, ownImage: ownImage(28, 28, 1) });
    const first = selectInputImage(inputs);
    expect(first.ok).toBe(true);
    const redrawn = selectInputImage({ ...inputs, ownImage: ownImage(28, 28, 1) });
    expect(redrawn).not.toBe(first);
    expect(redrawn).toEqual(first);
    const otherDataset = selectInputImage({ ...inputs, dataset: 'cifar10' });
    expect(otherDataset.ok).toBe(false);
  });
});

describe('through the store', () => {
  const initial = useLabStore.getState();
  const store = () => useLabStore.getState();

  beforeEach(() => {
    useLabStore.setState(initial, true);
  });

  it('follows the dataset status and the chosen sample', () => {
    expect(selectInputImage(store())).toEqual({
      ok: false,
      reason: 'The dataset is still loading.',
    });
    store().setDatasetStatus('mnist', ready(mnist));
    const first = selectInputImage(store());
    expect(first.ok && first.image.description).toBe('test image 0');
    // An unrelated change to the store keeps the same result.
    store().selectLayer(2);
    expect(selectInputImage(store())).toBe(first);
    store().selectSample({ source: 'train', index: 4 });
    const second = selectInputImage(store());
    expect(second).not.toBe(first);
    expect(second.ok && second.image.label).toBe(5);
    store().selectOwnImage(ownImage(28, 28, 1));
    const own = selectInputImage(store());
    expect(own.ok && own.image.description).toBe('your drawing');
    store().chooseDataset('cifar10');
    expect(selectInputImage(store())).toEqual({
      ok: false,
      reason: 'The dataset is still loading.',
    });
  });
});
