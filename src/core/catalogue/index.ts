import { REFERENCE_NETWORKS } from './references';
import { LECTURE_EXAMPLES, TRAINABLE_NETWORKS } from './trainable';
import type { CatalogueEntry } from './types';

/** Every named network, in the order the picker lists them. */
export const CATALOGUE: readonly CatalogueEntry[] = [
  ...TRAINABLE_NETWORKS,
  ...REFERENCE_NETWORKS,
  ...LECTURE_EXAMPLES,
];

const byId = new Map(CATALOGUE.map((entry) => [entry.id, entry]));

/** The catalogue entry with this id, or undefined. */
export function catalogueEntryOf(id: string): CatalogueEntry | undefined {
  return byId.get(id);
}

/** The ids `npm run arch` and links accept. */
export const CATALOGUE_IDS: readonly string[] = CATALOGUE.map((e) => e.id);

export type { CatalogueEntry } from './types';
