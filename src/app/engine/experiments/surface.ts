import type { SurfacePort } from '../../../state/experimentPorts/surface';
import type { ClientParts } from '../parts';

/**
 * The loss-surface port over the bridge. The computation starts in one short call and is
 * polled, so it never holds the bridge's queue while it runs.
 */
export function createSurfacePort({ bridge }: ClientParts): SurfacePort {
  return {
    startLossSurface: (request) =>
      bridge.serial(async (api) => {
        if (!api) throw new Error('The engine is not running yet.');
        await api.startLossSurface(request);
      }),
    lossSurfaceStatus: () =>
      bridge.serial(async (api) => (api ? api.lossSurfaceStatus() : { state: 'idle' as const })),
    cancelLossSurface: () =>
      bridge.serial(async (api) => {
        await api?.cancelLossSurface();
      }),
  };
}
