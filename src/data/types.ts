/**
 * A set of labelled images as plain typed arrays, so it crosses a worker boundary
 * (and is transferable) without conversion.
 */
export interface ImageSet {
  readonly count: number;
  readonly height: number;
  readonly width: number;
  readonly channels: number;
  /** Labels are class indices from 0 to classCount − 1. */
  readonly classCount: number;
  /** One byte per image. */
  readonly labels: Uint8Array;
  /** count × height × width × channels bytes, 0–255, image after image, each HWC row-major. */
  readonly images: Uint8Array;
}

/** Height, width and channels of one image. */
export interface ImageShape {
  readonly height: number;
  readonly width: number;
  readonly channels: number;
}

/** Number of bytes in one image: height × width × channels. */
export function pixelsPerImage(shape: ImageShape): number {
  return shape.height * shape.width * shape.channels;
}

/** The bytes of image `index` of a set (a view, not a copy). */
export function imageAt(set: ImageSet, index: number): Uint8Array {
  const size = pixelsPerImage(set);
  if (!Number.isInteger(index) || index < 0 || index >= set.count) {
    throw new RangeError(`Image ${index} does not exist: the set has ${set.count} images.`);
  }
  return set.images.subarray(index * size, (index + 1) * size);
}

/** Number of images of each class: an array of classCount counts. */
export function countByClass(labels: ArrayLike<number>, classCount: number): number[] {
  const counts = new Array<number>(classCount).fill(0);
  for (let i = 0; i < labels.length; i++) {
    const label = labels[i] ?? -1;
    if (label >= 0 && label < classCount) counts[label] = (counts[label] ?? 0) + 1;
  }
  return counts;
}

/** A new set holding the images at `indices`, in that order. */
export function selectImages(set: ImageSet, indices: ArrayLike<number>): ImageSet {
  const size = pixelsPerImage(set);
  const labels = new Uint8Array(indices.length);
  const images = new Uint8Array(indices.length * size);
  for (let i = 0; i < indices.length; i++) {
    const source = indices[i] ?? -1;
    if (!Number.isInteger(source) || source < 0 || source >= set.count) {
      throw new RangeError(`Image ${source} does not exist: the set has ${set.count} images.`);
    }
    labels[i] = set.labels[source] ?? 0;
    images.set(set.images.subarray(source * size, (source + 1) * size), i * size);
  }
  return { ...set, count: indices.length, labels, images };
}

/** Concatenates image sets of the same shape (the five CIFAR training batches, say). */
export function concatImageSets(sets: readonly ImageSet[]): ImageSet {
  const first = sets[0];
  if (!first) throw new RangeError('concatImageSets needs at least one set.');
  for (const set of sets) {
    if (
      set.height !== first.height ||
      set.width !== first.width ||
      set.channels !== first.channels
    ) {
      throw new RangeError(
        `Cannot join ${set.height}×${set.width}×${set.channels} images to ${first.height}×${first.width}×${first.channels} ones.`,
      );
    }
  }
  const count = sets.reduce((sum, s) => sum + s.count, 0);
  const labels = new Uint8Array(count);
  const images = new Uint8Array(sets.reduce((sum, s) => sum + s.images.length, 0));
  let at = 0;
  let pixelAt = 0;
  for (const set of sets) {
    labels.set(set.labels, at);
    images.set(set.images, pixelAt);
    at += set.count;
    pixelAt += set.images.length;
  }
  return { ...first, count, labels, images };
}
