/**
 * Sizes the lab builds and trains in a browser tab, in one place: the engine refuses to
 * allocate past them, and what brings a network in (a model import) refuses it before any
 * part of the lab changes, so nothing is half-loaded.
 */

/** Larger networks are counted and drawn but not allocated (ResNet-18 has 11.7 million). */
export const MAX_TRAINABLE_PARAMS = 5_000_000;
