import type { PanelId } from '../../state/panels'; // (not '../panels': the lint rule would read that as src/panels)
import { useLabStore, type LabStore } from '../store';
import { PANEL_ACTIONS } from './panelActions';
import { TRAINING_ACTIONS } from './trainingActions';
import type { ActionStore, LabAction } from './types';
import { VIEW_ACTIONS } from './viewActions';

export type { ActionStore, LabAction } from './types';

/**
 * Keys a panel handles itself (the convolution stepper's own keys); no registered action may
 * claim them on that panel, and the window dispatcher leaves them alone there.
 */
export const PANEL_LOCAL_KEYS: Partial<Record<PanelId, readonly string[]>> = {
  convolution: ['ArrowRight', 'ArrowLeft', 'Home', 'End', ' '],
};

const registered = new Map<string, LabAction>();
const listeners = new Set<() => void>();
let snapshot: readonly LabAction[] = [];

/** Adds actions to the registry (an id may be registered once); returns a function removing them. */
export function registerActions(actions: readonly LabAction[]): () => void {
  for (const action of actions) {
    if (registered.has(action.id)) throw new Error(`The action "${action.id}" is registered twice`);
  }
  for (const action of actions) registered.set(action.id, action);
  changed();
  return () => {
    for (const action of actions) {
      if (registered.get(action.id) === action) registered.delete(action.id);
    }
    changed();
  };
}

function changed(): void {
  snapshot = [...registered.values()];
  for (const listener of listeners) listener();
}

registerActions([...PANEL_ACTIONS, ...TRAINING_ACTIONS, ...VIEW_ACTIONS]);

/** Every registered action, in registration order (a stable array until the registry changes). */
export const labActions = (): readonly LabAction[] => snapshot;

/** Calls back whenever actions are registered or removed (for useSyncExternalStore). */
export function subscribeActions(listener: () => void): () => void {
  listeners.add(listener);
  return () => listeners.delete(listener);
}

/** The registered action with this id, or undefined. */
export const actionOf = (id: string): LabAction | undefined => registered.get(id);

/** True when the action exists and would do something in this state. */
export function isActionEnabled(id: string, state: LabStore = useLabStore.getState()): boolean {
  const action = registered.get(id);
  return action !== undefined && action.enabled(state);
}

/** Runs an action by id if it is enabled; true when it ran. Buttons, keys and the palette all come here. */
export function performAction(id: string, store: ActionStore = useLabStore): boolean {
  const action = registered.get(id);
  if (!action || !action.enabled(store.getState())) return false;
  action.perform(store);
  return true;
}

/** Keys compare letters case-blind, since Shift+S is still S to a person. */
const normalKey = (key: string): string => (key.length === 1 ? key.toLowerCase() : key);

/** Every key an action answers to, normalised. */
export const keysOf = (action: LabAction): string[] =>
  [action.key, ...(action.altKeys ?? [])].filter((k): k is string => !!k).map(normalKey);

/** True when the action's key works on this panel. */
export const actionWorksOn = (action: LabAction, panel: PanelId): boolean =>
  !action.panels || action.panels.includes(panel);

/** The action a key press should run on the current panel, or undefined (none, or disabled). */
export function actionForKey(key: string, state: LabStore): LabAction | undefined {
  const pressed = normalKey(key);
  if (PANEL_LOCAL_KEYS[state.panel]?.includes(key)) return undefined;
  return snapshot.find(
    (a) => actionWorksOn(a, state.panel) && keysOf(a).includes(pressed) && a.enabled(state),
  );
}

/** How an action's key is shown ("Space", "S", "→"); empty when it has none. */
export function keyLabelOf(action: LabAction): string {
  if (action.keyLabel) return action.keyLabel;
  if (!action.key) return '';
  return action.key === ' '
    ? 'Space'
    : action.key.length === 1
      ? action.key.toUpperCase()
      : action.key;
}
