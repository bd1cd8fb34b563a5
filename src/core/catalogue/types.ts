import type { NetworkDocument } from '../network';

/** A named network of the catalogue. */
export interface CatalogueEntry {
  /** Short id used in links and by `npm run arch`, e.g. `vgg16`. */
  readonly id: string;
  readonly title: string;
  /** One or two sentences for the picker. */
  readonly description: string;
  /** Small enough to train in the tab; the full-size references are only counted. */
  readonly trainable: boolean;
  /** The published totals this entry must reproduce, with their source. */
  readonly published?: { readonly params: number; readonly source: string };
  readonly network: NetworkDocument;
}
