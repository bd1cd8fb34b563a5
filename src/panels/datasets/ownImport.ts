import { useCallback, useRef, useState } from 'react';
import { messageOf } from '../../core/errors';
import { OWN_DATASET_ID } from '../../data/manifest';
import { decodeInBrowser, pauseForPage } from '../../data/ownImages/browserDecode';
import { ownLoadedDataset } from '../../data/ownImages/dataset';
import { importOwnImages, type OwnImagesSource } from '../../data/ownImages/importer';
import { folderSource, zipSource, type PickedFile } from '../../data/ownImages/sources';
import { forgetOwnImages, saveOwnImages } from '../../data/ownImages/storage';
import type { ImageShape } from '../../data/types';
import { defaultsOf } from '../../state/settings';
import { useLabStore } from '../../state/store';

/**
 * The import of a person's own images, as the Datasets panel drives it: read, decode in
 * batches with progress, make the set the lab's `own` dataset and choose it, then keep it
 * in IndexedDB. A failed import leaves the images of an earlier one as they were.
 */

export type OwnImportState =
  | { readonly phase: 'idle' }
  | { readonly phase: 'reading'; readonly decoded: number; readonly total: number }
  | { readonly phase: 'error'; readonly message: string };

/** What the person is told about keeping the images after an import. */
export type KeepState = 'kept' | 'saving' | { readonly problem: string } | null;

export function useOwnImport() {
  const [state, setState] = useState<OwnImportState>({ phase: 'idle' });
  const [keep, setKeep] = useState<KeepState>(null);
  const running = useRef<AbortController | null>(null);

  const run = useCallback(async (open: () => Promise<OwnImagesSource>, shape: ImageShape) => {
    running.current?.abort();
    const controller = new AbortController();
    running.current = controller;
    setState({ phase: 'reading', decoded: 0, total: 0 });
    try {
      const source = await open();
      const images = await importOwnImages(source, shape, {
        decode: decodeInBrowser,
        pause: pauseForPage,
        signal: controller.signal,
        onProgress: (decoded, total) => setState({ phase: 'reading', decoded, total }),
      });
      const store = useLabStore.getState();
      store.setDatasetStatus(OWN_DATASET_ID, { state: 'ready', data: ownLoadedDataset(images) });
      store.chooseDataset(OWN_DATASET_ID);
      setState({ phase: 'idle' });
      setKeep('saving');
      try {
        await saveOwnImages(images);
        setKeep('kept');
      } catch (error) {
        setKeep({ problem: messageOf(error) });
      }
    } catch (error) {
      if (!controller.signal.aborted) setState({ phase: 'error', message: messageOf(error) });
    } finally {
      if (running.current === controller) running.current = null;
    }
  }, []);

  return {
    state,
    keep,
    importFolder: (files: ArrayLike<PickedFile>, shape: ImageShape) =>
      run(() => Promise.resolve(folderSource(files)), shape),
    importZip: (file: PickedFile, shape: ImageShape) => run(() => zipSource(file), shape),
    async forget() {
      running.current?.abort();
      const store = useLabStore.getState();
      if (store.dataset === OWN_DATASET_ID) store.chooseDataset(defaultsOf(['dataset']).dataset);
      store.setDatasetStatus(OWN_DATASET_ID, {
        state: 'error',
        message: 'You forgot your images; import them again to use them.',
      });
      setState({ phase: 'idle' });
      setKeep(null);
      try {
        await forgetOwnImages();
      } catch (error) {
        setState({
          phase: 'error',
          message: `Your images could not be removed from this browser (${messageOf(error)}).`,
        });
      }
    },
  };
}
