import type { LandscapeRequest, LandscapeStatus } from '../../core/descent/landscape';

/** The loss-surface experiment's questions to the engine, about the person's current network. */
export interface SurfacePort {
  /** Starts computing the loss over a plane of weight space through the current weights (poll its status). */
  startLossSurface(request: LandscapeRequest): Promise<void>;
  lossSurfaceStatus(): Promise<LandscapeStatus>;
  cancelLossSurface(): Promise<void>;
}
