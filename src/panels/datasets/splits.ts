import type { ImageSet } from '../../data/types';

/** What the cards about a dataset's splits are given: both splits and the class names. */
export interface SplitsProps {
  readonly train: ImageSet;
  readonly test: ImageSet;
  readonly classNames: readonly string[];
}
