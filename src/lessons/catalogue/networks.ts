import { catalogueEntryOf } from '../../core/catalogue';
import type { LayerDocument, NetworkDocument } from '../../core/network';

/** A catalogue network, which the exercises below edit; throws at load time for an unknown id. */
export function catalogueNetwork(id: string): NetworkDocument {
  const entry = catalogueEntryOf(id);
  if (!entry) throw new Error(`the catalogue has no network ${id}`);
  return entry.network;
}

/** A catalogue network with some of its layers' fields changed (by layer index). */
export function editedNetwork(
  id: string,
  changes: Readonly<Record<number, Partial<LayerDocument>>>,
): NetworkDocument {
  const network = catalogueNetwork(id);
  return {
    ...network,
    layers: network.layers.map((layer, i) => ({ ...layer, ...changes[i] })),
  };
}
