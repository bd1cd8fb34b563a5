import { useEffect } from 'react';
import { actionForKey, performAction } from '../state/actions/registry';
import { useLabStore } from '../state/store';
import { useCommandDialogs } from './commandDialogs';

/** Input types that take typed text: every key is theirs. */
const TEXT_INPUTS = new Set([
  'text',
  'search',
  'email',
  'url',
  'tel',
  'password',
  'number',
  'date',
  'time',
  'datetime-local',
  'month',
  'week',
]);
const ARROWS = new Set(['ArrowUp', 'ArrowDown', 'ArrowLeft', 'ArrowRight']);

/**
 * True when the focused element uses this key itself, so the lab's shortcut must not fire:
 * text fields, text areas, list boxes and editable regions use every key; radio buttons and
 * check boxes their arrows and Space; sliders their arrows, Home, End and Page keys. So
 * PageDown steps a lesson and `0` opens the lessons while a choice is focused.
 */
export function ownsKey(target: EventTarget | null, key: string): boolean {
  // Read by field, not instanceof, so the rule is testable without a DOM.
  const el = target as { tagName?: unknown; type?: unknown; isContentEditable?: unknown } | null;
  if (!el || typeof el.tagName !== 'string') return false;
  const tag = el.tagName.toUpperCase();
  if (el.isContentEditable === true || tag === 'TEXTAREA' || tag === 'SELECT') return true;
  if (tag !== 'INPUT') return false;
  const type = typeof el.type === 'string' ? el.type.toLowerCase() : 'text';
  if (TEXT_INPUTS.has(type)) return true;
  if (type === 'radio' || type === 'checkbox') return key === ' ' || ARROWS.has(key);
  if (type === 'range')
    return ARROWS.has(key) || ['Home', 'End', 'PageUp', 'PageDown'].includes(key);
  return key === ' ' || key === 'Enter';
}

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
  if (ownsKey(e.target, e.key) || pressesButton(e) || insideModal(e.target)) return;
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
