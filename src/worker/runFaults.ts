import { isNetworkMismatch, networkMismatch, NetworkMismatchError } from '../core/fit';
import type { LoadedDataset } from '../data/loader';

/**
 * Errors that are the run's own fault, not the backend's: the same network on the same
 * data fails the same way on every backend, so moving the run would only slow it down.
 * Anything else a training step throws (a lost device, a context gone, memory refused)
 * is taken as the backend failing, and the run moves to the next one.
 */
const RUN_FAULTS = new Set(['NetworkMismatchError', 'ModelError']);

/** True when a training step's error comes from the network or its data, not the backend. */
export function isRunFault(error: unknown): boolean {
  return isNetworkMismatch(error) || (error instanceof Error && RUN_FAULTS.has(error.name));
}

/** Refuses, with a NetworkMismatchError, a network that does not take the dataset's images. */
export function assertFits(network: unknown, loaded: LoadedDataset): void {
  const { train, info } = loaded;
  const mismatch = networkMismatch(network, {
    title: info.title,
    // The images as loaded, which is what the batches will hold.
    imageShape: [train.height, train.width, train.channels],
    classNames: info.classNames,
  });
  if (mismatch) throw new NetworkMismatchError(mismatch);
}
