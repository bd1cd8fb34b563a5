import { INIT_SCHEME_NAMES, INIT_SCHEMES, type InitScheme } from '../../../core/initialisation';
import type { Choice } from '../../shared/choices';

/** The schemes to compare, from core's table (one place), labelled as the explainer does. */
export const SCHEME_CHOICES: readonly Choice<InitScheme>[] = INIT_SCHEME_NAMES.map((value) => ({
  value,
  label: INIT_SCHEMES[value].label,
}));

/** Steps each run of the batch-norm comparison takes by default. */
export const BATCH_NORM_STEPS = 150;
/** The local contrast normalisation window's radius: a 5×5 neighbourhood. */
export const LCN_RADIUS = 2;
/** How often the page asks the worker how far a job is. */
export const POLL_MS = 250;

/** Layer types whose values are another layer's, rearranged: left out of the small multiples. */
export const SKIPPED_TYPES: ReadonlySet<string> = new Set(['flatten']);
