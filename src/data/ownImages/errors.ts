/**
 * The limits on a person's own image set and the typed error that says which one was
 * passed. The limits are checked on the file list, before a single image is decoded, so
 * a folder that is too big fails at once instead of after minutes of work.
 */

export const OWN_LIMITS = {
  /** More classes than this make the class grid and the output layer unwieldy. */
  classes: 50,
  images: 20_000,
  /** Bytes of image files (uncompressed, for a zip): what the browser must hold while reading. */
  bytes: 200_000_000,
  /** A class with fewer images than this is named in a warning: it can barely be learnt or tested. */
  fewImages: 5,
} as const;

export type OwnImagesLimits = { readonly [K in keyof typeof OWN_LIMITS]: number };

/** What stopped an import or a save. */
export type OwnImagesErrorKind =
  | 'no-classes'
  | 'too-many-classes'
  | 'too-many-images'
  | 'too-large'
  | 'not-a-zip'
  | 'storage-full'
  | 'storage';

/** Why the person's images could not be imported or kept, in words they can act on. */
export class OwnImagesError extends Error {
  override readonly name = 'OwnImagesError';
  readonly kind: OwnImagesErrorKind;

  constructor(kind: OwnImagesErrorKind, message: string) {
    super(message);
    this.kind = kind;
  }
}

/** Megabytes with one decimal, for messages ("212.4 MB"). */
export function formatMegabytes(bytes: number): string {
  return `${(bytes / 1e6).toFixed(1)} MB`;
}
