import { DataFormatError } from './errors';

/**
 * `data/manifest.json`, written by `npm run datasets`: what each dataset is, whether it
 * was built, and the files, sizes and SHA-256 hashes the loader checks downloads against.
 */

export const MANIFEST_FORMAT = 'cnn-lab-datasets';
/** Bumped when the packed format or the build's choices change, so old outputs are rebuilt. */
export const MANIFEST_VERSION = 1;
export const MANIFEST_FILE = 'manifest.json';

/** The datasets `npm run datasets` builds into the manifest, and the pretraining jobs train on. */
export const BUILT_DATASET_IDS = ['mnist', 'fashion-mnist', 'cifar10'] as const;
/** The person's own images (data/ownImages/): read in their browser and kept there, never in the manifest. */
export const OWN_DATASET_ID = 'own';
/** The datasets the lab knows: what a link may name. */
export const DATASET_IDS = [...BUILT_DATASET_IDS, OWN_DATASET_ID] as const;
export type DatasetId = (typeof DATASET_IDS)[number];

/** One split of a built dataset. */
export interface SplitFile {
  readonly count: number;
  /** Images of each class, in class order. */
  readonly classCounts: readonly number[];
  /** File name inside the data folder. */
  readonly file: string;
  /** Size of the file as stored and downloaded (gzip-compressed), in bytes. */
  readonly bytes: number;
  /** SHA-256 of the stored file, 64 lower-case hex digits. */
  readonly sha256: string;
}

interface DatasetCommon {
  /** `mnist`, `fashion-mnist` or `cifar10`. */
  readonly id: string;
  readonly title: string;
  /** One sentence on what the images are and where they came from. */
  readonly description: string;
  readonly classNames: readonly string[];
  /** [height, width, channels]. */
  readonly imageShape: readonly [number, number, number];
  readonly licence: string;
}

export interface AvailableDataset extends DatasetCommon {
  readonly available: true;
  readonly train: SplitFile;
  readonly test: SplitFile;
  /** Per-channel mean of the training split, in 0..1 units. */
  readonly mean: readonly number[];
  /** Per-channel population standard deviation of the training split, in 0..1 units. */
  readonly std: readonly number[];
  /** What the build read and how; an unchanged fingerprint means the files are up to date. */
  readonly fingerprint: string;
}

export interface UnavailableDataset extends DatasetCommon {
  readonly available: false;
  /** The exact step that makes the dataset available. */
  readonly how: string;
  /** Set when the source was found but could not be read: the file and what is wrong with it. */
  readonly problem?: string;
}

export type DatasetEntry = AvailableDataset | UnavailableDataset;

export interface Manifest {
  readonly format: typeof MANIFEST_FORMAT;
  readonly version: number;
  readonly datasets: readonly DatasetEntry[];
}

type Json = Record<string, unknown>;

const isRecord = (v: unknown): v is Json =>
  typeof v === 'object' && v !== null && !Array.isArray(v);
const isCount = (v: unknown): v is number => typeof v === 'number' && Number.isInteger(v) && v >= 0;

/** Checks manifest JSON; throws a DataFormatError naming the first thing that is wrong. */
export function parseManifest(raw: unknown, file = `data/${MANIFEST_FILE}`): Manifest {
  const fail = (problem: string): never => {
    throw new DataFormatError(file, `${problem} Run \`npm run datasets\` to rebuild it.`);
  };
  if (!isRecord(raw) || raw.format !== MANIFEST_FORMAT) fail('is not a CNN Lab dataset manifest.');
  const manifest = raw as Json;
  if (manifest.version !== MANIFEST_VERSION) {
    fail(`has version ${String(manifest.version)}; this lab reads version ${MANIFEST_VERSION}.`);
  }
  if (!Array.isArray(manifest.datasets)) fail('has no "datasets" list.');
  (manifest.datasets as unknown[]).forEach((entry, i) => {
    const where = `dataset ${i + 1}`;
    if (!isRecord(entry) || typeof entry.id !== 'string') return fail(`${where} has no id.`);
    const name = `dataset "${entry.id}"`;
    const shape = entry.imageShape;
    if (!Array.isArray(shape) || shape.length !== 3 || !shape.every((n) => isCount(n) && n > 0)) {
      fail(`${name} has no valid imageShape [height, width, channels].`);
    }
    const classNames = entry.classNames;
    if (!Array.isArray(classNames) || !classNames.every((n) => typeof n === 'string')) {
      fail(`${name} has no list of class names.`);
    }
    if (typeof entry.title !== 'string') fail(`${name} has no title.`);
    if (entry.available === false) {
      if (typeof entry.how !== 'string')
        fail(`${name} is unavailable but does not say how to fix it.`);
      return;
    }
    if (entry.available !== true) fail(`${name} does not say whether it is available.`);
    for (const split of ['train', 'test'] as const) {
      const s = entry[split];
      const ok =
        isRecord(s) &&
        isCount(s.count) &&
        isCount(s.bytes) &&
        typeof s.file === 'string' &&
        /^[\w.-]+$/.test(s.file) &&
        typeof s.sha256 === 'string' &&
        /^[0-9a-f]{64}$/.test(s.sha256) &&
        Array.isArray(s.classCounts) &&
        s.classCounts.every(isCount);
      if (!ok) fail(`${name} has a broken "${split}" entry.`);
    }
    const channels = (shape as number[])[2];
    for (const stat of ['mean', 'std'] as const) {
      const values = entry[stat];
      if (!Array.isArray(values) || values.length !== channels || !values.every(Number.isFinite)) {
        fail(`${name} needs one ${stat} per channel.`);
      }
    }
  });
  return raw as unknown as Manifest;
}

/** The entry with this id, or undefined. */
export function findDataset(manifest: Manifest, id: string): DatasetEntry | undefined {
  return manifest.datasets.find((d) => d.id === id);
}
