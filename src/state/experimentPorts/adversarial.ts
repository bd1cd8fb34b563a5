import type {
  AttackOutcome,
  AttackRequest,
  SweepRequest,
  SweepStatus,
} from '../../core/adversarial';

/** The adversarial experiment's questions to the engine, about the person's current network. */
export interface AdversarialPort {
  /** Attacks the selected input; null when there is no run or no input yet, or a newer request overtook this one. */
  adversarialAttack(request: AttackRequest): Promise<AttackOutcome | null>;
  /** Starts the flip-rate sweep over the first test images (poll its status). */
  startAdversarialSweep(request: SweepRequest): Promise<void>;
  adversarialSweepStatus(): Promise<SweepStatus>;
  cancelAdversarialSweep(): Promise<void>;
}
