import { messageOf } from '../core/errors';
import { OWN_DATASET_ID } from '../data/manifest';
import { ownLoadedDataset } from '../data/ownImages/dataset';
import type { OwnImages } from '../data/ownImages/importer';
import { loadOwnImages } from '../data/ownImages/storage';
import { defaultsOf } from '../state/settings';
import type { LabStore } from '../state/store';
import type { StoreApi } from 'zustand';

/**
 * The person's own images as the store sees them: read from this browser's IndexedDB
 * when a panel first needs data, so the dataset picker knows whether there are any; and
 * when `own` is the chosen dataset but this browser has none (a link from someone else's
 * machine), a notice and the default dataset instead of a broken lab.
 */

/** Shown when `own` is asked for and there is nothing kept. */
export const NO_OWN_IMAGES =
  'There are no images of your own in this browser yet. Import a folder or a zip of them under "Your own images" in the Datasets panel.';

export interface OwnDatasetLoading {
  /** Keeps the own set in step with the store; true when `state` is about the own set (nothing else to load). */
  check(state: LabStore): boolean;
}

export function createOwnDatasetLoading(
  store: StoreApi<LabStore>,
  load: () => Promise<OwnImages | null> = () => loadOwnImages(),
): OwnDatasetLoading {
  const readKept = async () => {
    const { setDatasetStatus } = store.getState();
    setDatasetStatus(OWN_DATASET_ID, { state: 'loading', progress: null });
    try {
      const kept = await load();
      // An import that finished meanwhile is newer than what was kept.
      if (store.getState().datasetStatus[OWN_DATASET_ID]?.state !== 'loading') return;
      setDatasetStatus(
        OWN_DATASET_ID,
        kept
          ? { state: 'ready', data: ownLoadedDataset(kept, true) }
          : { state: 'error', message: NO_OWN_IMAGES },
      );
    } catch (error) {
      setDatasetStatus(OWN_DATASET_ID, {
        state: 'error',
        message: `The images kept in this browser could not be read (${messageOf(error)}). Import them again.`,
      });
    }
  };

  const fallBack = (why: string) => {
    const s = store.getState();
    const fallback = defaultsOf(['dataset']).dataset;
    const title =
      s.manifestStatus.state === 'ready'
        ? (s.manifestStatus.manifest.datasets.find((d) => d.id === fallback)?.title ?? fallback)
        : fallback;
    s.chooseDataset(fallback);
    s.pushNotice({
      tone: 'warning',
      title: `Your own images are not here, so the lab shows ${title} instead.`,
      details: [why],
    });
  };

  return {
    check(state) {
      const status = state.datasetStatus[OWN_DATASET_ID];
      if (!status) {
        void readKept();
        return state.dataset === OWN_DATASET_ID;
      }
      if (state.dataset !== OWN_DATASET_ID) return false;
      if (status.state === 'error') fallBack(status.message);
      return true;
    },
  };
}
