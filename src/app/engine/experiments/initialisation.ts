import type { InitialisationPort } from '../../../state/experimentPorts/initialisation';
import type { ClientParts } from '../parts';

/**
 * The initialisation port over the bridge. A job starts in one short call and is polled,
 * so it never holds the bridge's queue while its side runs train.
 */
export function createInitialisationPort({ bridge }: ClientParts): InitialisationPort {
  return {
    startInitialisationRun: (request) =>
      bridge.serial(async (api) => {
        if (!api) throw new Error('The engine is not running yet; wait for it, then start again.');
        await api.startInitialisationRun(request);
      }),
    startBatchNormComparison: (request) =>
      bridge.serial(async (api) => {
        if (!api) throw new Error('The engine is not running yet; wait for it, then start again.');
        await api.startBatchNormComparison(request);
      }),
    initialisationStatus: () =>
      bridge.serial(async (api) => (api ? api.initialisationStatus() : { state: 'idle' as const })),
    cancelInitialisationRun: () =>
      bridge.serial(async (api) => {
        await api?.cancelInitialisationRun();
      }),
  };
}
