import type { InitScheme } from '../core/initialisation';
import { NO_AUGMENTATION, type AugmentationConfig } from '../data/augment';
import type { DatasetId } from '../data/manifest';
import type { NormalisationMode } from '../data/normalise';

/**
 * The pretrained starting points `npm run pretrain` produces: which catalogue network on
 * which dataset, and every choice that fixes the run. Changing a line here and running the
 * script again reproduces (or replaces) the committed file under public/models.
 *
 * The seed (1), validation share (0.1), normalisation ('scale'), initialisation ('he') and
 * optimiser (Adam) are the lab's defaults: the lab loads the weights into whatever settings
 * the person has, so the defaults must give the network the inputs it was trained on.
 */
export interface PretrainJob {
  /** `<network>-<dataset>`: the file name under public/models and the id in index.json. */
  readonly id: string;
  /** Catalogue id of the network. */
  readonly network: string;
  readonly dataset: DatasetId;
  readonly title: string;
  readonly seed: number;
  readonly init: InitScheme;
  readonly normalisation: NormalisationMode;
  readonly epochs: number;
  readonly batchSize: number;
  /** Adam's step size at the start; it follows a half cosine down to `finalLearningRate`. */
  readonly learningRate: number;
  readonly finalLearningRate: number;
  /** Share of the training split held back (class-stratified) for the validation curve. */
  readonly validationSplit: number;
  readonly augmentation?: AugmentationConfig;
}

/** What every job shares: the lab's defaults (see above) and Adam's cosine schedule. */
const SHARED = {
  seed: 1,
  init: 'he',
  normalisation: 'scale',
  learningRate: 1e-3,
  finalLearningRate: 5e-5,
  validationSplit: 0.1,
} as const satisfies Partial<PretrainJob>;

export const PRETRAIN_JOBS: readonly PretrainJob[] = [
  {
    id: 'mlp-mnist',
    network: 'mlp',
    dataset: 'mnist',
    title: 'MLP 784-128-64-10 trained on MNIST',
    ...SHARED,
    epochs: 15,
    batchSize: 32,
  },
  {
    id: 'lenet5-mnist',
    network: 'lenet5',
    dataset: 'mnist',
    title: 'LeNet-5 trained on MNIST',
    ...SHARED,
    epochs: 15,
    batchSize: 32,
    augmentation: { ...NO_AUGMENTATION, shift: 1 },
  },
  {
    id: 'vgg-mini-28-fashion-mnist',
    network: 'vgg-mini-28',
    dataset: 'fashion-mnist',
    title: 'Mini VGG 28×28 trained on Fashion-MNIST',
    ...SHARED,
    epochs: 15,
    batchSize: 32,
    augmentation: { ...NO_AUGMENTATION, flip: true },
  },
  {
    id: 'vgg-mini-32-cifar10',
    network: 'vgg-mini-32',
    dataset: 'cifar10',
    title: 'Mini VGG 32×32 trained on the CIFAR-10 subset',
    ...SHARED,
    epochs: 20,
    batchSize: 64,
    augmentation: { ...NO_AUGMENTATION, flip: true, shift: 3 },
  },
];

/** Adam's step size at the start of `epoch` (from 0): a half cosine from the first to the last. */
export function learningRateAt(job: PretrainJob, epoch: number): number {
  const t = job.epochs > 1 ? epoch / (job.epochs - 1) : 0;
  return (
    job.finalLearningRate +
    ((job.learningRate - job.finalLearningRate) * (1 + Math.cos(Math.PI * t))) / 2
  );
}

/** The jobs `--only` names (job ids or network ids, comma-separated); all when empty. */
export function selectJobs(only: readonly string[]): PretrainJob[] {
  if (only.length === 0) return [...PRETRAIN_JOBS];
  const unknown = only.filter(
    (name) => !PRETRAIN_JOBS.some((j) => j.id === name || j.network === name),
  );
  if (unknown.length > 0) {
    throw new Error(
      `unknown job ${unknown.map((u) => `"${u}"`).join(', ')}; choose from ${PRETRAIN_JOBS.map((j) => j.id).join(', ')}.`,
    );
  }
  return PRETRAIN_JOBS.filter((j) => only.includes(j.id) || only.includes(j.network));
}
