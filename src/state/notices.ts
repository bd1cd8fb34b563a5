import type { NetworkDocument } from '../core/network';

/** A message shown under the header until dismissed: what happened, and what the lab did about it. */
export interface Notice {
  readonly id: number;
  readonly tone: 'info' | 'warning' | 'error';
  readonly title: string;
  readonly details: readonly string[];
  /** A network the lab did not load (from a broken link or file), offered to open anyway. */
  readonly rejectedNetwork?: NetworkDocument;
  /** One button that does what the notice offers (the shell's, e.g. reload into a new version). */
  readonly action?: NoticeAction;
}

/** A notice's own button: its label and what pressing it does (the notice is then dismissed). */
export interface NoticeAction {
  readonly label: string;
  readonly perform: () => void;
}

export type NoticeInput = Omit<Notice, 'id'>;
