import type { StateCreator } from 'zustand';
import type { KeptRun } from './runCompare';

/**
 * What the Runs card can ask of the shell's run library (panels never import the engine);
 * each reports through the store: the list, a notice, the run's message.
 */
export interface RunsPorts {
  /** Keeps the current run in the library (again, under the same entry, once it moved on). */
  keep(): void;
  rename(id: string, name: string): void;
  /** Deletes a kept run; a notice offers Undo. */
  remove(id: string): void;
  /** Downloads a kept run as a checkpoint file. */
  exportRun(id: string): void;
  /** Makes a kept run the current one: its settings and its weights. */
  open(id: string): void;
  /** A new run with the kept run's seed, initialisation and data: an A/B shows only the change. */
  startFromSameWeights(id: string): void;
}

/** The library of kept runs as the page knows it (the weights stay in storage). */
export interface RunsSlice {
  /** Newest first; empty until the library has been read. */
  keptRuns: readonly KeptRun[];
  /** False until the library has been read once (the card says "Reading…" meanwhile). */
  keptRunsRead: boolean;
  /** The runs whose curves the overlay draws, in the order they were ticked. */
  comparedRunIds: readonly string[];
  /** The library entry the current run was kept as, and at which step; null when it was not. */
  currentKeptAs: { readonly id: string; readonly step: number } | null;
  runsPorts: RunsPorts | null;
  setKeptRuns(runs: readonly KeptRun[]): void;
  setCurrentKeptAs(kept: RunsSlice['currentKeptAs']): void;
  /** Ticks or unticks a run for the overlay. */
  compareRun(id: string, on: boolean): void;
  setRunsPorts(ports: RunsPorts): void;
}

export const createRunsSlice: StateCreator<RunsSlice, [], [], RunsSlice> = (set) => ({
  keptRuns: [],
  keptRunsRead: false,
  comparedRunIds: [],
  currentKeptAs: null,
  runsPorts: null,
  // A run that left the library leaves the overlay too.
  setKeptRuns: (runs) =>
    set((s) => ({
      keptRuns: runs,
      keptRunsRead: true,
      comparedRunIds: s.comparedRunIds.filter((id) => runs.some((r) => r.id === id)),
    })),
  setCurrentKeptAs: (currentKeptAs) => set({ currentKeptAs }),
  compareRun: (id, on) =>
    set((s) => ({
      comparedRunIds: on
        ? [...s.comparedRunIds.filter((x) => x !== id), id]
        : s.comparedRunIds.filter((x) => x !== id),
    })),
  setRunsPorts: (runsPorts) => set({ runsPorts }),
});
