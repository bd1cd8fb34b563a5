import { describe, expect, it } from 'vitest';
import { OWN_DATASET_ID } from '../../../src/data/manifest';
import { ownLoadedDataset, ownReportOf } from '../../../src/data/ownImages/dataset';
import { OwnImagesError } from '../../../src/data/ownImages/errors';
import {
  importOwnImages,
  type OwnImagesSource,
  type OwnImportDeps,
} from '../../../src/data/ownImages/importer';
import type { DecodedImage } from '../../../src/data/ownImages/pixels';
import { ownTestQuotas, splitOwnImages } from '../../../src/data/ownImages/split';
import {
  loadOwnImages,
  saveOwnImages,
  type KeyValueStore,
} from '../../../src/data/ownImages/storage';
import { countByClass } from '../../../src/data/types';

const SHAPE = { height: 2, width: 2, channels: 1 } as const;

/** A source whose files hold one byte: the grey level the fake decoder paints. */
function sourceOf(files: Record<string, number | 'broken'>): OwnImagesSource & { reads: number } {
  const source = {
    name: 'test.zip',
    reads: 0,
    entries: Object.keys(files).map((path) => ({ path, bytes: 10 })),
    batchSize: 4,
    read(paths: readonly string[]) {
      source.reads++;
      return Promise.resolve(
        new Map(
          paths.map((p) => {
            const v = files[p];
            return [p, new Blob([v === 'broken' ? 'junk' : Uint8Array.of(v ?? 0)])] as const;
          }),
        ),
      );
    },
  };
  return source;
}

/** Decodes the fake files: a 4 × 2 picture of their grey level, or throws for junk. */
const fakeDecode = async (file: Blob): Promise<DecodedImage> => {
  const bytes = new Uint8Array(await file.arrayBuffer());
  if (bytes.length !== 1) throw new Error('the data is not a PNG');
  const v = bytes[0] ?? 0;
  return {
    rgba: new Uint8Array(4 * 2 * 4).fill(v).map((x, i) => (i % 4 === 3 ? 255 : x)),
    width: 4,
    height: 2,
  };
};

function deps(extra: Partial<OwnImportDeps> = {}): OwnImportDeps & { pauses: number } {
  const d = {
    pauses: 0,
    decode: fakeDecode,
    pause: () => {
      d.pauses++;
      return Promise.resolve();
    },
    ...extra,
  };
  return d;
}

/** n files per class, class k painted grey level 10·k + image index. */
function classes(counts: Record<string, number>): Record<string, number> {
  const files: Record<string, number> = {};
  Object.entries(counts).forEach(([name, n], k) => {
    for (let i = 0; i < n; i++) files[`pics/${name}/${i}.png`] = 10 * k + i;
  });
  return files;
}

describe('importOwnImages', () => {
  it('decodes every image to the shape, in batches with a pause between, reporting progress', async () => {
    const progress: [number, number][] = [];
    const d = deps({ onProgress: (done, total) => progress.push([done, total]) });
    const source = sourceOf({ ...classes({ a: 8, b: 8, c: 8 }), 'pics/notes.txt': 0 });
    const own = await importOwnImages(source, SHAPE, d);
    expect(own.classNames).toEqual(['a', 'b', 'c']);
    expect(own.train.count + own.test.count).toBe(24);
    expect(own.train.images).toHaveLength(own.train.count * 4);
    expect(source.reads).toBe(6);
    expect(d.pauses).toBe(6);
    expect(progress[0]).toEqual([0, 24]);
    expect(progress.at(-1)).toEqual([24, 24]);
    expect(own.report.skipped).toEqual([
      { path: 'pics/notes.txt', reason: 'not inside a class folder' },
    ]);
    expect(own.report.imageCount).toBe(24);
  });

  it('keeps each image with its class: the pixels are the file’s grey level', async () => {
    const own = await importOwnImages(sourceOf(classes({ a: 3, b: 3 })), SHAPE, deps());
    const all = [own.train, own.test].flatMap((set) =>
      Array.from(set.labels, (label, i) => [label, set.images[i * 4] ?? -1]),
    );
    for (const [label, grey] of all) expect(Math.floor((grey ?? 0) / 10)).toBe(label);
  });

  it('skips a file that is not a picture, and names a class left with too few', async () => {
    const files: Record<string, number | 'broken'> = {
      ...classes({ a: 6, b: 6 }),
      'pics/b/0.png': 'broken',
      'pics/b/1.png': 'broken',
      'pics/b/bad.png': 'broken',
    };
    const own = await importOwnImages(sourceOf(files), SHAPE, deps());
    expect(own.report.skipped.map((s) => s.path)).toEqual([
      'pics/b/0.png',
      'pics/b/1.png',
      'pics/b/bad.png',
    ]);
    expect(own.report.skipped[0]?.reason).toMatch(
      /^not a picture this browser can read \(the data is not a PNG\)$/,
    );
    expect(own.report.smallClasses).toEqual([{ name: 'b', count: 4 }]);
  });

  it('drops a class none of whose files could be read, and refuses when fewer than two are left', async () => {
    const files: Record<string, number | 'broken'> = {
      ...classes({ a: 5, b: 5 }),
      'pics/c/0.png': 'broken',
    };
    const own = await importOwnImages(sourceOf(files), SHAPE, deps());
    expect(own.classNames).toEqual(['a', 'b']);
    expect(own.report.emptyFolders).toEqual(['c']);
    const worse = { ...files };
    for (let i = 0; i < 5; i++) worse[`pics/b/${i}.png`] = 'broken';
    await expect(importOwnImages(sourceOf(worse), SHAPE, deps())).rejects.toThrow(OwnImagesError);
  });

  it('checks the limits before decoding anything', async () => {
    let decoded = 0;
    const d = deps({
      decode: (f) => {
        decoded++;
        return fakeDecode(f);
      },
      limits: { classes: 50, images: 5, bytes: 1e9, fewImages: 5 },
    });
    await expect(importOwnImages(sourceOf(classes({ a: 3, b: 3 })), SHAPE, d)).rejects.toThrow(
      /Found 6 images; the lab takes at most 5/,
    );
    expect(decoded).toBe(0);
  });

  it('stops when aborted', async () => {
    const controller = new AbortController();
    controller.abort();
    await expect(
      importOwnImages(
        sourceOf(classes({ a: 3, b: 3 })),
        SHAPE,
        deps({ signal: controller.signal }),
      ),
    ).rejects.toThrow();
  });
});

describe('the test split', () => {
  it('takes a tenth of each class, at least one from a class of two or more, none from a class of one', () => {
    expect(ownTestQuotas([8, 100, 2, 1, 15])).toEqual([1, 10, 1, 0, 2]);
  });

  it('is stratified and the same every time, whatever else happens', () => {
    const labels = Uint8Array.from([
      ...Array(30).fill(0),
      ...Array(50).fill(1),
      ...Array(20).fill(2),
    ]);
    const first = splitOwnImages(labels, 3);
    expect(
      countByClass(
        Array.from(first.test, (i) => labels[i] ?? 0),
        3,
      ),
    ).toEqual([3, 5, 2]);
    expect(first.train.length + first.test.length).toBe(100);
    expect(new Set([...first.train, ...first.test]).size).toBe(100);
    expect(splitOwnImages(labels, 3)).toEqual(first);
    expect(splitOwnImages(labels, 3, 99).test).not.toEqual(first.test);
  });
});

describe('the own dataset as the lab loads it, and kept', () => {
  it('is a LoadedDataset of id own, with statistics, class names and the report', async () => {
    const own = await importOwnImages(sourceOf(classes({ a: 8, b: 8 })), SHAPE, deps());
    const data = ownLoadedDataset(own);
    expect(data.info.id).toBe(OWN_DATASET_ID);
    expect(data.info.classNames).toEqual(['a', 'b']);
    expect(data.info.imageShape).toEqual([2, 2, 1]);
    expect(data.info.train.count).toBe(data.train.count);
    expect(data.info.mean).toHaveLength(1);
    expect(ownReportOf(data)?.sourceName).toBe('test.zip');
  });

  it('round-trips through the key-value store and says so when the browser has no room', async () => {
    const own = await importOwnImages(sourceOf(classes({ a: 5, b: 5 })), SHAPE, deps());
    const memory = new Map<string, unknown>();
    const store: KeyValueStore = {
      get: (k) => Promise.resolve(memory.get(k)),
      set: (k, v) => Promise.resolve(void memory.set(k, structuredClone(v))),
      del: (k) => Promise.resolve(void memory.delete(k)),
    };
    expect(await loadOwnImages(store)).toBeNull();
    await saveOwnImages(own, store);
    const back = await loadOwnImages(store);
    expect(back?.classNames).toEqual(['a', 'b']);
    expect(back?.train.images).toEqual(own.train.images);
    const full: KeyValueStore = {
      ...store,
      set: () => Promise.reject(new DOMException('quota', 'QuotaExceededError')),
    };
    const error = await saveOwnImages(own, full).catch((e: unknown) => e);
    expect(error).toBeInstanceOf(OwnImagesError);
    expect((error as OwnImagesError).kind).toBe('storage-full');
    expect((error as OwnImagesError).message).toMatch(/no room left.*usable until then/);
  });
});
