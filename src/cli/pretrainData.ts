import { existsSync, readFileSync } from 'node:fs';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { isGzip } from '../data/idx';
import { MANIFEST_FILE, findDataset, parseManifest, type AvailableDataset } from '../data/manifest';
import { decodePacked } from '../data/packed';
import type { ImageSet } from '../data/types';

/** The dataset files `npm run datasets` wrote, read from disk in Node. */
export interface DiskDataset {
  readonly info: AvailableDataset;
  readonly train: ImageSet;
  readonly test: ImageSet;
}

const REBUILD = 'Run `npm run datasets` first (see the README for the optional datasets).';

function readSplit(dataDir: string, file: string): ImageSet {
  const bytes = readFileSync(join(dataDir, file));
  return decodePacked(isGzip(bytes) ? gunzipSync(bytes) : bytes, `data/${file}`);
}

/** Reads one dataset from the data folder; throws an Error that says how to fix a missing one. */
export function readDiskDataset(dataDir: string, id: string): DiskDataset {
  const manifestPath = join(dataDir, MANIFEST_FILE);
  if (!existsSync(manifestPath)) {
    throw new Error(`${manifestPath} does not exist. ${REBUILD}`);
  }
  const manifest = parseManifest(JSON.parse(readFileSync(manifestPath, 'utf8')) as unknown);
  const info = findDataset(manifest, id);
  if (!info) throw new Error(`the dataset manifest has no "${id}". ${REBUILD}`);
  if (!info.available) throw new Error(`${info.title} is not available here: ${info.how}`);
  return {
    info,
    train: readSplit(dataDir, info.train.file),
    test: readSplit(dataDir, info.test.file),
  };
}
