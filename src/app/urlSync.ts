import { settingsOf, useLabStore } from '../state/store';
import { decodeSettings, encodeSettings } from '../state/url';

/** Reads the link into the store, telling the person what was ignored. */
function applyLink(fragment: string): void {
  const { settings, problems, rejectedNetwork } = decodeSettings(fragment);
  const store = useLabStore.getState();
  store.applySettings(settings);
  if (problems.length > 0) {
    store.pushNotice({
      tone: 'warning',
      title: 'Parts of this link could not be used, so the lab filled them in with defaults.',
      details: problems,
      ...(rejectedNetwork ? { rejectedNetwork } : {}),
    });
  }
}

/**
 * Keeps the URL fragment and the store in step: the link is read once at start
 * (and again when the person edits it), and every change of a setting rewrites it
 * without adding history entries for each keystroke.
 */
export function startUrlSync(): void {
  applyLink(window.location.hash);
  let written = window.location.hash.slice(1);
  let pending: number | undefined;
  useLabStore.subscribe((state, previous) => {
    const next = encodeSettings(settingsOf(state));
    if (next === written || next === encodeSettings(settingsOf(previous))) return;
    window.clearTimeout(pending);
    pending = window.setTimeout(() => {
      written = next;
      window.history.replaceState(null, '', `#${next}`);
    }, 150);
  });
  window.addEventListener('hashchange', () => {
    const fragment = window.location.hash.slice(1);
    if (fragment !== written) {
      written = fragment;
      applyLink(fragment);
    }
  });
}

/** The address of the current view, for "Copy link". */
export function currentLink(): string {
  const url = new URL(window.location.href);
  url.hash = encodeSettings(settingsOf(useLabStore.getState()));
  return url.toString();
}
