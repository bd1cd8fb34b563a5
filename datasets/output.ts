import {
  existsSync,
  mkdirSync,
  readFileSync,
  readdirSync,
  renameSync,
  rmSync,
  writeFileSync,
} from 'node:fs';
import { join } from 'node:path';
import { gzipSync } from 'node:zlib';
import { parseManifest, type Manifest, type SplitFile } from '../src/data/manifest';
import { encodePacked } from '../src/data/packed';
import { countByClass, type ImageSet } from '../src/data/types';
import { sha256 } from './files';

/** Writing the build's outputs into public/data, and checking earlier ones. */

export const PACKED_EXTENSION = '.cnnlab';

/** Writes via a temporary file and a rename, so an interrupted build leaves no half file. */
export function writeAtomically(path: string, data: Uint8Array | string): void {
  const temporary = `${path}.partial`;
  writeFileSync(temporary, data);
  renameSync(temporary, path);
}

/** Encodes a split in the packed format, gzips it when that pays, writes it; returns its manifest entry. */
export function writeSplit(outDir: string, file: string, set: ImageSet): SplitFile {
  mkdirSync(outDir, { recursive: true });
  const packed = encodePacked(set);
  // Greyscale digits shrink to a fifth; photos that went through JPEG barely shrink, and
  // then storing them plain spares the browser a decompression for nothing.
  const compressed = gzipSync(packed, { level: 6 });
  const stored = compressed.length < 0.9 * packed.length ? compressed : packed;
  writeAtomically(join(outDir, file), stored);
  return {
    count: set.count,
    classCounts: countByClass(set.labels, set.classCount),
    file,
    bytes: stored.length,
    sha256: sha256(stored),
  };
}

/** True when the file the manifest entry describes is there, whole and unchanged. */
export function isOutputIntact(outDir: string, split: SplitFile): boolean {
  const path = join(outDir, split.file);
  if (!existsSync(path)) return false;
  const bytes = readFileSync(path);
  return bytes.length === split.bytes && sha256(bytes) === split.sha256;
}

/** The manifest of the previous build, or null when there is none or it cannot be read. */
export function readPreviousManifest(path: string): Manifest | null {
  try {
    return parseManifest(JSON.parse(readFileSync(path, 'utf8')), path);
  } catch {
    return null;
  }
}

/** Writes the manifest unless the same text is already there; returns whether it wrote. */
export function writeManifest(path: string, manifest: Manifest): boolean {
  const text = `${JSON.stringify(manifest, null, 2)}\n`;
  if (existsSync(path) && readFileSync(path, 'utf8') === text) return false;
  writeAtomically(path, text);
  return true;
}

/** Deletes packed files (and leftovers of interrupted writes) that the manifest does not list. */
export function removeStaleOutputs(outDir: string, manifest: Manifest): string[] {
  if (!existsSync(outDir)) return [];
  const listed = new Set(
    manifest.datasets.flatMap((d) => (d.available ? [d.train.file, d.test.file] : [])),
  );
  const stale = readdirSync(outDir).filter(
    (name) => (name.endsWith(PACKED_EXTENSION) && !listed.has(name)) || name.endsWith('.partial'),
  );
  stale.forEach((name) => rmSync(join(outDir, name)));
  return stale;
}
