/// <reference types="vite-plugin-pwa/client" />
import { registerSW } from 'virtual:pwa-register';
import { messageOf } from '../core/errors';
import { useLabStore } from '../state/store';

/**
 * Registers the service worker that keeps the lab usable offline (the app, its WASM files
 * and trained weights are precached; datasets stay in the loader's own cache). A new
 * version is not switched in behind the person's back: it waits, and a notice offers the
 * reload that activates it, so a tab never mixes the old version's files with the new.
 */
export function startServiceWorker(): void {
  if (!('serviceWorker' in navigator)) return;
  const update = registerSW({
    onNeedRefresh() {
      useLabStore.getState().pushNotice({
        tone: 'info',
        title: 'A new version of the lab is ready',
        details: [
          'This tab keeps the version it opened with until you reload; your run is kept in this browser.',
        ],
        action: { label: 'Reload', perform: () => void update(true) },
      });
    },
    onRegisterError(error: unknown) {
      useLabStore.getState().pushNotice({
        tone: 'warning',
        title: 'The lab will not work offline in this browser',
        details: [
          `Its service worker could not be registered (${messageOf(error)}). Everything works while the lab’s server is reachable.`,
        ],
      });
    },
  });
}
