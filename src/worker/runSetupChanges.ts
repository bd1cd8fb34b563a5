import type { RunSetup } from './api';

/**
 * The settings that define the model and its data. Changing one of them rebuilds the
 * model from the seed (and starts new curves); the other settings adjust the running
 * model. The worker's engine and the page's engine client both read this one list.
 */
export const STRUCTURAL_SETTINGS = [
  'network',
  'seed',
  'init',
  'dataset',
  'normalisation',
  'validationSplit',
  'trainLimit',
] as const satisfies readonly (keyof RunSetup)[];

/**
 * True when two values of a setting are the same. References are compared first; a
 * document (the network, the augmentation) that a link or `applySettings` replaced with
 * an equal copy is then compared by its JSON text, once per change.
 */
export function sameSettingValue(a: unknown, b: unknown): boolean {
  return Object.is(a, b) || JSON.stringify(a) === JSON.stringify(b);
}

/** True when the two setups hold the same values in every field. */
export function sameRunSetup(a: RunSetup, b: RunSetup): boolean {
  const keys = new Set([...Object.keys(a), ...Object.keys(b)] as (keyof RunSetup)[]);
  return [...keys].every((k) => sameSettingValue(a[k], b[k]));
}

/** True when going from `a` to `b` means new weights from the seed (and new curves). */
export function isStructuralChange(a: RunSetup, b: RunSetup): boolean {
  return STRUCTURAL_SETTINGS.some((k) => !sameSettingValue(a[k], b[k]));
}
