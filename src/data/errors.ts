/**
 * A data file that cannot be read as what it claims to be. The message names the
 * file and the problem, so it can be shown to a person as it is.
 */
export class DataFormatError extends Error {
  override readonly name = 'DataFormatError';
  /** The file's name as the person knows it (a path, or `data/mnist-train.cnnlab`). */
  readonly file: string;
  /** The problem without the file name, e.g. `wrong magic number 2049 (expected 2051)`. */
  readonly problem: string;

  constructor(file: string, problem: string) {
    super(`${file}: ${problem}`);
    this.file = file;
    this.problem = problem;
  }
}

/** Thousands separators, so byte counts in messages are readable (core's, shared with the panels). */
export { formatCount } from '../core/report';

/** What went wrong loading a dataset in the browser. */
export type LoadErrorKind =
  'missing' | 'truncated' | 'damaged' | 'unavailable' | 'network' | 'unsupported';

/** Why a dataset could not be loaded, in words a person can act on. */
export class DatasetLoadError extends Error {
  override readonly name = 'DatasetLoadError';
  readonly kind: LoadErrorKind;
  /** The file concerned, as `data/mnist-train.cnnlab`, when there is one. */
  readonly file: string | null;

  constructor(kind: LoadErrorKind, file: string | null, message: string) {
    super(message);
    this.kind = kind;
    this.file = file;
  }
}
