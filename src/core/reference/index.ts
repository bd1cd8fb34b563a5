/**
 * Reference ops: slow, plain loops over Float32Array (or Float64Array) values, written to
 * be read. They are the oracle the engine's TensorFlow.js layers are tested against, and
 * the numbers the explainers show.
 */
export * from './activations';
export * from './conv';
export * from './dense';
export * from './dropout';
export * from './loss';
export * from './maxout';
export * from './merge';
export * from './network';
export * from './pooling';
export * from './poolingBackward';
export * from './tensor';
export type { WindowOptions } from './window';
