import { unzipSync } from 'fflate';
import { messageOf } from '../../core/errors';
import { OWN_LIMITS, OwnImagesError, formatMegabytes } from './errors';
import type { OwnImagesSource } from './importer';
import type { SkippedFile } from './plan';

/**
 * The two ways in: the files of a folder the person picked (`<input webkitdirectory>`),
 * or a zip of such a folder, unpacked with fflate in the page. Both only list at first;
 * files are read batch by batch while decoding.
 */

/** What the lab needs of a picked file (a real `File` fits). */
export interface PickedFile extends Blob {
  readonly name: string;
  /** "holiday/cats/1.jpg" for a folder pick; empty for a single file. */
  readonly webkitRelativePath: string;
}

/** The files of a picked folder. */
export function folderSource(files: ArrayLike<PickedFile>): OwnImagesSource {
  const list = Array.from(files);
  const byPath = new Map(list.map((f) => [f.webkitRelativePath || f.name, f]));
  const first = list[0]?.webkitRelativePath.split('/')[0];
  return {
    name: first ? `the folder ${first}` : 'the chosen files',
    entries: list.map((f) => ({ path: f.webkitRelativePath || f.name, bytes: f.size })),
    read: (paths) =>
      Promise.resolve(
        new Map(paths.flatMap((p) => (byPath.has(p) ? [[p, byPath.get(p) as Blob]] : []))),
      ),
  };
}

/** Compression methods fflate unpacks: stored and deflate. */
const READABLE_METHODS = new Set([0, 8]);

/** A zip's entries; throws OwnImagesError when it is too large or not a zip. */
export async function zipSource(file: Blob & { readonly name: string }): Promise<OwnImagesSource> {
  if (file.size > OWN_LIMITS.bytes) {
    throw new OwnImagesError(
      'too-large',
      `${file.name} is ${formatMegabytes(file.size)}; the lab takes at most ${formatMegabytes(OWN_LIMITS.bytes)}. Use fewer or smaller images.`,
    );
  }
  const zip = new Uint8Array(await file.arrayBuffer());
  return zipBytesSource(zip, file.name);
}

/** A zip already in memory (what `zipSource` reads; tests build one with fflate). */
export function zipBytesSource(zip: Uint8Array, name: string): OwnImagesSource {
  const entries: { path: string; bytes: number }[] = [];
  const unreadable: SkippedFile[] = [];
  try {
    // Listing only: the filter sees each entry's header and unpacks nothing.
    unzipSync(zip, {
      filter: (info) => {
        if (READABLE_METHODS.has(info.compression)) {
          entries.push({ path: info.name, bytes: info.originalSize });
        } else if (!info.name.endsWith('/')) {
          unreadable.push({
            path: info.name,
            reason: `packed with a compression this reader does not know (method ${info.compression})`,
          });
        }
        return false;
      },
    });
  } catch (error) {
    throw new OwnImagesError(
      'not-a-zip',
      `${name} could not be read as a zip (${messageOf(error)}). Make the zip again, or choose the folder itself.`,
    );
  }
  return {
    name,
    entries,
    unreadable,
    batchSize: 64,
    read: (paths) => {
      const wanted = new Set(paths);
      try {
        const files = unzipSync(zip, { filter: (info) => wanted.has(info.name) });
        return Promise.resolve(
          new Map(Object.entries(files).map(([path, bytes]) => [path, new Blob([bytes])])),
        );
      } catch {
        // One damaged entry spoils the batch's read; each file is then tried alone.
        const one = new Map<string, Blob>();
        for (const path of paths) {
          try {
            const bytes = unzipSync(zip, { filter: (info) => info.name === path })[path];
            if (bytes) one.set(path, new Blob([bytes]));
          } catch {
            // Left out of the map: the importer lists it as unreadable.
          }
        }
        return Promise.resolve(one);
      }
    },
  };
}
