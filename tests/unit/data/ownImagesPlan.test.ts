import { zipSync, strToU8 } from 'fflate';
import { describe, expect, it } from 'vitest';
import { OwnImagesError, OWN_LIMITS } from '../../../src/data/ownImages/errors';
import { planOwnImages, type OwnEntryInfo } from '../../../src/data/ownImages/plan';
import { folderSource, zipBytesSource } from '../../../src/data/ownImages/sources';

const entry = (path: string, bytes = 100): OwnEntryInfo => ({ path, bytes });

/** A picked folder as the browser lists it: every path starts with the folder's own name. */
const holiday = [
  'holiday/cats/1.png',
  'holiday/cats/10.png',
  'holiday/cats/2.png',
  'holiday/dogs/a.JPG',
  'holiday/dogs/b.jpeg',
  'holiday/dogs/notes.txt',
  'holiday/readme.md',
  'holiday/.DS_Store',
  'holiday/dogs/Thumbs.db',
  'holiday/empty/list.csv',
].map((p) => entry(p));

function errorOf(run: () => unknown): OwnImagesError {
  try {
    run();
  } catch (error) {
    if (error instanceof OwnImagesError) return error;
    throw error;
  }
  throw new Error('expected an OwnImagesError');
}

describe('planOwnImages: classes from the sub-folders', () => {
  const plan = planOwnImages(holiday);

  it('names the classes after the sub-folders, without the picked folder', () => {
    expect(plan.classNames).toEqual(['cats', 'dogs']);
  });

  it('orders files naturally within a class (2 before 10) and labels them by class', () => {
    expect(plan.images.map((i) => [i.path, i.label])).toEqual([
      ['holiday/cats/1.png', 0],
      ['holiday/cats/2.png', 0],
      ['holiday/cats/10.png', 0],
      ['holiday/dogs/a.JPG', 1],
      ['holiday/dogs/b.jpeg', 1],
    ]);
  });

  it('lists files that are not images, and files outside any class folder, with the reason', () => {
    expect(plan.skipped).toEqual([
      { path: 'holiday/dogs/notes.txt', reason: 'not an image (.txt)' },
      { path: 'holiday/readme.md', reason: 'not inside a class folder' },
      { path: 'holiday/empty/list.csv', reason: 'not an image (.csv)' },
    ]);
  });

  it('passes over system files silently and names a folder without images', () => {
    expect(plan.ignored).toBe(2);
    expect(plan.emptyFolders).toEqual(['empty']);
  });

  it('names every class with fewer than five images, with its count', () => {
    expect(plan.smallClasses).toEqual([
      { name: 'cats', count: 3 },
      { name: 'dogs', count: 2 },
    ]);
    const big = Array.from({ length: 5 }, (_, i) => [entry(`a/${i}.png`), entry(`b/${i}.png`)]);
    expect(planOwnImages([...big.flat(), entry('c/0.png')]).smallClasses).toEqual([
      { name: 'c', count: 1 },
    ]);
  });

  it('takes a zip made of the class folders themselves (no shared root)', () => {
    const p = planOwnImages([entry('cats/1.png'), entry('dogs/1.png'), entry('cats/')]);
    expect(p.classNames).toEqual(['cats', 'dogs']);
    expect(p.images).toHaveLength(2);
  });

  it('keeps deeper folders inside their class', () => {
    const p = planOwnImages([entry('cats/2020/1.png'), entry('dogs/x/y/1.png')]);
    expect(p.images.map((i) => i.label)).toEqual([0, 1]);
  });
});

describe('planOwnImages: limits, before anything is decoded', () => {
  it('refuses one class, saying to make a sub-folder per class', () => {
    const error = errorOf(() => planOwnImages([entry('cats/1.png'), entry('cats/2.png')]));
    expect(error.kind).toBe('no-classes');
    expect(error.message).toMatch(/at least two classes/);
  });

  it('refuses a folder with images but no sub-folders', () => {
    const error = errorOf(() => planOwnImages([entry('pics/1.png'), entry('pics/2.png')]));
    expect(error.kind).toBe('no-classes');
    expect(error.message).toMatch(/sub-folder/);
  });

  it('refuses more than 50 classes', () => {
    const entries = Array.from({ length: OWN_LIMITS.classes + 1 }, (_, k) => entry(`c${k}/1.png`));
    expect(planOwnImages(entries.slice(1)).classNames).toHaveLength(OWN_LIMITS.classes);
    const error = errorOf(() => planOwnImages(entries));
    expect(error.kind).toBe('too-many-classes');
    expect(error.message).toBe(
      'Found 51 class folders; the lab takes at most 50. Keep the classes you want to compare in one folder and choose that.',
    );
  });

  it('refuses more than 20,000 images', () => {
    const entries = Array.from({ length: OWN_LIMITS.images + 1 }, (_, i) =>
      entry(`${i % 2 ? 'a' : 'b'}/${i}.png`, 1),
    );
    const error = errorOf(() => planOwnImages(entries));
    expect(error.kind).toBe('too-many-images');
    expect(error.message).toMatch(/20,001 images; the lab takes at most 20,000/);
  });

  it('refuses more than 200 MB of images, counting images only', () => {
    const half = OWN_LIMITS.bytes / 2;
    expect(() =>
      planOwnImages([entry('a/1.png', half), entry('b/1.png', half), entry('b/big.mov', half)]),
    ).not.toThrow();
    const error = errorOf(() =>
      planOwnImages([entry('a/1.png', half), entry('b/1.png', half + 1)]),
    );
    expect(error.kind).toBe('too-large');
    expect(error.message).toMatch(/200\.0 MB; the lab takes at most 200\.0 MB/);
  });
});

describe('sources', () => {
  it('lists a zip without unpacking, with uncompressed sizes, and reads a batch of it', async () => {
    const zip = zipSync({
      'shapes/round/1.png': new Uint8Array(300).fill(7),
      'shapes/square/1.png': new Uint8Array(200),
      'shapes/notes.txt': strToU8('hello'),
    });
    const source = zipBytesSource(zip, 'shapes.zip');
    expect(source.entries).toEqual([
      { path: 'shapes/round/1.png', bytes: 300 },
      { path: 'shapes/square/1.png', bytes: 200 },
      { path: 'shapes/notes.txt', bytes: 5 },
    ]);
    const files = await source.read(['shapes/round/1.png']);
    expect([...files.keys()]).toEqual(['shapes/round/1.png']);
    const bytes = new Uint8Array(await (files.get('shapes/round/1.png') as Blob).arrayBuffer());
    expect(bytes.length).toBe(300);
    expect(bytes[299]).toBe(7);
  });

  it('says a file that is not a zip is not one', () => {
    let error: unknown;
    try {
      zipBytesSource(strToU8('not a zip at all, just text'), 'photos.zip');
    } catch (e) {
      error = e;
    }
    expect(error).toBeInstanceOf(OwnImagesError);
    expect((error as OwnImagesError).kind).toBe('not-a-zip');
    expect((error as OwnImagesError).message).toMatch(/^photos\.zip could not be read as a zip/);
  });

  it('lists a picked folder by its relative paths and names it', async () => {
    const file = (path: string) =>
      Object.assign(new Blob(['x']), {
        name: path.split('/').pop() ?? '',
        webkitRelativePath: path,
      });
    const source = folderSource([file('pets/cats/1.png'), file('pets/dogs/1.png')]);
    expect(source.name).toBe('the folder pets');
    expect(source.entries).toEqual([
      { path: 'pets/cats/1.png', bytes: 1 },
      { path: 'pets/dogs/1.png', bytes: 1 },
    ]);
    expect((await source.read(['pets/dogs/1.png', 'missing'])).size).toBe(1);
  });
});
