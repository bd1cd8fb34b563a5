/**
 * The network document: the one JSON format used by the explorer, files, links
 * and the `arch` command. Layers run in order unless a layer names its `inputs`.
 */
export interface LayerDocument {
  readonly type: string;
  /** Name other layers use in their `inputs`; defaults to `conv2d_1` style. */
  readonly id?: string;
  /** Ids of the layers feeding this one (`"input"` is the network input); default: the previous layer. */
  readonly inputs?: readonly string[];
  readonly [field: string]: unknown;
}

export interface NetworkDocument {
  readonly name?: string;
  readonly description?: string;
  /** `[height, width, channels]` for images, `[n]` for vectors. */
  readonly input: readonly number[];
  readonly layers: readonly LayerDocument[];
}

/** The id that names the network input in a layer's `inputs`. */
export const NETWORK_INPUT_ID = 'input';
