import type { LoadedDataset } from '../loader';
import { OWN_DATASET_ID, type AvailableDataset } from '../manifest';
import { computeStats } from '../stats';
import { countByClass, type ImageSet } from '../types';
import type { OwnImages, OwnImagesReport } from './importer';

/**
 * The person's images dressed as a loaded dataset, so every panel, the training path and
 * the worker take them exactly as they take MNIST: the same `LoadedDataset`, with a
 * manifest-style entry made here instead of by `npm run datasets`.
 */

export const OWN_DATASET_TITLE = 'Your own images';

/** A loaded dataset that came from the person's files; `own` says what the import found. */
export interface OwnLoadedDataset extends LoadedDataset {
  readonly own: OwnImagesReport;
}

/** The report of an own dataset, or null for a built-in one. */
export function ownReportOf(data: LoadedDataset): OwnImagesReport | null {
  return 'own' in data ? (data as OwnLoadedDataset).own : null;
}

function splitEntry(set: ImageSet, name: string) {
  return {
    count: set.count,
    classCounts: countByClass(set.labels, set.classCount),
    file: name,
    bytes: set.images.length,
    // Nothing is downloaded, so there is nothing to check a hash against.
    sha256: '',
  };
}

/** The person's images as a LoadedDataset with a manifest entry of id `own`; `kept` when read back from this browser. */
export function ownLoadedDataset(images: OwnImages, kept = false): OwnLoadedDataset {
  const { train, test, report, classNames } = images;
  const stats = computeStats(train);
  const info: AvailableDataset = {
    id: OWN_DATASET_ID,
    title: OWN_DATASET_TITLE,
    description: `${report.imageCount.toLocaleString('en-US')} images in ${classNames.length} classes from ${report.sourceName}, read in this browser and kept only here: nothing was uploaded.`,
    classNames,
    imageShape: [train.height, train.width, train.channels],
    licence: 'Yours.',
    available: true,
    train: splitEntry(train, `${report.sourceName} (train)`),
    test: splitEntry(test, `${report.sourceName} (test)`),
    mean: stats.mean,
    std: stats.std,
    fingerprint: report.importedAt,
  };
  return { info, train, test, fromCache: kept, own: report };
}
