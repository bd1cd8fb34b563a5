import type { ShiftRequest, ShiftStatus } from '../../core/shiftInvariance';

/**
 * The shift experiment's questions to the engine. The two networks are trained in the
 * worker in sessions of their own: the person's run is never touched.
 */
export interface ShiftPort {
  /** Starts training the MLP and the CNN, then testing them on shifted digits (poll its status). */
  startShiftExperiment(request: ShiftRequest): Promise<void>;
  shiftExperimentStatus(): Promise<ShiftStatus>;
  cancelShiftExperiment(): Promise<void>;
}
