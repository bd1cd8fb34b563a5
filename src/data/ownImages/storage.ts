import { del, get, set } from 'idb-keyval';
import { messageOf } from '../../core/errors';
import type { ImageSet } from '../types';
import { OwnImagesError } from './errors';
import type { OwnImages } from './importer';

/**
 * The person's images kept in this browser's IndexedDB under one key, so the next visit
 * has them without importing again. A full disk costs only that: the images in hand stay
 * usable for this visit.
 */

export const OWN_IMAGES_KEY = 'cnn-lab:own-images';
const STORED_VERSION = 1;

/** The part of idb-keyval used here; tests pass an in-memory one. */
export interface KeyValueStore {
  get(key: string): Promise<unknown>;
  set(key: string, value: unknown): Promise<void>;
  del(key: string): Promise<void>;
}

export const browserKeyValueStore: KeyValueStore = { get, set, del };

interface Stored extends OwnImages {
  readonly version: number;
}

const isSet = (v: unknown): v is ImageSet => {
  const s = v as Partial<ImageSet> | null;
  return (
    !!s &&
    s.images instanceof Uint8Array &&
    s.labels instanceof Uint8Array &&
    typeof s.count === 'number' &&
    s.labels.length === s.count &&
    s.images.length === s.count * (s.height ?? 0) * (s.width ?? 0) * (s.channels ?? 0)
  );
};

/** Keeps the images for the next visit; throws OwnImagesError('storage-full') when the browser has no room. */
export async function saveOwnImages(
  images: OwnImages,
  store: KeyValueStore = browserKeyValueStore,
): Promise<void> {
  const stored: Stored = { version: STORED_VERSION, ...images };
  try {
    await store.set(OWN_IMAGES_KEY, stored);
  } catch (error) {
    const full = error instanceof Error && error.name === 'QuotaExceededError';
    throw new OwnImagesError(
      full ? 'storage-full' : 'storage',
      full
        ? 'This browser has no room left to keep your images, so they will be gone after a reload. They are usable until then. Free some space (or use fewer images) and import them again to keep them.'
        : `Your images could not be kept in this browser (${messageOf(error)}), so they will be gone after a reload. They are usable until then.`,
    );
  }
}

/** The images kept by an earlier visit, or null when there are none (or what is kept is not readable). */
export async function loadOwnImages(
  store: KeyValueStore = browserKeyValueStore,
): Promise<OwnImages | null> {
  const value = (await store.get(OWN_IMAGES_KEY)) as Partial<Stored> | undefined;
  if (!value || value.version !== STORED_VERSION) return null;
  if (
    !isSet(value.train) ||
    !isSet(value.test) ||
    !Array.isArray(value.classNames) ||
    !value.report
  )
    return null;
  return {
    classNames: value.classNames,
    train: value.train,
    test: value.test,
    report: value.report,
  };
}

/** Forgets the kept images ("Forget my images"). */
export function forgetOwnImages(store: KeyValueStore = browserKeyValueStore): Promise<void> {
  return store.del(OWN_IMAGES_KEY);
}
