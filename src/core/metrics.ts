/**
 * What a training run measures as it goes. The engine, the pretraining command, the
 * checkpoint file, the store and the learning curves all speak of the same point.
 */

/** One measurement of a run: after `step` updates, in epoch `epoch`, this mean loss and accuracy. */
export interface StepPoint {
  readonly step: number;
  readonly epoch: number;
  readonly loss: number;
  /** Share of images classified right, 0 to 1. */
  readonly accuracy: number;
}
