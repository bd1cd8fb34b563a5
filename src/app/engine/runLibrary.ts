import { createStore, delMany, getMany, keys, setMany } from 'idb-keyval';
import {
  CHECKPOINT_FORMAT,
  parseCheckpoint,
  type Checkpoint,
  type CheckpointOptimizer,
  type CheckpointWeight,
} from '../../data/checkpoint';
import type { KeptRun } from '../../state/runCompare';

/**
 * The library of kept runs, in this browser's IndexedDB. Each run is two records written in
 * one transaction: its overview (name, settings, curves: what the list and the comparison
 * read) and its weights (read only to open or export it), so listing fifty runs never reads
 * fifty sets of weights, and a write that does not fit leaves nothing half-kept.
 */

/** The few key-value calls the library makes; idb-keyval's in the page, an in-memory fake in tests. */
export interface RunKeyValues {
  keys(): Promise<IDBValidKey[]>;
  getMany(keys: IDBValidKey[]): Promise<unknown[]>;
  /** All or nothing, as one IndexedDB transaction. */
  setMany(entries: [IDBValidKey, unknown][]): Promise<void>;
  delMany(keys: IDBValidKey[]): Promise<void>;
}

/** A run's weights and optimiser state as the checkpoint holds them. */
export interface KeptWeights {
  readonly weights: readonly CheckpointWeight[];
  readonly optimizer?: CheckpointOptimizer;
}

/** What a deletion took out, so Undo can put it back exactly. */
export interface RemovedRun {
  readonly entries: [IDBValidKey, unknown][];
}

export interface RunLibrary {
  /** Every kept run, newest first; records that do not read as a run are left out. */
  list(): Promise<KeptRun[]>;
  save(run: KeptRun, weights: KeptWeights): Promise<void>;
  rename(id: string, name: string): Promise<void>;
  /** The whole run as a checkpoint file holds it, checked like a file. */
  checkpoint(id: string): Promise<Checkpoint>;
  remove(id: string): Promise<RemovedRun>;
  restore(removed: RemovedRun): Promise<void>;
}

const OVERVIEW = 'overview:';
const WEIGHTS = 'weights:';

/** True for a kept run's overview, as far as listing it needs (the weights are checked on use). */
function isKeptRun(value: unknown): value is KeptRun {
  if (typeof value !== 'object' || value === null) return false;
  const v = value as Partial<KeptRun>;
  const run = v.run as Partial<KeptRun['run']> | undefined;
  return (
    typeof v.id === 'string' &&
    typeof v.name === 'string' &&
    typeof v.keptAt === 'string' &&
    typeof run === 'object' &&
    typeof run.network === 'object' &&
    typeof run.settings === 'object' &&
    typeof run.dataset === 'string' &&
    Array.isArray(run.history?.train) &&
    Array.isArray(run.history.validation)
  );
}

/** The library over any key-value store. */
export function createRunLibrary(kv: RunKeyValues): RunLibrary {
  async function overviewOf(id: string): Promise<KeptRun> {
    const [found] = await kv.getMany([OVERVIEW + id]);
    if (!isKeptRun(found)) throw new Error('that run is no longer in this browser’s library');
    return found;
  }
  return {
    async list() {
      const ids = (await kv.keys()).filter(
        (k): k is string => typeof k === 'string' && k.startsWith(OVERVIEW),
      );
      const found = (await kv.getMany(ids)).filter(isKeptRun);
      return found.sort((a, b) => (a.keptAt < b.keptAt ? 1 : a.keptAt > b.keptAt ? -1 : 0));
    },
    save: (run, weights) =>
      kv.setMany([
        [OVERVIEW + run.id, run],
        [WEIGHTS + run.id, weights],
      ]),
    async rename(id, name) {
      const run = await overviewOf(id);
      await kv.setMany([[OVERVIEW + id, { ...run, name }]]);
    },
    async checkpoint(id) {
      const { run } = await overviewOf(id);
      const [kept] = await kv.getMany([WEIGHTS + id]);
      const weights = kept as Partial<KeptWeights> | undefined;
      return parseCheckpoint({
        ...run,
        format: CHECKPOINT_FORMAT,
        weights: weights?.weights,
        ...(weights?.optimizer ? { optimizer: weights.optimizer } : {}),
      });
    },
    async remove(id) {
      const ids = [OVERVIEW + id, WEIGHTS + id];
      const values = await kv.getMany(ids);
      await kv.delMany(ids);
      return {
        entries: ids.flatMap((key, i): [IDBValidKey, unknown][] =>
          values[i] === undefined ? [] : [[key, values[i]]],
        ),
      };
    },
    restore: (removed) => kv.setMany(removed.entries),
  };
}

/** This browser's IndexedDB, in a database of its own (the latest run keeps idb-keyval's default). */
export function browserRunKeyValues(): RunKeyValues {
  const store = createStore('cnn-lab-runs', 'runs');
  return {
    keys: () => keys(store),
    getMany: (ids) => getMany(ids, store),
    setMany: (entries) => setMany(entries, store),
    delMany: (ids) => delMany(ids, store),
  };
}

/**
 * Key-value storage in memory, for tests and for a client started without IndexedDB; with
 * `quotaBytes`, a write that would take the JSON size past it fails as a full IndexedDB does.
 */
export function memoryKeyValues(quotaBytes = Infinity): RunKeyValues & { bytes(): number } {
  const data = new Map<IDBValidKey, unknown>();
  const sizeOf = (m: Map<IDBValidKey, unknown>) =>
    [...m.values()].reduce<number>((n, v) => n + JSON.stringify(v).length, 0);
  return {
    keys: async () => [...data.keys()],
    getMany: async (ids) => ids.map((id) => structuredClone(data.get(id))),
    async setMany(entries) {
      const next = new Map(data);
      for (const [k, v] of entries) next.set(k, structuredClone(v));
      if (sizeOf(next) > quotaBytes)
        throw new DOMException('The quota has been exceeded.', 'QuotaExceededError');
      for (const [k, v] of next) data.set(k, v);
    },
    delMany: async (ids) => ids.forEach((id) => data.delete(id)),
    bytes: () => sizeOf(data),
  };
}

/** True for the error a browser gives when its storage for the page is full. */
export function isQuotaExceeded(error: unknown): boolean {
  const name = (error as { name?: unknown } | null)?.name;
  return name === 'QuotaExceededError' || name === 'NS_ERROR_DOM_QUOTA_REACHED';
}
