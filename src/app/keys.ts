import { useEffect } from 'react';
import { actionForKey, performAction } from '../state/actions/registry';
import { useLabStore } from '../state/store';
import { useCommandDialogs } from './commandDialogs';

/** True when a key press belongs to a text field, a list box or an editable region. */
export const isTypingTarget = (target: EventTarget | null): boolean =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

// Space and Enter on a focused button press that button, as everywhere else on the web.
const pressesButton = (e: KeyboardEvent): boolean =>
  (e.key === ' ' || e.key === 'Enter') &&
  e.target instanceof HTMLElement &&
  e.target.closest('button, [role="button"], a[href], summary') !== null;

const insideModal = (target: EventTarget | null): boolean =>
  target instanceof Element && target.closest('[aria-modal="true"]') !== null;

/** Handles a key press on the window: the palette's Ctrl/⌘ K, else the registry's action for the key. */
export function dispatchActionKey(e: KeyboardEvent): void {
  if ((e.ctrlKey || e.metaKey) && !e.altKey && e.key.toLowerCase() === 'k') {
    e.preventDefault();
    const dialogs = useCommandDialogs.getState();
    if (dialogs.open === 'palette') dialogs.close();
    else dialogs.show('palette');
    return;
  }
  // An element that handled the key itself (a grid, a picker) has the last word.
  if (e.defaultPrevented || e.ctrlKey || e.metaKey || e.altKey) return;
  if (isTypingTarget(e.target) || pressesButton(e) || insideModal(e.target)) return;
  if (useCommandDialogs.getState().open) return;
  const action = actionForKey(e.key, useLabStore.getState());
  if (!action) return;
  e.preventDefault();
  performAction(action.id);
}

/** The one keyboard dispatcher of the lab: listens on the window while the shell is mounted. */
export function useActionKeys(): void {
  useEffect(() => {
    window.addEventListener('keydown', dispatchActionKey);
    return () => window.removeEventListener('keydown', dispatchActionKey);
  }, []);
}
