import { create } from 'zustand';
import type { ExerciseDraft } from './exerciseDraft';

interface ExerciseEditorStore {
  /** True while the "Make an exercise link" dialog is on screen. */
  readonly open: boolean;
  /**
   * What the instructor typed, kept when the dialog closes (a stray click outside closes
   * it) so reopening it finds the question again; null until the dialog first opens.
   */
  readonly draft: ExerciseDraft | null;
  show(): void;
  close(): void;
  setDraft(draft: ExerciseDraft): void;
}

/** The exercise editor's dialog state: the editor's own, so it lives beside it, not in the lab's store or link. */
export const useExerciseEditor = create<ExerciseEditorStore>()((set) => ({
  open: false,
  draft: null,
  show: () => set({ open: true }),
  close: () => set({ open: false }),
  setDraft: (draft) => set({ draft }),
}));
