/**
 * `public/models/index.json`: the list of pretrained networks the lab offers, written by
 * `npm run pretrain`. Each entry names a checkpoint file in the same folder.
 */
export const PRETRAINED_INDEX_FORMAT = 'cnn-lab-pretrained';
export const PRETRAINED_INDEX_VERSION = 1;
export const PRETRAINED_INDEX_FILE = 'index.json';

export interface PretrainedEntry {
  /** `<network>-<dataset>`. */
  readonly id: string;
  /** Catalogue id of the network. */
  readonly network: string;
  readonly dataset: string;
  readonly title: string;
  readonly epochs: number;
  readonly seed: number;
  /** Share of the test split classified correctly, with the stored (float16) weights. */
  readonly testAccuracy: number;
  /** Checkpoint file name in the same folder. */
  readonly file: string;
  /** Its size in bytes. */
  readonly bytes: number;
  readonly params: number;
  /** Where and how fast it trained (Node, the script's backend). */
  readonly backend: string;
  readonly trainingSeconds: number;
  readonly samplesPerSecond: number;
}

export interface PretrainedIndex {
  readonly format: typeof PRETRAINED_INDEX_FORMAT;
  readonly version: number;
  readonly models: readonly PretrainedEntry[];
}

/** Checks index JSON; throws an Error saying what is wrong. */
export function parsePretrainedIndex(raw: unknown): PretrainedIndex {
  const index = raw as Partial<PretrainedIndex> | null;
  if (typeof index !== 'object' || index === null || index.format !== PRETRAINED_INDEX_FORMAT) {
    throw new Error(
      `this is not a list of pretrained networks (format ${PRETRAINED_INDEX_FORMAT})`,
    );
  }
  if (index.version !== PRETRAINED_INDEX_VERSION || !Array.isArray(index.models)) {
    throw new Error(`the list of pretrained networks has version ${String(index.version)}`);
  }
  for (const m of index.models as unknown[]) {
    const e = m as Partial<PretrainedEntry> | null;
    const ok =
      typeof e === 'object' &&
      e !== null &&
      ['id', 'network', 'dataset', 'title', 'file', 'backend'].every(
        (k) => typeof e[k as keyof PretrainedEntry] === 'string',
      ) &&
      ['epochs', 'seed', 'testAccuracy', 'bytes', 'params'].every((k) =>
        Number.isFinite(e[k as keyof PretrainedEntry]),
      ) &&
      /^[\w.-]+\.json$/.test(e.file ?? '');
    if (!ok) throw new Error(`the list of pretrained networks has a broken entry`);
  }
  return index as PretrainedIndex;
}
