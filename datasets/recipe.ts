import type { ImageSet } from '../src/data/types';

/** What the build needs to know to make one dataset. */
export interface Recipe {
  readonly id: string;
  readonly title: string;
  readonly description: string;
  readonly licence: string;
  readonly classNames: readonly string[];
  readonly imageShape: readonly [number, number, number];
  /** Finds the source files; says how to get them when they are not there. */
  locate(options: BuildOptions): Located;
  /** Reads the source and picks the splits, in a fixed order drawn from `seed`. */
  read(source: FoundSource, seed: string, log: (line: string) => void): Splits;
}

export interface BuildOptions {
  readonly projectRoot: string;
  /** Folders given on the command line, by dataset id. */
  readonly dirs: Readonly<Record<string, string | undefined>>;
}

export interface FoundSource {
  readonly found: true;
  readonly dir: string;
  /** Every file read, so their sizes and times decide whether the outputs are up to date. */
  readonly files: readonly string[];
  /** Anything else that changes the output (a package version, say). */
  readonly extra?: string;
}

export interface MissingSource {
  readonly found: false;
  /** The exact step that makes the dataset available. */
  readonly how: string;
  /** Where the build looked, for the log. */
  readonly looked: readonly string[];
  /** True when the person named a folder and it was not right: that is an error. */
  readonly explicit: boolean;
}

export type Located = FoundSource | MissingSource;

export interface Splits {
  readonly train: ImageSet;
  readonly test: ImageSet;
  /** Class names read from the source, when it has them. */
  readonly classNames?: readonly string[];
}
