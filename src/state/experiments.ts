import { enumCodec } from './codecs';

/**
 * The experiment registry: every experiment of the Experiments panel, once, in the order
 * its tabs show them. The tabs, the `exp=` link key and the panel's views derive from it
 * (`panels/experiments/views.ts` maps each id to its lazily loaded component, typed over
 * every id, so a row without a view does not compile).
 */
const EXPERIMENT_TABLE = [
  {
    id: 'surface',
    title: 'Loss surface',
    row: 7,
    summary: 'Gradient descent, momentum and Adam walking a loss surface.',
  },
  {
    id: 'initialisation',
    title: 'Initialisation & batch norm',
    row: 10,
    summary:
      'Activations and gradients layer by layer for each way of starting the weights; batch norm toggled and compared.',
  },
  {
    id: 'overfitting',
    title: 'Overfitting',
    row: 12,
    summary: 'Fitting polynomials: too little capacity, too much, and what regularisation does.',
  },
  {
    id: 'shift',
    title: 'Shift invariance',
    row: 18,
    summary: 'An MLP and a CNN trained on centred digits, tested on shifted ones.',
  },
  {
    id: 'transfer',
    title: 'Transfer learning',
    row: 21,
    summary: 'Fine-tuning a network trained on digits on a few hundred clothing images.',
  },
  {
    id: 'adversarial',
    title: 'Adversarial examples',
    row: 22,
    summary: 'A perturbation too small to see that changes the prediction.',
  },
] as const satisfies readonly ExperimentInfo[];

/** One row of the experiment registry. */
export interface ExperimentInfo {
  readonly id: string;
  /** The tab's name. */
  readonly title: string;
  /** The row of the curriculum (`CURRICULUM.md`) the experiment makes live. */
  readonly row: number;
  /** One sentence under the tab: what the experiment shows. */
  readonly summary: string;
}

export type ExperimentId = (typeof EXPERIMENT_TABLE)[number]['id'];

/** The registry's rows, typed by their ids. */
export const EXPERIMENT_INFOS: readonly (ExperimentInfo & { readonly id: ExperimentId })[] =
  EXPERIMENT_TABLE;

/** The experiment ids in tab order (the link codec's values). */
export const EXPERIMENTS: readonly ExperimentId[] = EXPERIMENT_TABLE.map((e) => e.id);

/** The experiment a link opens when it names none. */
export const DEFAULT_EXPERIMENT: ExperimentId = 'surface';

/** The registry row of an experiment. */
export function experimentInfoOf(id: ExperimentId): ExperimentInfo & { readonly id: ExperimentId } {
  const info = EXPERIMENT_INFOS.find((e) => e.id === id);
  if (!info) throw new Error(`No experiment "${id}" in the registry`);
  return info;
}

export const experimentCodec = enumCodec(EXPERIMENTS, 'experiment');
