import { SPEED_DELAYS_MS } from '../../state/trainingSettings';
import type { LabStore } from '../../state/store';
import type { RunSetup } from '../../worker/api';

/** The run the store describes, as the worker takes it. */
export function runSetupOf(s: LabStore): RunSetup {
  return {
    network: s.network,
    seed: s.seed,
    init: s.init,
    dataset: s.dataset,
    normalisation: s.normalisation,
    validationSplit: s.validationSplit,
    optimizer: s.optimizer,
    learningRate: s.learningRate,
    l1: s.l1,
    l2: s.l2,
    batchSize: s.batchSize,
    augmentation: s.augmentation,
    epochs: s.epochs,
    patience: s.patience,
    delayMs: SPEED_DELAYS_MS[s.speed],
  };
}

const STRUCTURAL = [
  'network',
  'seed',
  'init',
  'dataset',
  'normalisation',
  'validationSplit',
] as const;

/** True when going from `a` to `b` means new weights from the seed (and new curves). */
export function isStructuralChange(a: RunSetup, b: RunSetup): boolean {
  return STRUCTURAL.some((k) => JSON.stringify(a[k]) !== JSON.stringify(b[k]));
}
