import type { ExperimentPorts } from '../../state/experimentPorts';
import type { ClientParts } from './parts';
import { createAdversarialPort } from './experiments/adversarial';
import { createSurfacePort } from './experiments/surface';
import { createInitialisationPort } from './experiments/initialisation';
import { createShiftPort } from './experiments/shift';

/**
 * The experiments' ports over the bridge to the engine, one group per experiment
 * (`src/app/engine/experiments/<id>.ts`). Each call takes its turn in the bridge's queue
 * (`bridge.serial`), so it never races a training step or a save.
 */
export function createExperimentPorts(parts: ClientParts): ExperimentPorts {
  void parts;
  return {
    ...createAdversarialPort(parts),
    ...createSurfacePort(parts),
    ...createInitialisationPort(parts),
    ...createShiftPort(parts),
  };
}
