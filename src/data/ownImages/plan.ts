import { formatCount } from '../errors';
import { OWN_LIMITS, OwnImagesError, formatMegabytes, type OwnImagesLimits } from './errors';

/**
 * From a list of file paths (a folder picked in the browser, or a zip's entries) to the
 * classes and the files to decode: one sub-folder per class, its name the class's name.
 * Pure, so the rules are tested without a browser: which files count as images, which
 * are skipped and why, and the limits, all before anything is decoded.
 */

/** One file of the folder or zip, as listed: its path and its size in bytes (uncompressed). */
export interface OwnEntryInfo {
  readonly path: string;
  readonly bytes: number;
}

/** A file that was left out, and why, as shown to the person. */
export interface SkippedFile {
  readonly path: string;
  readonly reason: string;
}

/** A class that has too few images to learn or test well. */
export interface SmallClass {
  readonly name: string;
  readonly count: number;
}

/** One image file to decode and the class it belongs to. */
export interface PlannedImage {
  readonly path: string;
  readonly bytes: number;
  readonly label: number;
}

export interface OwnImagesPlan {
  /** Sub-folder names, in natural order ("2" before "10"). */
  readonly classNames: readonly string[];
  /** Every image, class by class, in natural path order within a class. */
  readonly images: readonly PlannedImage[];
  readonly skipped: readonly SkippedFile[];
  /** Classes with fewer than `fewImages` images (and at least one). */
  readonly smallClasses: readonly SmallClass[];
  /** Sub-folders with files but no image at all: not made into classes. */
  readonly emptyFolders: readonly string[];
  /** System files (.DS_Store, __MACOSX/, Thumbs.db) passed over without a word. */
  readonly ignored: number;
}

/** File endings the browser's own decoders read. */
export const IMAGE_EXTENSIONS = ['png', 'jpg', 'jpeg', 'gif', 'webp', 'bmp', 'avif'] as const;

const natural = new Intl.Collator('en', { numeric: true, sensitivity: 'base' });

/** The ending of a file name, lower-case, without the dot ('' when there is none). */
export function extensionOf(path: string): string {
  const name = path.slice(path.lastIndexOf('/') + 1);
  const dot = name.lastIndexOf('.');
  return dot > 0 ? name.slice(dot + 1).toLowerCase() : '';
}

/** True for an image file the lab reads (by its ending; a broken one is caught when decoded). */
export function isImagePath(path: string): boolean {
  return (IMAGE_EXTENSIONS as readonly string[]).includes(extensionOf(path));
}

/** Files a file manager leaves behind: any part hidden (.DS_Store, .git/), __MACOSX/, Thumbs.db, desktop.ini. */
function isSystemFile(parts: readonly string[]): boolean {
  const name = (parts.at(-1) ?? '').toLowerCase();
  return (
    parts.some((p) => p.startsWith('.') || p === '__MACOSX') ||
    name === 'thumbs.db' ||
    name === 'desktop.ini'
  );
}

/**
 * Paths split into parts, with the folders every path shares taken off the front (the
 * picked folder itself, or the one folder a zip was made of), so that what is left
 * starts with the class folder.
 */
function relativeParts(paths: readonly string[]): string[][] {
  const split = paths.map((p) => p.replace(/\\/g, '/').split('/').filter(Boolean));
  for (;;) {
    const first = split[0]?.[0];
    const shared =
      first !== undefined && split.every((parts) => parts.length > 1 && parts[0] === first);
    if (!shared) return split;
    split.forEach((parts) => parts.shift());
  }
}

/** Reads the class folders from a file list and checks the limits; throws OwnImagesError when one is passed. */
export function planOwnImages(
  entries: readonly OwnEntryInfo[],
  limits: OwnImagesLimits = OWN_LIMITS,
): OwnImagesPlan {
  const files = entries.filter((e) => !e.path.endsWith('/'));
  const parts = relativeParts(files.map((e) => e.path));
  const skipped: SkippedFile[] = [];
  const byClass = new Map<string, { path: string; bytes: number }[]>();
  const folders = new Set<string>();
  let ignored = 0;
  files.forEach((entry, i) => {
    const p = parts[i] ?? [];
    if (isSystemFile(p)) {
      ignored++;
      return;
    }
    const [folder] = p;
    if (p.length < 2 || folder === undefined) {
      skipped.push({ path: entry.path, reason: 'not inside a class folder' });
      return;
    }
    folders.add(folder);
    if (!isImagePath(entry.path)) {
      const ending = extensionOf(entry.path);
      skipped.push({
        path: entry.path,
        reason: ending ? `not an image (.${ending})` : 'not an image',
      });
      return;
    }
    const list = byClass.get(folder) ?? [];
    list.push({ path: entry.path, bytes: entry.bytes });
    byClass.set(folder, list);
  });
  const classNames = [...byClass.keys()].sort(natural.compare);
  const emptyFolders = [...folders].filter((f) => !byClass.has(f)).sort(natural.compare);
  const count = classNames.reduce((sum, name) => sum + (byClass.get(name)?.length ?? 0), 0);
  const bytes = [...byClass.values()].flat().reduce((sum, f) => sum + f.bytes, 0);
  checkLimits(classNames, count, bytes, skipped.length, limits);
  const images = classNames.flatMap((name, label) =>
    (byClass.get(name) ?? [])
      .sort((a, b) => natural.compare(a.path, b.path))
      .map((f) => ({ ...f, label })),
  );
  const smallClasses = smallClassesOf(
    classNames,
    classNames.map((n) => byClass.get(n)?.length ?? 0),
    limits,
  );
  return { classNames, images, skipped, smallClasses, emptyFolders, ignored };
}

/** The classes with fewer than `fewImages` images, in class order. */
export function smallClassesOf(
  classNames: readonly string[],
  counts: readonly number[],
  limits: OwnImagesLimits = OWN_LIMITS,
): SmallClass[] {
  return classNames
    .map((name, k) => ({ name, count: counts[k] ?? 0 }))
    .filter((c) => c.count < limits.fewImages);
}

function checkLimits(
  classNames: readonly string[],
  count: number,
  bytes: number,
  skippedCount: number,
  limits: OwnImagesLimits,
): void {
  if (classNames.length < 2) {
    const found =
      classNames.length === 1
        ? `only one class folder with images ("${classNames[0] ?? ''}")`
        : skippedCount > 0
          ? 'no image inside a sub-folder'
          : 'no files';
    throw new OwnImagesError(
      'no-classes',
      `Found ${found}. A dataset needs at least two classes: put the images of each class in a sub-folder named after it (cats/, dogs/), then choose the folder that holds those sub-folders, or a zip of it.`,
    );
  }
  if (classNames.length > limits.classes) {
    throw new OwnImagesError(
      'too-many-classes',
      `Found ${classNames.length} class folders; the lab takes at most ${limits.classes}. Keep the classes you want to compare in one folder and choose that.`,
    );
  }
  if (count > limits.images) {
    throw new OwnImagesError(
      'too-many-images',
      `Found ${formatCount(count)} images; the lab takes at most ${formatCount(limits.images)}. Use fewer images per class.`,
    );
  }
  if (bytes > limits.bytes) {
    throw new OwnImagesError(
      'too-large',
      `The images add up to ${formatMegabytes(bytes)}; the lab takes at most ${formatMegabytes(limits.bytes)}. Use fewer or smaller images (the lab shrinks them to a few dozen pixels anyway).`,
    );
  }
}
