import { compressToEncodedURIComponent } from 'lz-string';
import { analyzeNetwork } from '../../../src/core/analyze';
import { catalogueEntryOf } from '../../../src/core/catalogue';
import type { LayerDocument, NetworkDocument } from '../../../src/core/network';

/** The network of a catalogue entry, failing loudly when the id is missing. */
export function catalogueNetwork(id: string): NetworkDocument {
  const entry = catalogueEntryOf(id);
  if (!entry) throw new Error(`no catalogue entry ${id}`);
  return entry.network;
}

/** The layer at `index`, failing (not returning undefined) when it is missing. */
export function layerOf(network: NetworkDocument, index: number): LayerDocument {
  const layer = network.layers[index];
  if (!layer) throw new Error(`the network has no layer ${index}`);
  return layer;
}

/** An `arch` value built the way a hand-made link would be: any JSON text, compressed. */
export function archOf(json: string): string {
  return compressToEncodedURIComponent(json);
}

/** Freezes an object and everything inside it, so any mutation throws in strict mode. */
export function deepFreeze<T>(value: T): T {
  if (typeof value === 'object' && value !== null && !Object.isFrozen(value)) {
    Object.freeze(value);
    for (const inner of Object.values(value)) deepFreeze(inner);
  }
  return value;
}

/** A structured clone that keeps key order, for checking a value was not changed. */
export function copyOf<T>(value: T): T {
  return JSON.parse(JSON.stringify(value)) as T;
}

/** Number of errors the core reports for a network. */
export function errorCount(network: unknown): number {
  return analyzeNetwork(network).errors.length;
}
