import { describe, expect, it } from 'vitest';
import { browserLoaderDeps, dataBaseUrl } from '../../../src/data/browserLoader';
import { DatasetLoadError } from '../../../src/data/errors';
import {
  clearDatasetCache,
  fetchManifest,
  loadDataset,
  loadDatasetById,
  type DataCache,
  type LoadProgress,
  type LoaderDeps,
} from '../../../src/data/loader';
import type { AvailableDataset, Manifest } from '../../../src/data/manifest';
import { encodePacked } from '../../../src/data/packed';
import { sha256Hex } from '../../../src/data/sha256';
import { countByClass } from '../../../src/data/types';
import { gzip, makeSet } from './fixtures';

const BASE = 'https://lab.example/app/data/';
const trainSet = makeSet(40, 6, 6, 1, 4);
const testSet = makeSet(12, 6, 6, 1, 4);

/** Builds the files and manifest a tiny dataset would have; the train file is gzipped. */
async function buildFiles() {
  const train = await gzip(encodePacked(trainSet));
  const test = encodePacked(testSet);
  const split = (file: string, bytes: Uint8Array, set: typeof trainSet) => ({
    count: set.count,
    classCounts: countByClass(set.labels, set.classCount),
    file,
    bytes: bytes.length,
    sha256: sha256Hex(bytes),
  });
  const tiny: AvailableDataset = {
    id: 'tiny',
    title: 'Tiny',
    description: 'Test data',
    classNames: ['a', 'b', 'c', 'd'],
    imageShape: [6, 6, 1],
    licence: 'none',
    available: true,
    train: split('tiny-train.cnnlab', train, trainSet),
    test: split('tiny-test.cnnlab', test, testSet),
    mean: [0.5],
    std: [0.25],
    fingerprint: 'x',
  };
  const manifest: Manifest = {
    format: 'cnn-lab-datasets',
    version: 1,
    datasets: [
      tiny,
      {
        id: 'cifar10',
        title: 'CIFAR-10',
        description: 'Photos',
        classNames: ['plane'],
        imageShape: [32, 32, 3],
        licence: 'x',
        available: false,
        how: 'Run `npm run datasets -- --cifar10 <folder>`.',
      },
    ],
  };
  const files = new Map<string, Uint8Array | string>([
    ['tiny-train.cnnlab', train],
    ['tiny-test.cnnlab', test],
    ['manifest.json', JSON.stringify(manifest)],
  ]);
  return { files, tiny, manifest };
}

class FakeCache implements DataCache {
  readonly entries = new Map<string, Uint8Array<ArrayBuffer>>();
  async match(url: string) {
    const bytes = this.entries.get(url);
    return bytes ? new Response(bytes.slice()) : undefined;
  }
  async put(url: string, response: Response) {
    this.entries.set(url, new Uint8Array(await response.arrayBuffer()));
  }
  async delete(url: string) {
    return this.entries.delete(url);
  }
  async keys() {
    return [...this.entries.keys()].map((url) => ({ url }));
  }
}

/** A server over `files` that streams bodies in 100-byte chunks and records requests. */
function fakeDeps(
  files: Map<string, Uint8Array | string>,
  cache: FakeCache | null = new FakeCache(),
) {
  const requests: string[] = [];
  const fetch = async (url: string, init: RequestInit): Promise<Response> => {
    init.signal?.throwIfAborted();
    requests.push(url);
    const name = url.slice(BASE.length).split('?')[0] ?? '';
    const body = files.get(name);
    if (body === undefined) return new Response('Not found', { status: 404 });
    const bytes = typeof body === 'string' ? new TextEncoder().encode(body) : body;
    let at = 0;
    const stream = new ReadableStream<Uint8Array>({
      pull(controller) {
        if (init.signal?.aborted) return controller.error(init.signal.reason);
        if (at >= bytes.length) return controller.close();
        controller.enqueue(bytes.slice(at, at + 100));
        at += 100;
      },
    });
    return new Response(stream, { status: 200 });
  };
  const deps: LoaderDeps = {
    baseUrl: BASE,
    fetch,
    openCache: async () => cache,
    sha256: async (bytes) => sha256Hex(bytes),
    gunzip: browserLoaderDeps(BASE).gunzip,
  };
  return { deps, requests, cache };
}

/** The rejection of a promise, to inspect its fields. */
async function rejectionOf(promise: Promise<unknown>): Promise<DatasetLoadError> {
  try {
    await promise;
  } catch (error) {
    if (error instanceof DatasetLoadError) return error;
    throw error;
  }
  throw new Error('expected the promise to reject');
}

describe('loadDataset', () => {
  it('downloads, verifies and decodes both splits, reporting progress up to 100%', async () => {
    const { files, tiny } = await buildFiles();
    const { deps } = fakeDeps(files);
    const events: LoadProgress[] = [];
    const loaded = await loadDataset(deps, tiny, { onProgress: (p) => events.push(p) });
    expect(loaded.train.count).toBe(40);
    expect(loaded.train.images).toEqual(trainSet.images);
    expect(loaded.test.labels).toEqual(testSet.labels);
    expect(loaded.fromCache).toBe(false);
    const total = tiny.train.bytes + tiny.test.bytes;
    expect(events.every((e) => e.totalBytes === total)).toBe(true);
    const downloads = events.filter((e) => e.phase === 'download');
    expect(downloads.some((e) => e.percent > 0 && e.percent < 100)).toBe(true);
    downloads.forEach((e, i) =>
      expect(e.loadedBytes).toBeGreaterThanOrEqual(downloads[i - 1]?.loadedBytes ?? 0),
    );
    expect(events.at(-1)).toEqual({
      phase: 'done',
      loadedBytes: total,
      totalBytes: total,
      percent: 100,
      fromCache: false,
    });
  });

  it('takes a reload from the cache without fetching', async () => {
    const { files, tiny } = await buildFiles();
    const first = fakeDeps(files);
    await loadDataset(first.deps, tiny);
    expect(first.requests).toHaveLength(2);
    expect(first.cache?.entries.size).toBe(2);
    const second = fakeDeps(files, first.cache);
    const events: LoadProgress[] = [];
    const loaded = await loadDataset(second.deps, tiny, { onProgress: (p) => events.push(p) });
    expect(second.requests).toEqual([]);
    expect(loaded.fromCache).toBe(true);
    expect(loaded.train.images).toEqual(trainSet.images);
    expect(events.at(-1)).toMatchObject({ phase: 'done', percent: 100, fromCache: true });
  });

  it('downloads again when the cached copy is damaged', async () => {
    const { files, tiny } = await buildFiles();
    const first = fakeDeps(files);
    await loadDataset(first.deps, tiny);
    for (const [url, bytes] of first.cache?.entries ?? []) {
      if (url.includes('tiny-test')) bytes[40] = (bytes[40] ?? 0) ^ 0xff;
    }
    const second = fakeDeps(files, first.cache);
    const loaded = await loadDataset(second.deps, tiny);
    expect(second.requests).toHaveLength(1);
    expect(second.requests[0]).toContain('tiny-test.cnnlab');
    expect(loaded.test.images).toEqual(testSet.images);
  });

  it('names the damaged file when its hash does not match, and does not cache it', async () => {
    const { files, tiny } = await buildFiles();
    const damaged = (files.get('tiny-test.cnnlab') as Uint8Array).slice();
    damaged[50] = (damaged[50] ?? 0) ^ 1;
    files.set('tiny-test.cnnlab', damaged);
    const { deps, cache } = fakeDeps(files);
    const error = await rejectionOf(loadDataset(deps, tiny));
    expect(error.kind).toBe('damaged');
    expect(error.file).toBe('data/tiny-test.cnnlab');
    expect(error.message).toMatch(
      /^data\/tiny-test\.cnnlab is damaged: its SHA-256 does not match the one in manifest\.json\. Run `npm run datasets`/,
    );
    expect([...(cache?.entries.keys() ?? [])].some((url) => url.includes('tiny-test'))).toBe(false);
  });

  it('says to run `npm run datasets` when a file is missing', async () => {
    const { files, tiny } = await buildFiles();
    files.delete('tiny-train.cnnlab');
    const error = await rejectionOf(loadDataset(fakeDeps(files).deps, tiny));
    expect(error.kind).toBe('missing');
    expect(error.message).toMatch(/data\/tiny-train\.cnnlab is missing.*Run `npm run datasets`/);
  });

  it('says when a file is truncated', async () => {
    const { files, tiny } = await buildFiles();
    files.set('tiny-test.cnnlab', (files.get('tiny-test.cnnlab') as Uint8Array).slice(0, 100));
    const error = await rejectionOf(loadDataset(fakeDeps(files).deps, tiny));
    expect(error.kind).toBe('truncated');
    expect(error.message).toMatch(/expects 476 bytes, the server sent 100/);
  });

  it('stops when aborted', async () => {
    const { files, tiny } = await buildFiles();
    const controller = new AbortController();
    const { deps } = fakeDeps(files);
    const promise = loadDataset(deps, tiny, {
      signal: controller.signal,
      onProgress: (p) => p.loadedBytes > 0 && controller.abort(),
    });
    await expect(promise).rejects.toMatchObject({ name: 'AbortError' });
  });

  it('works without Cache Storage', async () => {
    const { files, tiny } = await buildFiles();
    const loaded = await loadDataset(fakeDeps(files, null).deps, tiny);
    expect(loaded.test.count).toBe(12);
  });

  it('can clear the cache', async () => {
    const { files, tiny } = await buildFiles();
    const { deps, cache } = fakeDeps(files);
    await loadDataset(deps, tiny);
    expect(await clearDatasetCache(deps)).toBe(2);
    expect(cache?.entries.size).toBe(0);
  });
});

describe('fetchManifest and loadDatasetById', () => {
  it('reads and checks the manifest', async () => {
    const { files } = await buildFiles();
    const manifest = await fetchManifest(fakeDeps(files).deps);
    expect(manifest.datasets.map((d) => d.id)).toEqual(['tiny', 'cifar10']);
  });

  it('says to run `npm run datasets` when the manifest is missing or an HTML page came instead', async () => {
    const { files } = await buildFiles();
    files.delete('manifest.json');
    const error = await rejectionOf(fetchManifest(fakeDeps(files).deps));
    expect(error.kind).toBe('missing');
    expect(error.message).toMatch(/data\/manifest\.json is missing.*Run `npm run datasets`/);
    const { deps } = fakeDeps(files);
    const html: LoaderDeps = {
      ...deps,
      fetch: async () =>
        new Response('<!doctype html>', { headers: { 'content-type': 'text/html' } }),
    };
    expect((await rejectionOf(fetchManifest(html))).kind).toBe('missing');
  });

  it('rejects a broken manifest with a reason', async () => {
    const { files } = await buildFiles();
    files.set(
      'manifest.json',
      JSON.stringify({ format: 'cnn-lab-datasets', version: 1, datasets: [{ id: 'x' }] }),
    );
    const error = await rejectionOf(fetchManifest(fakeDeps(files).deps));
    expect(error.kind).toBe('damaged');
    expect(error.message).toMatch(/dataset "x" has no valid imageShape/);
  });

  it('falls back to the cached manifest when the network fails', async () => {
    const { files } = await buildFiles();
    const { deps, cache } = fakeDeps(files);
    await fetchManifest(deps);
    const offline: LoaderDeps = {
      ...deps,
      fetch: async () => {
        throw new TypeError('Failed to fetch');
      },
    };
    expect((await fetchManifest(offline)).datasets).toHaveLength(2);
    const noCache = { ...offline, openCache: async () => null };
    const error = await rejectionOf(fetchManifest(noCache));
    expect(error.kind).toBe('network');
    expect(error.message).toMatch(/Could not download data\/manifest\.json \(Failed to fetch\)/);
    expect(cache).not.toBeNull();
  });

  it('loads by id, and explains an unavailable or unknown dataset', async () => {
    const { files } = await buildFiles();
    const { deps } = fakeDeps(files);
    expect((await loadDatasetById(deps, 'tiny')).train.count).toBe(40);
    const unavailable = await rejectionOf(loadDatasetById(deps, 'cifar10'));
    expect(unavailable.message).toBe(
      'CIFAR-10 is not available: Run `npm run datasets -- --cifar10 <folder>`.',
    );
    expect((await rejectionOf(loadDatasetById(deps, 'svhn'))).message).toMatch(
      /no dataset "svhn"; the manifest lists tiny, cifar10/,
    );
  });
});

describe('browser services', () => {
  it('finds the data folder next to the page', () => {
    expect(dataBaseUrl('https://x.example/lab/index.html')).toBe('https://x.example/lab/data/');
    expect(dataBaseUrl('https://x.example/lab/')).toBe('https://x.example/lab/data/');
    expect(() => dataBaseUrl(undefined)).toThrow(/document\.baseURI/);
  });

  it('hashes with crypto.subtle the same as the JavaScript fallback', async () => {
    // Lengths around the 64-byte block and the 56-byte padding boundary.
    for (const length of [0, 1, 55, 56, 63, 64, 65, 119, 120, 1000]) {
      const bytes = Uint8Array.from({ length }, (_, i) => (i * 13) % 256);
      expect(await browserLoaderDeps(BASE).sha256(bytes)).toBe(sha256Hex(bytes));
    }
    expect(sha256Hex(new Uint8Array(0))).toBe(
      'e3b0c44298fc1c149afbf4c8996fb92427ae41e4649b934ca495991b7852b855',
    );
    expect(sha256Hex(new TextEncoder().encode('abc'))).toBe(
      'ba7816bf8f01cfea414140de5dae2223b00361a396177a9cb410ff61f20015ad',
    );
  });
});
