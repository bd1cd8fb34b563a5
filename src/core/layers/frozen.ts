import type { FieldSpec } from '../fields';
import type { LayerParams } from './types';

/**
 * The `frozen` field, shared by every layer type with learned weights (conv2d, dense, maxout,
 * batchnorm): the one place a layer is marked as not trained. It lives in the network document,
 * so it travels in links, files and exports, and the engine's training step leaves a frozen
 * layer's weights exactly as they are (no gradient step, no L1/L2 decay). A frozen batch norm
 * also keeps its running mean and variance and normalises with them while training, as Keras's
 * `trainable=False` does: nothing about a frozen layer changes. This is transfer learning's
 * tool (Yosinski et al. 2014): keep the early layers a network learnt on one task, train the rest.
 */
export const FROZEN_FIELD: FieldSpec = {
  name: 'frozen',
  kind: 'boolean',
  label: 'Frozen',
  help: 'Frozen: the weights do not change while training (transfer learning keeps early layers fixed and trains the rest).',
  default: false,
};

/** True when a layer's parsed (or document) fields mark it frozen. */
export function isFrozen(
  params: LayerParams | Readonly<Record<string, unknown>> | null | undefined,
): boolean {
  return params?.frozen === true;
}
