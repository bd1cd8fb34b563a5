import type { Lesson } from '../types';
import { ARCHITECTURES } from './architectures';
import { CONV_ARITHMETIC } from './convArithmetic';
import { POOLING } from './pooling';
import { RECEPTIVE_FIELDS } from './receptiveFields';
import { WHY_CONVOLUTION } from './whyConvolution';

/** Every lesson, in the order of the lecture decks' curriculum. */
export const LESSONS: readonly Lesson[] = [
  WHY_CONVOLUTION,
  CONV_ARITHMETIC,
  POOLING,
  RECEPTIVE_FIELDS,
  ARCHITECTURES,
];
