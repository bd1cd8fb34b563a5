/**
 * What an exported script needs besides the network: the dataset, the lab's training
 * settings, normalisation and augmentation, and optionally the checkpoint whose weights it
 * loads. Plain data, so the core stays free of the data and state layers; the app and the
 * command line fill it in from their own settings.
 */

/** The dataset's files are `<id>-train.cnnlab` and `<id>-test.cnnlab` in the lab's data folder. */
export interface ExportDataset {
  readonly id: string;
  readonly title: string;
}

/** The lab's augmentation, as data/augment.ts defines it (0 or false switches one off). */
export interface ExportAugmentation {
  readonly flip: boolean;
  readonly shift: number;
  readonly rotation: number;
  readonly scale: number;
  readonly brightness: number;
  readonly noise: number;
}

export interface ExportSetup {
  readonly dataset: ExportDataset;
  readonly optimizer: 'sgd' | 'momentum' | 'adam';
  readonly learningRate: number;
  readonly batchSize: number;
  readonly epochs: number;
  readonly seed: number;
  /** λ₁ and λ₂ on the kernels: the loss gets λ₁ Σ|w| + (λ₂/2) Σ w² (engine/optimizers.ts). */
  readonly l1: number;
  readonly l2: number;
  /** Share of the training split held out for validation. */
  readonly validationSplit: number;
  readonly init: 'zeros' | 'small' | 'large' | 'glorot' | 'he';
  readonly normalisation: 'none' | 'scale' | 'mean-image' | 'channel-mean' | 'standardise';
  /** Per-channel mean and std in 0..1 units; when absent the script computes them from its training images. */
  readonly stats?: { readonly mean: readonly number[]; readonly std: readonly number[] };
  readonly augmentation: ExportAugmentation;
  /** The checkpoint file the script loads (then it evaluates instead of training from scratch). */
  readonly checkpointFile?: string;
}

/** The engine's optimiser constants (engine/optimizers.ts): momentum μ and Adam's β₁, β₂, ε. */
export const OPTIMIZER_CONSTANTS = { momentum: 0.9, beta1: 0.9, beta2: 0.999, epsilon: 1e-7 };

/** Guards against a flat channel, as data/normalise.ts does. */
export const MIN_STD = 1e-6;
