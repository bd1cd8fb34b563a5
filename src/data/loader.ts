import { messageOf } from '../core/errors';
import { DataFormatError, DatasetLoadError, formatCount } from './errors';
import { isGzip } from './idx';
import {
  MANIFEST_FILE,
  findDataset,
  parseManifest,
  type AvailableDataset,
  type Manifest,
  type SplitFile,
} from './manifest';
import { decodePacked } from './packed';
import type { ImageSet } from './types';

/**
 * Loads datasets in the page or a worker: fetches the files `npm run datasets` wrote,
 * with progress, checks each against the SHA-256 in the manifest, keeps good copies in
 * Cache Storage so a reload does not download again, and decodes them into typed arrays.
 * Every outside service is passed in (`browserLoaderDeps` gives the real ones), so tests
 * run it against fakes.
 */

/** The part of the Cache Storage API the loader uses (a real `Cache` fits). */
export interface DataCache {
  match(url: string): Promise<Response | undefined>;
  put(url: string, response: Response): Promise<void>;
  delete(url: string): Promise<boolean>;
  keys(): Promise<readonly { readonly url: string }[]>;
}

export interface LoaderDeps {
  /** Absolute URL of the data folder, ending in `/` (see `dataBaseUrl`). */
  readonly baseUrl: string;
  readonly fetch: (url: string, init: RequestInit) => Promise<Response>;
  /** Resolves to null where there is no Cache Storage (plain http from another machine). */
  readonly openCache: () => Promise<DataCache | null>;
  /** SHA-256 as 64 lower-case hex digits. */
  readonly sha256: (bytes: Uint8Array<ArrayBuffer>) => Promise<string>;
  readonly gunzip: (bytes: Uint8Array<ArrayBuffer>) => Promise<Uint8Array<ArrayBuffer>>;
}

export interface LoadProgress {
  readonly phase: 'download' | 'decode' | 'done';
  readonly loadedBytes: number;
  readonly totalBytes: number;
  /** 0 to 100. */
  readonly percent: number;
  /** True when every file so far came from the cache. */
  readonly fromCache: boolean;
}

export interface LoadOptions {
  readonly signal?: AbortSignal;
  readonly onProgress?: (progress: LoadProgress) => void;
}

export interface LoadedDataset {
  readonly info: AvailableDataset;
  readonly train: ImageSet;
  readonly test: ImageSet;
  /** True when nothing was downloaded. */
  readonly fromCache: boolean;
}

const REBUILD = 'Run `npm run datasets` in the project folder, then reload the page.';

const shown = (file: string) => `data/${file}`;

/** Runs a cache write; a full disk or a refusing browser costs a download next time, nothing more. */
async function storeQuietly(write: () => Promise<unknown> | undefined): Promise<void> {
  try {
    await write();
  } catch {
    // Deliberately ignored: the data in hand is good, only the copy for next time is lost.
  }
}

/** Turns a failed fetch into a DatasetLoadError, leaving aborts as they are. */
function networkError(error: unknown, file: string, signal?: AbortSignal): unknown {
  if (signal?.aborted || (error instanceof Error && error.name === 'AbortError')) return error;
  if (error instanceof DatasetLoadError) return error;
  const reason = messageOf(error);
  return new DatasetLoadError(
    'network',
    shown(file),
    `Could not download ${shown(file)} (${reason}). Check that the lab's server is still running, then try again.`,
  );
}

/** Throws 'missing' for a 404, and for an HTML page served in place of a missing file. */
function checkResponse(response: Response, file: string): void {
  const html = (response.headers.get('content-type') ?? '').includes('text/html');
  if (response.status === 404 || (response.ok && html)) {
    throw new DatasetLoadError(
      'missing',
      shown(file),
      `${shown(file)} is missing: the datasets have not been built. ${REBUILD}`,
    );
  }
  if (!response.ok) {
    throw new DatasetLoadError(
      'network',
      shown(file),
      `The server answered ${response.status} ${response.statusText} for ${shown(file)}. Check the server, then try again.`,
    );
  }
}

/** Reads the manifest; on a network failure falls back to the copy in the cache, if any. */
export async function fetchManifest(
  deps: LoaderDeps,
  options: Pick<LoadOptions, 'signal'> = {},
): Promise<Manifest> {
  const url = deps.baseUrl + MANIFEST_FILE;
  const cache = await deps.openCache();
  let text: string;
  try {
    // Always revalidate: a rebuilt manifest must be seen at once.
    const response = await deps.fetch(url, { signal: options.signal, cache: 'no-cache' });
    checkResponse(response, MANIFEST_FILE);
    text = await response.text();
  } catch (error) {
    const cached = error instanceof DatasetLoadError ? undefined : await cache?.match(url);
    if (!cached || options.signal?.aborted)
      throw networkError(error, MANIFEST_FILE, options.signal);
    text = await cached.text();
  }
  await storeQuietly(() =>
    cache?.put(url, new Response(text, { headers: { 'content-type': 'application/json' } })),
  );
  let json: unknown;
  try {
    json = JSON.parse(text);
  } catch {
    throw new DatasetLoadError(
      'damaged',
      shown(MANIFEST_FILE),
      `${shown(MANIFEST_FILE)} is not valid JSON. ${REBUILD}`,
    );
  }
  try {
    return parseManifest(json, shown(MANIFEST_FILE));
  } catch (error) {
    throw new DatasetLoadError('damaged', shown(MANIFEST_FILE), (error as Error).message);
  }
}

/** Reads a response body chunk by chunk, reporting the bytes received so far. */
async function readBody(
  response: Response,
  onBytes: (received: number) => void,
  signal?: AbortSignal,
): Promise<Uint8Array<ArrayBuffer>> {
  if (!response.body) {
    const bytes = new Uint8Array(await response.arrayBuffer());
    onBytes(bytes.length);
    return bytes;
  }
  const reader = response.body.getReader();
  const chunks: Uint8Array[] = [];
  let received = 0;
  for (;;) {
    signal?.throwIfAborted();
    const { done, value } = await reader.read();
    if (done) break;
    chunks.push(value);
    received += value.length;
    onBytes(received);
  }
  const bytes = new Uint8Array(received);
  let at = 0;
  for (const chunk of chunks) {
    bytes.set(chunk, at);
    at += chunk.length;
  }
  return bytes;
}

/** The bytes of one split file, from the cache when a verified copy is there, else downloaded. */
async function fetchSplitFile(
  deps: LoaderDeps,
  cache: DataCache | null,
  split: SplitFile,
  onBytes: (received: number, fromCache: boolean) => void,
  signal?: AbortSignal,
): Promise<{ bytes: Uint8Array<ArrayBuffer>; fromCache: boolean }> {
  // The hash in the URL makes a rebuilt file a new address, for Cache Storage and the HTTP cache.
  const url = `${deps.baseUrl}${split.file}?sha256=${split.sha256.slice(0, 16)}`;
  const cached = await cache?.match(url);
  if (cached) {
    const bytes = new Uint8Array(await cached.arrayBuffer());
    if (bytes.length === split.bytes && (await deps.sha256(bytes)) === split.sha256) {
      onBytes(bytes.length, true);
      return { bytes, fromCache: true };
    }
    // A damaged cached copy is dropped and downloaded again.
    await cache?.delete(url);
  }
  signal?.throwIfAborted();
  let bytes: Uint8Array<ArrayBuffer>;
  try {
    const response = await deps.fetch(url, { signal });
    checkResponse(response, split.file);
    bytes = await readBody(response, (n) => onBytes(n, false), signal);
  } catch (error) {
    throw networkError(error, split.file, signal);
  }
  if (bytes.length < split.bytes) {
    throw new DatasetLoadError(
      'truncated',
      shown(split.file),
      `${shown(split.file)} is truncated: manifest.json expects ${formatCount(split.bytes)} bytes, the server sent ${formatCount(bytes.length)}. ${REBUILD}`,
    );
  }
  if (bytes.length !== split.bytes || (await deps.sha256(bytes)) !== split.sha256) {
    throw new DatasetLoadError(
      'damaged',
      shown(split.file),
      `${shown(split.file)} is damaged: its SHA-256 does not match the one in manifest.json. ${REBUILD}`,
    );
  }
  if (cache) {
    await storeQuietly(async () => {
      const headers = { 'content-type': 'application/octet-stream' };
      await cache.put(url, new Response(bytes, { headers }));
      // Older builds of the same file are now dead weight.
      const stale = (await cache.keys()).filter(
        (key) => key.url.startsWith(`${deps.baseUrl}${split.file}?`) && key.url !== url,
      );
      await Promise.all(stale.map((key) => cache.delete(key.url)));
    });
  }
  return { bytes, fromCache: false };
}

/** Decodes a verified file and checks it is what the manifest says it is. */
async function decodeSplit(
  deps: LoaderDeps,
  bytes: Uint8Array<ArrayBuffer>,
  split: SplitFile,
  info: AvailableDataset,
): Promise<ImageSet> {
  const file = shown(split.file);
  try {
    const raw = isGzip(bytes) ? await deps.gunzip(bytes) : bytes;
    const set = decodePacked(raw, file);
    const [height, width, channels] = info.imageShape;
    if (
      set.count !== split.count ||
      set.height !== height ||
      set.width !== width ||
      set.channels !== channels ||
      set.classCount !== info.classNames.length
    ) {
      throw new DataFormatError(
        file,
        `holds ${set.count} images of ${set.height}×${set.width}×${set.channels} in ${set.classCount} classes, but manifest.json says ${split.count} of ${height}×${width}×${channels} in ${info.classNames.length}.`,
      );
    }
    return set;
  } catch (error) {
    if (error instanceof DatasetLoadError) throw error;
    const message = messageOf(error);
    throw new DatasetLoadError('damaged', file, `${message} ${REBUILD}`);
  }
}

/**
 * Loads a dataset's train and test splits. Progress is reported in bytes of the stored
 * files and ends with phase 'done' at 100%. Abort with `options.signal`.
 */
export async function loadDataset(
  deps: LoaderDeps,
  info: AvailableDataset,
  options: LoadOptions = {},
): Promise<LoadedDataset> {
  const { signal, onProgress } = options;
  signal?.throwIfAborted();
  const splits = [info.train, info.test];
  const totalBytes = splits.reduce((sum, s) => sum + s.bytes, 0);
  const received = splits.map(() => 0);
  const cachedFlags = splits.map(() => false);
  const report = (phase: LoadProgress['phase']) => {
    const loadedBytes = Math.min(
      totalBytes,
      received.reduce((sum, n) => sum + n, 0),
    );
    onProgress?.({
      phase,
      loadedBytes,
      totalBytes,
      percent: totalBytes > 0 ? (100 * loadedBytes) / totalBytes : 100,
      fromCache: cachedFlags.every(Boolean),
    });
  };
  report('download');
  const cache = await deps.openCache();
  // One failed file stops the other download too.
  const inner = new AbortController();
  const stop = () => inner.abort(signal?.reason);
  signal?.addEventListener('abort', stop, { once: true });
  if (signal?.aborted) stop();
  try {
    const files = await Promise.all(
      splits.map((split, i) =>
        fetchSplitFile(
          deps,
          cache,
          split,
          (n, fromCache) => {
            received[i] = n;
            cachedFlags[i] = fromCache;
            report('download');
          },
          inner.signal,
        ).catch((error: unknown) => {
          inner.abort(error);
          throw error;
        }),
      ),
    );
    signal?.throwIfAborted();
    report('decode');
    const [train, test] = await Promise.all(
      files.map(({ bytes }, i) => decodeSplit(deps, bytes, splits[i] as SplitFile, info)),
    );
    report('done');
    return {
      info,
      train: train as ImageSet,
      test: test as ImageSet,
      fromCache: files.every((f) => f.fromCache),
    };
  } finally {
    signal?.removeEventListener('abort', stop);
  }
}

/** Fetches the manifest and loads the dataset with this id, or says why it cannot. */
export async function loadDatasetById(
  deps: LoaderDeps,
  id: string,
  options: LoadOptions = {},
): Promise<LoadedDataset> {
  const manifest = await fetchManifest(deps, options);
  const entry = findDataset(manifest, id);
  if (!entry) {
    const known = manifest.datasets.map((d) => d.id).join(', ');
    throw new DatasetLoadError(
      'unavailable',
      null,
      `There is no dataset "${id}"; the manifest lists ${known || 'none'}.`,
    );
  }
  if (!entry.available) {
    throw new DatasetLoadError(
      'unavailable',
      null,
      `${entry.title} is not available: ${entry.problem ? `${entry.problem} ` : ''}${entry.how}`,
    );
  }
  return loadDataset(deps, entry, options);
}

/** Deletes every cached data file (a "free up space" button). */
export async function clearDatasetCache(deps: LoaderDeps): Promise<number> {
  const cache = await deps.openCache();
  if (!cache) return 0;
  const keys = await cache.keys();
  await Promise.all(keys.map((key) => cache.delete(key.url)));
  return keys.length;
}
