/**
 * The one place the engine imports TensorFlow.js. tfjs-core alone registers no
 * gradients (the `@tensorflow/tfjs` bundle usually does that), so training needs the
 * side-effect import below. The engine uses functional ops only (`tf.sum(x)`, not
 * `x.sum()`), so the chained-op prototypes are not loaded.
 */
import '@tensorflow/tfjs-core/dist/register_all_gradients';

export * as tf from '@tensorflow/tfjs-core';
export type { Tensor, Variable, Rank } from '@tensorflow/tfjs-core';
