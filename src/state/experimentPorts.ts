import type { AdversarialPort } from './experimentPorts/adversarial';
import type { SurfacePort } from './experimentPorts/surface';
import type { InitialisationPort } from './experimentPorts/initialisation';
import type { ShiftPort } from './experimentPorts/shift';
/**
 * The questions the experiments ask the engine, one port per experiment
 * (`src/state/experimentPorts/<id>.ts`), joined here with `&`. The shell provides them
 * (`src/app/engine/experimentPorts.ts`); panels read them from the store and never import
 * the engine. Every value that crosses is plain data, in core's and data's types.
 */
export type ExperimentPorts = Record<never, never> &
  AdversarialPort &
  SurfacePort &
  InitialisationPort &
  ShiftPort;
