import { networkMismatch, type DatasetShape } from '../core/fit';
import { findDataset, OWN_DATASET_ID } from '../data/manifest';
import type { LabStore } from './store';

/**
 * The dataset's shape as far as the page knows it: the manifest's entry, or for the
 * person's own images the set they made; null while neither has arrived.
 */
export function datasetShapeOf(s: LabStore, id: string = s.dataset): DatasetShape | null {
  if (id === OWN_DATASET_ID) {
    const own = s.datasetStatus[OWN_DATASET_ID];
    return own?.state === 'ready' ? own.data.info : null;
  }
  return s.manifestStatus.state === 'ready'
    ? (findDataset(s.manifestStatus.manifest, id) ?? null)
    : null;
}

/**
 * Why the current network cannot be trained on the current dataset, or null when it can
 * (or the dataset's shape is not known yet: the engine checks again before building).
 */
export function runMismatchOf(s: LabStore): string | null {
  const dataset = datasetShapeOf(s);
  if (!dataset) return null;
  // Asked on every store change while the panel shows it: the analysis runs once per pair.
  if (last?.network !== s.network || last.dataset !== dataset)
    last = { network: s.network, dataset, mismatch: networkMismatch(s.network, dataset) };
  return last.mismatch;
}

let last: { network: unknown; dataset: DatasetShape; mismatch: string | null } | null = null;
