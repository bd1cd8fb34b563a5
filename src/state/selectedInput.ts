import type { LabStore } from './store';

/** The image the lab's panels show and explain: bytes HWC plus where it came from. */
export interface InputImage {
  readonly pixels: Uint8Array;
  readonly height: number;
  readonly width: number;
  readonly channels: number;
  /** The true class for a dataset image; null for the person's own. */
  readonly label: number | null;
  /** e.g. "test image 12" or "your drawing". */
  readonly description: string;
}

export type SelectedInput =
  | { readonly ok: true; readonly image: InputImage }
  | { readonly ok: false; readonly reason: string };

type InputState = Pick<LabStore, 'sample' | 'ownImage' | 'dataset' | 'datasetStatus'>;

let lastState: InputState | null = null;
let lastResult: SelectedInput | null = null;

/**
 * The selected input, or why there is none yet. Memoised on the four values it
 * reads, so a React subscription sees the same object until one of them changes.
 */
export function selectInputImage(state: InputState): SelectedInput {
  const same =
    lastState &&
    lastResult &&
    lastState.sample === state.sample &&
    lastState.ownImage === state.ownImage &&
    lastState.dataset === state.dataset &&
    lastState.datasetStatus[state.dataset] === state.datasetStatus[state.dataset];
  if (same && lastResult) return lastResult;
  lastState = {
    sample: state.sample,
    ownImage: state.ownImage,
    dataset: state.dataset,
    datasetStatus: state.datasetStatus,
  };
  lastResult = computeInputImage(state);
  return lastResult;
}

/** The selected input, or why there is none yet (dataset loading, index past the end, own image of another shape). */
function computeInputImage(state: InputState): SelectedInput {
  const status = state.datasetStatus[state.dataset];
  if (state.sample.source === 'own') {
    const own = state.ownImage;
    if (!own) return { ok: false, reason: 'You have not drawn or uploaded an image yet.' };
    if (status?.state === 'ready') {
      const set = status.data.train;
      if (set.height !== own.height || set.width !== own.width || set.channels !== own.channels) {
        return {
          ok: false,
          reason: `Your image is ${own.height}×${own.width}×${own.channels}, but this dataset’s images are ${set.height}×${set.width}×${set.channels}. Draw or upload a new one.`,
        };
      }
    }
    return {
      ok: true,
      image: {
        ...own,
        label: null,
        description: own.channels === 1 ? 'your drawing' : 'your photo',
      },
    };
  }
  if (status?.state !== 'ready') return { ok: false, reason: 'The dataset is still loading.' };
  const set = status.data[state.sample.source];
  const { index } = state.sample;
  if (index >= set.count) {
    return {
      ok: false,
      reason: `The ${state.sample.source} split has ${set.count} images, so image ${index} does not exist.`,
    };
  }
  const size = set.height * set.width * set.channels;
  return {
    ok: true,
    image: {
      pixels: set.images.subarray(index * size, (index + 1) * size),
      height: set.height,
      width: set.width,
      channels: set.channels,
      label: set.labels[index] ?? null,
      description: `${state.sample.source} image ${index}`,
    },
  };
}
