import { messageOf } from '../../core/errors';
import { selectImages, pixelsPerImage, type ImageSet, type ImageShape } from '../types';
import { OWN_LIMITS, OwnImagesError, type OwnImagesLimits } from './errors';
import { fitToInput, type DecodedImage } from './pixels';
import {
  planOwnImages,
  smallClassesOf,
  type OwnEntryInfo,
  type SkippedFile,
  type SmallClass,
} from './plan';
import { splitOwnImages } from './split';

/**
 * Reads a folder or zip of the person's images into the lab's train and test sets:
 * plan from the file list (limits first), then decode a few files at a time with a
 * pause between, so the page stays responsive and shows progress. The decoder, the
 * pause and the file reads are passed in: tests give decoded pixels directly.
 */

/** Where the files come from: their list, and a way to read a batch of them. */
export interface OwnImagesSource {
  /** What the person chose, as they know it: the folder's or the zip's name. */
  readonly name: string;
  readonly entries: readonly OwnEntryInfo[];
  /** Files that could not even be listed (a zip entry in an unknown compression). */
  readonly unreadable?: readonly SkippedFile[];
  /** The bytes of these paths; one that cannot be read is left out of the map. */
  read(paths: readonly string[]): Promise<ReadonlyMap<string, Blob>>;
  /** How many files one `read` should take (a zip reads its directory once a batch). */
  readonly batchSize?: number;
}

export interface OwnImportDeps {
  /** The picture in a file, decoded (may be shrunk ahead, keeping the crop `shape` asks for). */
  decode(file: Blob, shape: ImageShape): Promise<DecodedImage>;
  /** Lets the page breathe between batches. */
  pause(): Promise<void>;
  readonly onProgress?: (decoded: number, total: number) => void;
  readonly signal?: AbortSignal;
  readonly limits?: OwnImagesLimits;
}

/** What the import found, for the person to read (and kept with the images). */
export interface OwnImagesReport {
  readonly sourceName: string;
  /** ISO time of the import. */
  readonly importedAt: string;
  readonly imageCount: number;
  readonly skipped: readonly SkippedFile[];
  readonly smallClasses: readonly SmallClass[];
  readonly emptyFolders: readonly string[];
  readonly ignored: number;
}

/** The person's images as the lab's sets, with the report of the import. */
export interface OwnImages {
  readonly classNames: readonly string[];
  readonly train: ImageSet;
  readonly test: ImageSet;
  readonly report: OwnImagesReport;
}

const DEFAULT_BATCH = 16;

/** Decodes, fits and splits the images of `source` to `shape`. Throws OwnImagesError when a limit is passed. */
export async function importOwnImages(
  source: OwnImagesSource,
  shape: ImageShape,
  deps: OwnImportDeps,
): Promise<OwnImages> {
  const limits = deps.limits ?? OWN_LIMITS;
  const plan = planOwnImages(source.entries, limits);
  const skipped: SkippedFile[] = [...(source.unreadable ?? []), ...plan.skipped];
  const size = pixelsPerImage(shape);
  const pixels = new Uint8Array(plan.images.length * size);
  const labels = new Uint8Array(plan.images.length);
  let kept = 0;
  const batch = Math.max(1, source.batchSize ?? DEFAULT_BATCH);
  deps.onProgress?.(0, plan.images.length);
  for (let start = 0; start < plan.images.length; start += batch) {
    deps.signal?.throwIfAborted();
    const group = plan.images.slice(start, start + batch);
    const files = await source.read(group.map((g) => g.path));
    for (const image of group) {
      const file = files.get(image.path);
      if (!file) {
        skipped.push({ path: image.path, reason: 'could not be read' });
        continue;
      }
      try {
        pixels.set(fitToInput(await deps.decode(file, shape), shape), kept * size);
        labels[kept++] = image.label;
      } catch (error) {
        skipped.push({
          path: image.path,
          reason: `not a picture this browser can read (${messageOf(error)})`,
        });
      }
    }
    deps.onProgress?.(Math.min(plan.images.length, start + batch), plan.images.length);
    await deps.pause();
  }
  deps.signal?.throwIfAborted();
  return assemble(
    source.name,
    plan.classNames,
    pixels.subarray(0, kept * size),
    labels.subarray(0, kept),
    shape,
    {
      skipped,
      emptyFolders: plan.emptyFolders,
      ignored: plan.ignored,
      limits,
    },
  );
}

/** The decoded images as train and test sets; classes left without an image (all broken) are dropped. */
function assemble(
  sourceName: string,
  plannedNames: readonly string[],
  pixels: Uint8Array,
  plannedLabels: Uint8Array,
  shape: ImageShape,
  found: {
    skipped: SkippedFile[];
    emptyFolders: readonly string[];
    ignored: number;
    limits: OwnImagesLimits;
  },
): OwnImages {
  const counts = plannedNames.map(() => 0);
  plannedLabels.forEach((l) => (counts[l] = (counts[l] ?? 0) + 1));
  const keptClasses = plannedNames.map((_, k) => k).filter((k) => (counts[k] ?? 0) > 0);
  const newLabel = new Map(keptClasses.map((k, i) => [k, i]));
  const classNames = keptClasses.map((k) => plannedNames[k] ?? String(k));
  const lostFolders = plannedNames.filter((_, k) => (counts[k] ?? 0) === 0);
  if (classNames.length < 2) {
    throw new OwnImagesError(
      'no-classes',
      `Fewer than two classes had an image this browser could read (${found.skipped.length} files skipped). Check that the files are PNG, JPEG, GIF, WebP or BMP pictures.`,
    );
  }
  const labels = Uint8Array.from(plannedLabels, (l) => newLabel.get(l) ?? 0);
  const all: ImageSet = {
    count: labels.length,
    ...shape,
    classCount: classNames.length,
    labels,
    images: pixels,
  };
  const split = splitOwnImages(labels, classNames.length);
  return {
    classNames,
    train: selectImages(all, split.train),
    test: selectImages(all, split.test),
    report: {
      sourceName,
      importedAt: new Date().toISOString(),
      imageCount: labels.length,
      skipped: found.skipped,
      smallClasses: smallClassesOf(
        classNames,
        keptClasses.map((k) => counts[k] ?? 0),
        found.limits,
      ),
      emptyFolders: [...found.emptyFolders, ...lostFolders],
      ignored: found.ignored,
    },
  };
}
