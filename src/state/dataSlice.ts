import type { StateCreator } from 'zustand';
import type { AugmentationConfig } from '../data/augment';
import type { LoadedDataset, LoadProgress } from '../data/loader';
import type { Manifest } from '../data/manifest';
import type { NormalisationMode } from '../data/normalise';
import type { OwnImage, SampleRef } from './dataCodecs';
import { defaultsOf, MAX_SEED, type DatasetId } from './settings';

/** Where one dataset's download stands. */
export type DatasetStatus =
  | { readonly state: 'idle' }
  | { readonly state: 'loading'; readonly progress: LoadProgress | null }
  | { readonly state: 'ready'; readonly data: LoadedDataset }
  | { readonly state: 'error'; readonly message: string };

export type ManifestStatus =
  | { readonly state: 'loading' }
  | { readonly state: 'ready'; readonly manifest: Manifest }
  | { readonly state: 'error'; readonly message: string };

export interface DataSlice {
  dataset: DatasetId;
  sample: SampleRef;
  ownImage: OwnImage | null;
  normalisation: NormalisationMode;
  augmentation: AugmentationConfig;
  seed: number;
  /** Not in the URL: what has been downloaded so far. */
  manifestStatus: ManifestStatus;
  datasetStatus: Readonly<Record<string, DatasetStatus>>;
  chooseDataset(id: DatasetId): void;
  selectSample(sample: SampleRef): void;
  /** Makes the person's drawing or upload the selected input. */
  selectOwnImage(image: OwnImage): void;
  setNormalisation(mode: NormalisationMode): void;
  setAugmentation(config: AugmentationConfig): void;
  setSeed(seed: number): void;
  setManifestStatus(status: ManifestStatus): void;
  setDatasetStatus(id: string, status: DatasetStatus): void;
}

export const createDataSlice: StateCreator<DataSlice, [], [], DataSlice> = (set) => {
  return {
    ...defaultsOf(['dataset', 'sample', 'ownImage', 'normalisation', 'augmentation', 'seed']),
    manifestStatus: { state: 'loading' },
    datasetStatus: {},
    // A new dataset starts at its first test image; the own image stays for the datasets of its shape.
    chooseDataset: (id) =>
      set((s) => (s.dataset === id ? {} : { dataset: id, sample: { source: 'test', index: 0 } })),
    selectSample: (sample) => set({ sample }),
    selectOwnImage: (image) => set({ ownImage: image, sample: { source: 'own' } }),
    setNormalisation: (normalisation) => set({ normalisation }),
    setAugmentation: (augmentation) => set({ augmentation }),
    setSeed: (seed) => set({ seed: Math.max(0, Math.min(MAX_SEED, Math.trunc(seed) || 0)) }),
    setManifestStatus: (manifestStatus) => set({ manifestStatus }),
    setDatasetStatus: (id, status) =>
      set((s) => ({ datasetStatus: { ...s.datasetStatus, [id]: status } })),
  };
};
