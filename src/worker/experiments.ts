import type { ExperimentContext } from './experimentContext';
import { createAdversarialApi, type AdversarialApi } from './experiments/adversarial';
import { createSurfaceApi, type SurfaceApi } from './experiments/surface';
import { createInitialisationApi, type InitialisationApi } from './experiments/initialisation';
import { createShiftApi, type ShiftApi } from './experiments/shift';

/**
 * The experiments' worker methods, one group per experiment, each in its own module
 * (`src/worker/experiments/<id>.ts`). `EngineApi` includes them, so the page calls them
 * like any other engine method.
 */
// Each experiment's group is joined here with `&` (an empty group until the first lands).
export type ExperimentApi = Record<never, never> &
  AdversarialApi &
  SurfaceApi &
  InitialisationApi &
  ShiftApi;

/** The experiments' methods over the engine's context. */
export function createExperimentApi(context: ExperimentContext): ExperimentApi {
  void context;
  return {
    ...createAdversarialApi(context),
    ...createSurfaceApi(context),
    ...createInitialisationApi(context),
    ...createShiftApi(context),
  };
}
