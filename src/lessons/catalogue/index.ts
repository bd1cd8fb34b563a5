import type { Lesson } from '../types';
import { ARCHITECTURES } from './architectures';
import { BACKPROPAGATION } from './backpropagation';
import { CONV_ARITHMETIC } from './convArithmetic';
import { FEATURE_MAPS } from './featureMaps';
import { FORWARD_PASS } from './forwardPass';
import { GRADIENT_CHECK } from './gradientCheck';
import { GRADIENT_DESCENT } from './gradientDescent';
import { PERCEPTRON_XOR } from './perceptronXor';
import { POOLING } from './pooling';
import { RECEPTIVE_FIELDS } from './receptiveFields';
import { SOFTMAX } from './softmax';
import { SUPERVISED_LEARNING } from './supervisedLearning';
import { VANISHING_GRADIENTS } from './vanishingGradients';
import { WHY_CONVOLUTION } from './whyConvolution';

/** Every lesson, in the curriculum's order (CURRICULUM.md, the decks' order of ideas). */
export const LESSONS: readonly Lesson[] = [
  SUPERVISED_LEARNING,
  PERCEPTRON_XOR,
  FORWARD_PASS,
  SOFTMAX,
  BACKPROPAGATION,
  GRADIENT_CHECK,
  GRADIENT_DESCENT,
  VANISHING_GRADIENTS,
  WHY_CONVOLUTION,
  CONV_ARITHMETIC,
  POOLING,
  RECEPTIVE_FIELDS,
  FEATURE_MAPS,
  ARCHITECTURES,
];
