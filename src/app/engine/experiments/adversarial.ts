import type { AdversarialPort } from '../../../state/experimentPorts/adversarial';
import { sampleRequestOf } from '../inspection';
import type { ClientParts } from '../parts';

/**
 * The adversarial port over the bridge. An attack is a `latest` request, so dragging the ε
 * slider skips the attacks it overtook; the sweep starts in one short call and is polled, so
 * it never holds the bridge's queue while it runs.
 */
export function createAdversarialPort({ store, bridge }: ClientParts): AdversarialPort {
  return {
    async adversarialAttack(request) {
      const reply = await bridge.latest('adversarial-attack', async (api) => {
        const sample = sampleRequestOf(store.getState());
        return sample ? api.adversarialAttack(sample, request) : null;
      });
      return reply.current ? reply.value : null;
    },
    startAdversarialSweep: (request) =>
      bridge.serial(async (api) => {
        if (!api) throw new Error('The engine is not running yet.');
        await api.startAdversarialSweep(request);
      }),
    adversarialSweepStatus: () =>
      bridge.serial(async (api) =>
        api ? api.adversarialSweepStatus() : { state: 'idle' as const },
      ),
    cancelAdversarialSweep: () =>
      bridge.serial(async (api) => {
        await api?.cancelAdversarialSweep();
      }),
  };
}
