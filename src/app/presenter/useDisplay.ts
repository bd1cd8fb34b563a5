import { useEffect, useSyncExternalStore } from 'react';
import type { Theme } from '../../state/display';
import { useLabStore } from '../../state/store';

const DARK = '(prefers-color-scheme: dark)';
const MORE_CONTRAST = '(prefers-contrast: more)';

function subscribeSystem(onChange: () => void): () => void {
  const queries = [DARK, MORE_CONTRAST].map((q) => window.matchMedia(q));
  for (const q of queries) q.addEventListener('change', onChange);
  return () => {
    for (const q of queries) q.removeEventListener('change', onChange);
  };
}

/** The system's own wish, for the `auto` theme: more contrast first, then dark or light. */
const systemTheme = (): Exclude<Theme, 'auto'> =>
  window.matchMedia(MORE_CONTRAST).matches
    ? 'high-contrast'
    : window.matchMedia(DARK).matches
      ? 'dark'
      : 'light';

/** The theme the page shows: the chosen one, or the system's for `auto` (following its changes). */
export function resolveTheme(theme: Theme, system: Exclude<Theme, 'auto'>): Exclude<Theme, 'auto'> {
  return theme === 'auto' ? system : theme;
}

/**
 * Puts the display settings on <html>, where the style sheets and the pictures read them:
 * `--type-scale` (the root font size is 15 px times it, base.css; viz/typeScale follows
 * the root size), the `large-type` class while it is above normal, `data-theme` with
 * `auto` already resolved (so the CSS has one block per theme, not a copy per media
 * query), and the `present` class for presenter mode's layout (styles.css).
 */
export function useDisplay(): void {
  const typeScale = useLabStore((s) => s.typeScale);
  const theme = useLabStore((s) => s.theme);
  const presenting = useLabStore((s) => s.presenting);
  const system = useSyncExternalStore(subscribeSystem, systemTheme, () => 'light' as const);
  useEffect(() => {
    const html = document.documentElement;
    html.classList.toggle('large-type', typeScale > 1);
    if (typeScale === 1) html.style.removeProperty('--type-scale');
    else html.style.setProperty('--type-scale', String(typeScale));
  }, [typeScale]);
  useEffect(() => {
    document.documentElement.dataset.theme = resolveTheme(theme, system);
  }, [theme, system]);
  useEffect(() => {
    document.documentElement.classList.toggle('present', presenting);
  }, [presenting]);
}
