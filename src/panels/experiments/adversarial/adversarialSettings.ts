import type { AttackMethod } from '../../../core/adversarial';
import type { Choice } from '../../shared/choices';

/** The ε slider's range in pixel units (0..1): 0.5 is half the way from black to white. */
export const MAX_EPSILON = 0.5;
export const EPSILON_STEP = 0.005;

export const METHOD_CHOICES: readonly Choice<AttackMethod>[] = [
  { value: 'fgsm', label: 'FGSM (one step)' },
  { value: 'iterative', label: 'Iterative (BIM)' },
];

/** The sweep's defaults: 200 test images, ε from 0 to 0.3 in 13 values. */
export const SWEEP_IMAGES = 200;
export const SWEEP_MAX_EPSILON = 0.3;
export const SWEEP_POINTS = 13;

/** ε in pixel units, and what it is in grey levels of a byte image. */
export function epsilonText(epsilon: number): string {
  return `${epsilon.toFixed(3)} (≈ ${Math.round(epsilon * 255)} of 255 grey levels)`;
}

/** A probability as a percentage with one decimal. */
export function percent(p: number): string {
  return `${(p * 100).toFixed(1)}%`;
}
