import type { StoreApi } from 'zustand';
import { messageOf } from '../core/errors';
import { SETTINGS } from '../state/settings';
import { settingsOf, useLabStore, type LabStore } from '../state/store';
import { decodeSettings, encodeSettings } from '../state/url';
import { linkBeforeStep, loadStepPatch, stepUnderLink, type StepPatchFor } from './lessonLink';

/** A burst of edits rewrites the link once, this long after the last of them. */
const WRITE_AFTER_MS = 150;

/** What URL sync reads and writes; tests pass a fake window and count the encodings. */
export interface UrlSyncDeps {
  readonly store: StoreApi<LabStore>;
  readonly encode: typeof encodeSettings;
  readonly decode: typeof decodeSettings;
  readonly window: Pick<Window, 'location' | 'history' | 'addEventListener'> &
    Pick<typeof globalThis, 'setTimeout' | 'clearTimeout'>;
  /**
   * The settings a link's lesson step brings (lessonLink's loadStepPatch): injected, so
   * the state layer never imports the lessons and tests can pass a step of their own.
   */
  readonly stepPatch: StepPatchFor;
}

/** True when a store change replaced a setting (status updates, the inspection… replace none). */
function settingChanged(state: LabStore, previous: LabStore): boolean {
  return SETTINGS.some(({ key }) => !Object.is(state[key], previous[key]));
}

/**
 * Reads the link into the store, telling the person what was ignored; a link that names a
 * lesson step then gets the step's state under its own keys, once the lessons' code is
 * here, unless a newer link was read meanwhile (`isLatest`).
 */
function applyLink(deps: UrlSyncDeps, fragment: string, isLatest: () => boolean): void {
  const { settings, problems, rejectedNetwork } = deps.decode(fragment);
  const store = deps.store.getState();
  store.applySettings(linkBeforeStep(settings, fragment));
  if (problems.length > 0) {
    store.pushNotice({
      tone: 'warning',
      title: 'Parts of this link could not be used, so the lab filled them in with defaults.',
      details: problems,
      ...(rejectedNetwork ? { rejectedNetwork } : {}),
    });
  }
  if (!settings.lesson) return;
  deps.stepPatch(settings.lesson, settings.step).then(
    (patch) => {
      if (!isLatest()) return;
      deps.store.setState(stepUnderLink(settingsOf(deps.store.getState()), fragment, patch));
    },
    (error: unknown) =>
      deps.store.getState().pushNotice({
        tone: 'error',
        title:
          'The lesson step in this link could not be loaded, so only the link’s own settings apply.',
        details: [messageOf(error), 'Reload the page to try again.'],
      }),
  );
}

/**
 * Keeps the URL fragment and the store in step: the link is read once at start
 * (and again when the person edits it), and every change of a setting rewrites it
 * without adding history entries for each keystroke. Only a change of a setting is
 * encoded (lz-string included): the run status changes a few times a second.
 * Returns the store unsubscription (the hash listener stays, as the page does).
 */
export function startUrlSync(overrides: Partial<UrlSyncDeps> = {}): () => void {
  const deps: UrlSyncDeps = {
    store: overrides.store ?? useLabStore,
    encode: overrides.encode ?? encodeSettings,
    decode: overrides.decode ?? decodeSettings,
    window: overrides.window ?? window,
    stepPatch: overrides.stepPatch ?? loadStepPatch,
  };
  const win = deps.window;
  // Each read of the link counts, so a lesson step that loads late never lands on a newer link.
  let reads = 0;
  const read = (fragment: string) => {
    const mine = ++reads;
    applyLink(deps, fragment, () => mine === reads);
  };
  read(win.location.hash);
  let written = win.location.hash.slice(1);
  // The encoding of the settings as of the last change seen, so each change encodes once.
  let current = deps.encode(settingsOf(deps.store.getState()));
  let pending: ReturnType<typeof setTimeout> | undefined;
  const unsubscribe = deps.store.subscribe((state, previous) => {
    if (!settingChanged(state, previous)) return;
    const next = deps.encode(settingsOf(state));
    const before = current;
    current = next;
    // Back to what the link says (an edit undone within the wait): nothing to write.
    if (next === written) return win.clearTimeout(pending);
    // An equal copy of a setting (a network put back by a link) is no change to the link.
    if (next === before) return;
    win.clearTimeout(pending);
    pending = win.setTimeout(() => {
      // The person put in another link since (its hashchange not handled yet): it wins,
      // rather than being overwritten by the state it is about to replace.
      if (win.location.hash.slice(1) !== written) return;
      written = next;
      win.history.replaceState(null, '', `#${next}`);
    }, WRITE_AFTER_MS);
  });
  win.addEventListener('hashchange', () => {
    const fragment = win.location.hash.slice(1);
    if (fragment !== written) {
      written = fragment;
      read(fragment);
    }
  });
  return unsubscribe;
}

/** The address of the current view, for "Copy link". */
export function currentLink(): string {
  const url = new URL(window.location.href);
  url.hash = encodeSettings(settingsOf(useLabStore.getState()));
  return url.toString();
}
