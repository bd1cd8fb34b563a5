import type { LayerDocument } from './network';

/**
 * The layer the explorer inserts when a person adds one of each type: a sensible
 * starting point that usually fits where it is put.
 */
const TEMPLATES: Readonly<Record<string, Omit<LayerDocument, 'type'>>> = {
  conv2d: { filters: 8, kernel: 3, padding: 'same', activation: 'relu' },
  maxpool2d: { size: 2 },
  avgpool2d: { size: 2 },
  globalavgpool2d: {},
  flatten: {},
  dense: { units: 32, activation: 'relu' },
  dropout: { rate: 0.5 },
  batchnorm: {},
  activation: { fn: 'relu' },
  add: {},
  concat: {},
};

/** A fresh layer document of the given type. */
export function createLayerTemplate(type: string): LayerDocument {
  return { type, ...(TEMPLATES[type] ?? {}) };
}
