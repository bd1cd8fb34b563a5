import { createHash } from 'node:crypto';
import { existsSync, readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { DataFormatError } from '../src/data/errors';
import { isGzip } from '../src/data/idx';

/** Node-side file helpers for the build: reading, gunzipping, hashing, fingerprints. */

/** A file's bytes as a plain Uint8Array (a Buffer's slice() shares memory; this one's arrays do not). */
export function readBytes(path: string): Uint8Array<ArrayBuffer> {
  const buffer = readFileSync(path);
  return new Uint8Array(buffer.buffer, buffer.byteOffset, buffer.byteLength).slice();
}

/** Reads a file, gunzipping it when it is gzip-compressed; a broken .gz becomes a DataFormatError. */
export function readMaybeGzipped(path: string): Uint8Array<ArrayBuffer> {
  const bytes = readBytes(path);
  if (!isGzip(bytes)) return bytes;
  try {
    const raw = gunzipSync(bytes);
    return new Uint8Array(raw.buffer, raw.byteOffset, raw.byteLength).slice();
  } catch (error) {
    const reason = error instanceof Error ? error.message : String(error);
    throw new DataFormatError(
      path,
      `cannot be decompressed (${reason}); the download is probably truncated.`,
    );
  }
}

/** SHA-256 of bytes, as 64 lower-case hex digits. */
export function sha256(bytes: Uint8Array | string): string {
  return createHash('sha256').update(bytes).digest('hex');
}

/** What identifies a source file without reading it: its path, size and modification time. */
export function fileStamp(path: string): { path: string; bytes: number; mtimeMs: number } {
  const stat = statSync(path);
  return { path, bytes: stat.size, mtimeMs: Math.round(stat.mtimeMs) };
}

/** The first of `names` that exists in `dir`, as a full path, or null. */
export function findFile(dir: string, names: readonly string[]): string | null {
  for (const name of names) {
    const path = `${dir}/${name}`;
    if (existsSync(path)) return path;
  }
  return null;
}

/** The file name alone, for short progress lines. */
export const fileName = (path: string): string => basename(path);
