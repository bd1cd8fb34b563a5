import type { ShiftPort } from '../../../state/experimentPorts/shift';
import type { ClientParts } from '../parts';

/**
 * The shift port over the bridge. The experiment starts in one short call and is polled, so
 * it never holds the bridge's queue for the half minute it trains.
 */
export function createShiftPort({ bridge }: ClientParts): ShiftPort {
  return {
    startShiftExperiment: (request) =>
      bridge.serial(async (api) => {
        if (!api) throw new Error('The engine is not running yet.');
        await api.startShiftExperiment(request);
      }),
    shiftExperimentStatus: () =>
      bridge.serial(async (api) =>
        api ? api.shiftExperimentStatus() : { state: 'idle' as const },
      ),
    cancelShiftExperiment: () =>
      bridge.serial(async (api) => {
        await api?.cancelShiftExperiment();
      }),
  };
}
