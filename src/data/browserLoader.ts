import { DatasetLoadError } from './errors';
import type { LoaderDeps } from './loader';
import { sha256Hex, toHex } from './sha256';

/** The loader's real services in a page or a worker. */

const CACHE_NAME = 'cnn-lab-data';

/**
 * The data folder next to the page: `new URL('data/', pageUrl)`. A worker's own URL points
 * into assets/, so a worker must be given the page's URL (`document.baseURI`).
 */
export function dataBaseUrl(pageUrl: string | undefined = globalThis.document?.baseURI): string {
  if (!pageUrl) {
    throw new Error(
      "dataBaseUrl needs the page's URL here (there is no document); pass document.baseURI from the page.",
    );
  }
  return new URL('data/', pageUrl).href;
}

/** SHA-256 by crypto.subtle where the page has it (secure contexts), else in JavaScript. */
async function sha256Browser(bytes: Uint8Array<ArrayBuffer>): Promise<string> {
  const subtle = globalThis.crypto?.subtle;
  if (!subtle) return sha256Hex(bytes);
  return toHex(new Uint8Array(await subtle.digest('SHA-256', bytes)));
}

/** Gunzips with the browser's DecompressionStream. */
async function gunzipBrowser(bytes: Uint8Array<ArrayBuffer>): Promise<Uint8Array<ArrayBuffer>> {
  if (typeof DecompressionStream === 'undefined') {
    throw new DatasetLoadError(
      'unsupported',
      null,
      'This browser cannot decompress the data files (it has no DecompressionStream). Use a current Chrome, Edge, Firefox or Safari.',
    );
  }
  const stream = new Blob([bytes]).stream().pipeThrough(new DecompressionStream('gzip'));
  return new Uint8Array(await new Response(stream).arrayBuffer());
}

/** The loader's services in a page or worker: fetch, Cache Storage, crypto.subtle, DecompressionStream. */
export function browserLoaderDeps(baseUrl: string = dataBaseUrl()): LoaderDeps {
  return {
    baseUrl,
    fetch: (url, init) => globalThis.fetch(url, init),
    openCache: async () => {
      try {
        return globalThis.caches ? await globalThis.caches.open(CACHE_NAME) : null;
      } catch {
        // Private windows and some embedded views refuse storage; the lab works without it.
        return null;
      }
    },
    sha256: sha256Browser,
    gunzip: gunzipBrowser,
  };
}
