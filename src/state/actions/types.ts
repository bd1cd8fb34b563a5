import type { PanelId } from '../../state/panels'; // (not '../panels': the lint rule would read that as src/panels)
import type { LabStore } from '../store';

/** The part of the store an action needs: read the state, write a change. */
export interface ActionStore {
  getState(): LabStore;
  setState(partial: Partial<LabStore>): void;
}

/**
 * One thing a person can do to the lab, registered once and shared by its button, its
 * keyboard shortcut, the command palette and (next) the lessons.
 */
export interface LabAction {
  /** Stable name, e.g. "training.step"; lessons refer to actions by it. */
  readonly id: string;
  /** What the palette and the shortcut list say, e.g. "Train one step (one batch)". */
  readonly label: string;
  /** The heading the shortcut list and the palette group it under. */
  readonly group: string;
  /** The key as KeyboardEvent.key ("s", " ", "ArrowRight"); letters match either case. */
  readonly key?: string;
  /** Further keys that do the same (e.g. "." beside the right arrow). */
  readonly altKeys?: readonly string[];
  /** How the key is shown to a person ("Space", "→"); the key itself when omitted. */
  readonly keyLabel?: string;
  /** The panels on which the key works; every panel when omitted. The palette ignores it. */
  readonly panels?: readonly PanelId[];
  /** Extra words the palette matches, beside the label and the group. */
  readonly keywords?: string;
  /** False when the action would do nothing now (no engine yet, training running…). */
  enabled(state: LabStore): boolean;
  /** Why it is disabled, in a few words, when that is cheap to say. */
  whyDisabled?(state: LabStore): string;
  /** Carries the action out through the store's setters and the engine's controls. */
  perform(store: ActionStore): void;
}
