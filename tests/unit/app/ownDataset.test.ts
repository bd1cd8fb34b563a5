import { beforeEach, describe, expect, it } from 'vitest';
import { createOwnDatasetLoading, NO_OWN_IMAGES } from '../../../src/app/ownDataset';
import { OWN_DATASET_ID } from '../../../src/data/manifest';
import type { OwnImages } from '../../../src/data/ownImages/importer';
import { useLabStore } from '../../../src/state/store';

const initial = useLabStore.getState();
const store = () => useLabStore.getState();
beforeEach(() => useLabStore.setState(initial, true));

const set = (labels: number[]) => ({
  count: labels.length,
  height: 1,
  width: 1,
  channels: 1,
  classCount: 2,
  labels: Uint8Array.from(labels),
  images: Uint8Array.from(labels, (l) => 100 * l),
});
const kept: OwnImages = {
  classNames: ['cats', 'dogs'],
  train: set([0, 0, 1, 1]),
  test: set([0, 1]),
  report: {
    sourceName: 'pets.zip',
    importedAt: '2026-12-02T10:00:00.000Z',
    imageCount: 6,
    skipped: [],
    smallClasses: [],
    emptyFolders: [],
    ignored: 0,
  },
};
const settle = () => new Promise((resolve) => setTimeout(resolve, 0));

describe('own images in the store', () => {
  it('reads the images this browser kept, once, and makes them the ready own set', async () => {
    let reads = 0;
    const loading = createOwnDatasetLoading(useLabStore, () => {
      reads++;
      return Promise.resolve(kept);
    });
    store().chooseDataset(OWN_DATASET_ID);
    expect(loading.check(store())).toBe(true);
    expect(store().datasetStatus[OWN_DATASET_ID]?.state).toBe('loading');
    loading.check(store());
    await settle();
    const status = store().datasetStatus[OWN_DATASET_ID];
    expect(reads).toBe(1);
    expect(status?.state === 'ready' && status.data.info.classNames).toEqual(['cats', 'dogs']);
    expect(store().dataset).toBe(OWN_DATASET_ID);
    expect(store().notices).toEqual([]);
  });

  it('with nothing kept, a link naming own images falls back to MNIST and says why', async () => {
    const loading = createOwnDatasetLoading(useLabStore, () => Promise.resolve(null));
    store().chooseDataset(OWN_DATASET_ID);
    loading.check(store());
    await settle();
    loading.check(store());
    expect(store().dataset).toBe('mnist');
    expect(store().notices.map((n) => [n.title, n.details])).toEqual([
      ['Your own images are not here, so the lab shows mnist instead.', [NO_OWN_IMAGES]],
    ]);
  });

  it('leaves a built-in dataset to the usual loading, while still finding out about own images', () => {
    const loading = createOwnDatasetLoading(useLabStore, () => Promise.resolve(null));
    expect(loading.check(store())).toBe(false);
    expect(store().datasetStatus[OWN_DATASET_ID]?.state).toBe('loading');
  });
});
