import { INIT_SCHEME_NAMES, type InitScheme } from '../core/initialisation';
import { intCodec, type Codec } from './codecs';

/** Hyper-parameters a person chooses for training; every one travels in the link. */
export interface TrainingSettings {
  readonly optimizer: OptimizerChoice;
  /** η, the step size. */
  readonly learningRate: number;
  readonly batchSize: number;
  readonly epochs: number;
  /** L1 and L2 weight decay λ. */
  readonly l1: number;
  readonly l2: number;
  readonly init: InitScheme;
  /** Share of the training split held back for validation. */
  readonly validationSplit: number;
  /**
   * How many of the training images (what the validation share leaves) a run trains on,
   * a class-stratified draw from the seed; 0 = all of them (the default).
   */
  readonly trainLimit: number;
  /** Stop when validation loss has not improved for this many epochs; 0 = never. */
  readonly patience: number;
  /** The backend the person asked for; `auto` tries WebGPU, WebGL, WASM, CPU in turn. */
  readonly backend: BackendChoice;
  readonly speed: SpeedChoice;
  /**
   * The training steps a link replays from the seed when it opens; written when a run that
   * started from the seed stops, 0 when the run cannot be replayed (trained weights loaded,
   * hyper-parameters changed mid-run) or has not started.
   */
  readonly trainSteps: number;
}

/** The smallest training set a run may be cut to, and the largest a link may name (MNIST's full split). */
export const MIN_TRAIN_LIMIT = 100;
export const MAX_TRAIN_LIMIT = 60_000;

const limitCodec = intCodec(MIN_TRAIN_LIMIT, MAX_TRAIN_LIMIT, 'the number of training images');
/** `limit=N`: N training images, 100 to 60,000; 0 (all, the default, never written by the lab) reads back too. */
export const trainLimitCodec: Codec<number> = {
  encode: (n) => String(n),
  decode: (text) => (text === '0' ? { ok: true, value: 0 } : limitCodec.decode(text)),
};

export const OPTIMIZERS = ['sgd', 'momentum', 'adam'] as const;
export type OptimizerChoice = (typeof OPTIMIZERS)[number];
/** The initialisation menu: core's schemes, in the order its table lists them. */
export const INIT_CHOICES: readonly InitScheme[] = INIT_SCHEME_NAMES;
export const BACKEND_CHOICES = ['auto', 'webgpu', 'webgl', 'wasm', 'cpu'] as const;
export type BackendChoice = (typeof BACKEND_CHOICES)[number];
/** Full speed, or slow motion for lectures: the pause between steps. */
export const SPEEDS = ['full', 'fast', 'slow', 'lecture'] as const;
export type SpeedChoice = (typeof SPEEDS)[number];
export const SPEED_DELAYS_MS: Readonly<Record<SpeedChoice, number>> = {
  full: 0,
  fast: 100,
  slow: 1000,
  lecture: 2000,
};
export const SPEED_LABELS: Readonly<Record<SpeedChoice, string>> = {
  full: 'Full speed',
  fast: '10 steps a second',
  slow: '1 step a second',
  lecture: '1 step every 2 seconds',
};
