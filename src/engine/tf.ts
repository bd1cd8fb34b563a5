/**
 * The one place the engine imports TensorFlow.js.
 *
 * tfjs-core alone registers no gradients (the `@tensorflow/tfjs` bundle usually does), so
 * training needs the side-effect import of `register_all_gradients`. Order matters: the
 * package itself must load first. In Node (vitest) the package resolves to its CommonJS
 * bundle while the gradients come from its ES modules, a second copy sharing the global
 * engine; whichever copy loads first creates the engine and its tensor class, and only
 * the package's copy has the tensor methods the gradient functions call (`dy.clone()`).
 * In the browser both are the same ES modules. The engine itself calls functional ops
 * only (`tf.sum(x)`, not `x.sum()`).
 */
import * as tf from '@tensorflow/tfjs-core';
import '@tensorflow/tfjs-core/dist/register_all_gradients';

export { tf };
export type { Tensor, Variable, Rank } from '@tensorflow/tfjs-core';
