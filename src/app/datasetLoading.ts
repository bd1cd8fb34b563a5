import { browserLoaderDeps } from '../data/browserLoader';
import { fetchManifest, loadDataset } from '../data/loader';
import { findDataset } from '../data/manifest';
import { messageOf } from '../core/errors';
import { panelNeedsDataset } from '../state/panels';
import { createOwnDatasetLoading } from './ownDataset';
import { useLabStore, type LabStore } from '../state/store';

/**
 * Loads the dataset manifest at start and a dataset's files on demand: when a
 * panel that needs images is open and the chosen dataset has not been loaded.
 * Switching datasets mid-download abandons the old download. A failed load
 * leaves the status as an error with the loader's message; setting the status
 * back to idle (the panel's "Try again") starts it again.
 */
export function startDatasetLoading(): void {
  const deps = browserLoaderDeps();
  const store = useLabStore;
  let current: { id: string; controller: AbortController } | null = null;
  // The person's own images come from this browser, not from data/.
  const own = createOwnDatasetLoading(store);

  const manifestLoad = fetchManifest(deps)
    .then((manifest) => {
      store.getState().setManifestStatus({ state: 'ready', manifest });
      return manifest;
    })
    .catch((error: unknown) => {
      store.getState().setManifestStatus({ state: 'error', message: messageOf(error) });
      return null;
    });

  const startLoad = async (id: string) => {
    current?.controller.abort();
    const controller = new AbortController();
    current = { id, controller };
    const { setDatasetStatus } = store.getState();
    setDatasetStatus(id, { state: 'loading', progress: null });
    const manifest = await manifestLoad;
    const entry = manifest ? findDataset(manifest, id) : undefined;
    if (!entry || !entry.available) {
      const why =
        entry && !entry.available
          ? entry.how
          : 'The dataset list (data/manifest.json) could not be read. Run `npm run datasets`, then reload.';
      setDatasetStatus(id, { state: 'error', message: why });
      return;
    }
    try {
      const data = await loadDataset(deps, entry, {
        signal: controller.signal,
        onProgress: (progress) => {
          if (!controller.signal.aborted) setDatasetStatus(id, { state: 'loading', progress });
        },
      });
      if (!controller.signal.aborted) setDatasetStatus(id, { state: 'ready', data });
    } catch (error) {
      if (controller.signal.aborted) setDatasetStatus(id, { state: 'idle' });
      else setDatasetStatus(id, { state: 'error', message: messageOf(error) });
    } finally {
      if (current?.controller === controller) current = null;
    }
  };

  const check = (state: LabStore) => {
    if (!panelNeedsDataset(state.panel)) return;
    if (own.check(state)) return;
    const status = state.datasetStatus[state.dataset];
    const idle = !status || status.state === 'idle';
    if (idle && current?.id !== state.dataset) void startLoad(state.dataset);
  };
  store.subscribe(check);
  check(store.getState());
}
