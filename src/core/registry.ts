import { conv2d } from './layers/conv2d';
import { dense, flatten } from './layers/dense';
import { activation, batchnorm, dropout } from './layers/elementwise';
import { maxout } from './layers/maxout';
import { add, concat } from './layers/merge';
import { avgpool2d, globalavgpool2d, maxpool2d } from './layers/pooling';
import type { LayerDefinition } from './layers/types';

/** Every layer type the lab knows, in the order the explorer offers them. */
export const LAYER_TYPES: readonly LayerDefinition[] = [
  conv2d,
  maxpool2d,
  avgpool2d,
  globalavgpool2d,
  flatten,
  dense,
  maxout,
  dropout,
  batchnorm,
  activation,
  add,
  concat,
];

const byType = new Map(LAYER_TYPES.map((d) => [d.type, d]));

/** The registry entry for a layer type, or undefined when the lab does not know it. */
export function layerDefinitionOf(type: string): LayerDefinition | undefined {
  return byType.get(type);
}

export type { LayerDefinition } from './layers/types';
