import { create } from 'zustand';

type DialogKind = 'palette' | 'shortcuts';

interface CommandDialogs {
  /** The command dialog on screen, if any. */
  readonly open: DialogKind | null;
  show(kind: DialogKind): void;
  close(): void;
}

/** Which command dialog is open; shell-only state, so it lives beside the shell, not in the lab's store. */
export const useCommandDialogs = create<CommandDialogs>()((set) => ({
  open: null,
  show: (kind) => set({ open: kind }),
  close: () => set({ open: null }),
}));
