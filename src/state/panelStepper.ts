import type { PanelId } from './panels';

/**
 * A panel's own step-through that lives in its component's state (the convolution
 * explainer's stepper, the 2-2-1 network's worked steps), so the presenter's remote can
 * drive it: PageDown steps it when no lesson is open, Space plays it. The component
 * registers while mounted; the presenter actions (app/presenter) look it up by panel.
 */
export interface PanelStepper {
  next(): void;
  previous(): void;
  /** Plays or pauses, for a stepper that plays by itself. */
  toggle?(): void;
}

const steppers = new Map<PanelId, PanelStepper>();

/** Registers the open panel's stepper; returns the function that removes it (an effect's cleanup). */
export function registerPanelStepper(panel: PanelId, stepper: PanelStepper): () => void {
  steppers.set(panel, stepper);
  return () => {
    if (steppers.get(panel) === stepper) steppers.delete(panel);
  };
}

/** The stepper a panel registered, if it is mounted. */
export const panelStepperOf = (panel: PanelId): PanelStepper | undefined => steppers.get(panel);
