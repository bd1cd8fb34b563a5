import type { LabAction } from '../state/actions/registry';
import { useCommandDialogs } from './commandDialogs';

/** True on Apple keyboards, where the palette's shortcut is ⌘K rather than Ctrl K. */
export const isMac = (): boolean =>
  typeof navigator !== 'undefined' &&
  /Mac|iPhone|iPad/.test(navigator.platform || navigator.userAgent);

/** The palette's shortcut as a person types it. */
export const paletteKeyLabel = (): string => (isMac() ? '⌘ K' : 'Ctrl K');

const always = () => true;

/** Actions of the shell that need the page itself: the command dialogs and copying the link. */
export const APP_ACTIONS: readonly LabAction[] = [
  {
    id: 'help.palette',
    label: 'Find a command',
    group: 'Help',
    // Ctrl+K / ⌘K is matched by the key dispatcher itself, since other keys refuse modifiers.
    keyLabel: paletteKeyLabel(),
    keywords: 'command palette search',
    enabled: always,
    perform: () => useCommandDialogs.getState().show('palette'),
  },
  {
    id: 'help.shortcuts',
    label: 'Show the keyboard shortcuts',
    group: 'Help',
    key: '?',
    keywords: 'keys help',
    enabled: always,
    perform: () => useCommandDialogs.getState().show('shortcuts'),
  },
  {
    id: 'view.copy-link',
    label: 'Copy link',
    group: 'View',
    keywords: 'share url address',
    enabled: always,
    // The header's button owns the feedback ("Link copied", or the link to copy by hand).
    perform: () => document.querySelector<HTMLButtonElement>('[data-testid="copy-link"]')?.click(),
  },
];
