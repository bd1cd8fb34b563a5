/**
 * Sizes the lab builds and trains in a browser tab, in one place: the engine refuses to
 * allocate past them, and what brings a network in (a model import) refuses it before any
 * part of the lab changes, so nothing is half-loaded.
 */

/** Larger networks are counted and drawn but not allocated (ResNet-18 has 11.7 million). */
export const MAX_TRAINABLE_PARAMS = 5_000_000;

/**
 * Deepest nesting of arrays and objects a document of the lab's (a network, a checkpoint)
 * may have. The deepest real one is a checkpoint's network's layer's `[h, w]` pair (5);
 * a hostile document nested thousands deep would overflow the stack of anything recursive
 * (`JSON.stringify`, React), so it is refused by an iterative walk before anything else.
 */
export const MAX_DOCUMENT_DEPTH = 12;

/**
 * Largest weight magnitude a checkpoint may hold. Trained weights are rarely past a few
 * dozen; a 1e30 (or NaN, or Infinity) makes every prediction NaN, so it is refused by name.
 */
export const MAX_WEIGHT_MAGNITUDE = 1e6;
