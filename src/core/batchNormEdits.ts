import type { LayerDocument, NetworkDocument } from './network';
import { parseNetwork, type ParsedLayer } from './parse';

/**
 * The batch-norm toggle: a batch normalisation layer after every convolution, or none.
 * The inserted layers get ids of their own (`<conv name>_bn`), so the convolutions keep
 * their names and with them their seeded starting weights: a run with and one without
 * batch norm start from the same kernels. Layers that named a convolution in `inputs` are
 * pointed at its batch norm instead (and back when it is removed).
 */

const CONVOLUTION = 'conv2d';
const BATCH_NORM = 'batchnorm';

/** Index of a batch norm fed by layer `index` alone, or −1. */
function batchNormAfter(layers: readonly ParsedLayer[], index: number): number {
  return layers.findIndex(
    (l) => l.type === BATCH_NORM && l.sources?.length === 1 && l.sources[0] === index,
  );
}

/** `inputs` of a layer document with one name replaced (unchanged when it has none). */
function renamedInputs(doc: LayerDocument, from: string, to: string): LayerDocument {
  if (!Array.isArray(doc.inputs) || !doc.inputs.includes(from)) return doc;
  return { ...doc, inputs: doc.inputs.map((name) => (name === from ? to : name)) };
}

/** True when the network has convolutions and each one feeds a batch norm of its own. */
export function hasBatchNormAfterEveryConv(network: NetworkDocument): boolean {
  const { layers } = parseNetwork(network);
  const convs = layers.filter((l) => l.type === CONVOLUTION);
  return convs.length > 0 && convs.every((c) => batchNormAfter(layers, c.index) >= 0);
}

/**
 * The network with a batch norm inserted directly after each convolution that lacks one.
 * Adds 2C trainable parameters (γ, β) and 2C state values (running mean, variance) per
 * convolution of C filters.
 */
export function withBatchNormAfterConvs(network: NetworkDocument): NetworkDocument {
  const { layers } = parseNetwork(network);
  const taken = new Set(layers.map((l) => l.name));
  let docs: LayerDocument[] = [...network.layers];
  // From the end, so the indices still to visit stay where parseNetwork put them.
  for (const conv of [...layers].reverse()) {
    if (conv.type !== CONVOLUTION || batchNormAfter(layers, conv.index) >= 0) continue;
    let id = `${conv.name}_bn`;
    for (let n = 2; taken.has(id); n++) id = `${conv.name}_bn${n}`;
    taken.add(id);
    docs = docs.map((doc) => renamedInputs(doc, conv.name, id));
    // Right after the convolution, so it reads the convolution by order and needs no `inputs`.
    docs.splice(conv.index + 1, 0, { type: BATCH_NORM, id });
  }
  return { ...network, layers: docs };
}

/**
 * The network with every batch norm that directly follows a convolution removed, and the
 * layers that named it pointed back at the convolution. Undoes `withBatchNormAfterConvs`
 * on a network that had no such batch norms.
 */
export function withoutBatchNormAfterConvs(network: NetworkDocument): NetworkDocument {
  const { layers } = parseNetwork(network);
  const removed = new Set<number>();
  let docs: LayerDocument[] = [...network.layers];
  for (const conv of layers) {
    if (conv.type !== CONVOLUTION) continue;
    const bn = batchNormAfter(layers, conv.index);
    const bnLayer = layers[bn];
    if (!bnLayer) continue;
    removed.add(bn);
    docs = docs.map((doc) => renamedInputs(doc, bnLayer.name, conv.name));
  }
  return { ...network, layers: docs.filter((_, i) => !removed.has(i)) };
}
