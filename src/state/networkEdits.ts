import { createLayerTemplate } from '../core/layerTemplates';
import type { LayerDocument, NetworkDocument } from '../core/network';

/**
 * Named, pure edits of a network document, shared by the explorer's buttons,
 * keyboard shortcuts and lessons. Each returns a new document.
 */

const layersOf = (network: NetworkDocument): LayerDocument[] =>
  Array.isArray(network.layers) ? [...network.layers] : [];

/** The network with layer `index` replaced by `change(layer)`; unchanged when there is no such layer. */
function replaceLayer(
  network: NetworkDocument,
  index: number,
  change: (layer: LayerDocument) => Record<string, unknown>,
): NetworkDocument {
  const layers = layersOf(network);
  const layer = layers[index];
  if (!layer) return network;
  layers[index] = change(layer) as LayerDocument;
  return { ...network, layers };
}

/** Sets one field of layer `index`; `undefined` removes it so its default applies. */
export function setLayerField(
  network: NetworkDocument,
  index: number,
  field: string,
  value: unknown,
): NetworkDocument {
  return replaceLayer(network, index, (layer) => {
    const next: Record<string, unknown> = { ...layer };
    if (value === undefined) delete next[field];
    else next[field] = value;
    return next;
  });
}

/** Replaces layer `index` by a fresh layer of another type, keeping its id and inputs. */
export function changeLayerType(
  network: NetworkDocument,
  index: number,
  type: string,
): NetworkDocument {
  return replaceLayer(network, index, (layer) => {
    const fresh: Record<string, unknown> = { ...createLayerTemplate(type) };
    if (layer.id !== undefined) fresh.id = layer.id;
    if (layer.inputs !== undefined) fresh.inputs = layer.inputs;
    return fresh;
  });
}

/** Inserts a fresh layer of `type` at position `index` (0 = first). */
export function insertLayer(
  network: NetworkDocument,
  index: number,
  type: string,
): NetworkDocument {
  const layers = layersOf(network);
  layers.splice(Math.max(0, Math.min(index, layers.length)), 0, createLayerTemplate(type));
  return { ...network, layers };
}

/** Removes layer `index`. */
export function removeLayer(network: NetworkDocument, index: number): NetworkDocument {
  const layers = layersOf(network);
  if (index < 0 || index >= layers.length) return network;
  layers.splice(index, 1);
  return { ...network, layers };
}

/** Moves layer `index` by `delta` places (−1 = up), staying within the list. */
export function moveLayer(network: NetworkDocument, index: number, delta: number): NetworkDocument {
  const layers = layersOf(network);
  const target = index + delta;
  if (index < 0 || index >= layers.length || target < 0 || target >= layers.length) return network;
  const [layer] = layers.splice(index, 1);
  if (layer) layers.splice(target, 0, layer);
  return { ...network, layers };
}

/** Sets the network's input shape, `[h, w, c]` or `[n]`. */
export function setInputShape(network: NetworkDocument, input: readonly number[]): NetworkDocument {
  return { ...network, input: [...input] };
}

/** Renames the network. */
export function renameNetwork(network: NetworkDocument, name: string): NetworkDocument {
  return { ...network, name };
}
