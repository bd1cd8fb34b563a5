import type { StoreApi } from 'zustand';
import type { LabStore } from '../../state/store';
import type { EngineBridge } from './bridge';

// Kept out of bridge.ts, which knows nothing of the store.

/** What each part of the engine client works with: the lab's store and the bridge to the engine. */
export interface ClientParts {
  readonly store: StoreApi<LabStore>;
  readonly bridge: EngineBridge;
}
