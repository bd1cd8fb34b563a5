import type { InitScheme } from '../core/initialisation';
import type {
  ChannelResponse,
  GradientCheckResult,
  InspectionData,
  OptimizerValues,
  WeightRef,
  WeightValues,
} from '../core/inspection';
import type { GpuAdapterSummary } from '../core/gpuAdapter';
import type { NetworkDocument } from '../core/network';
import type { AugmentationConfig } from '../data/augment';
import type { LoadedDataset } from '../data/loader';
import type { DatasetId } from '../data/manifest';
import type { NormalisationMode } from '../data/normalise';
import type { TestEvaluation } from '../data/runSets';
import type { OptimizerName } from '../engine/optimizers';
import type { ExperimentApi } from './experiments';

/**
 * The engine worker's API. The main thread imports only these types; every value
 * that crosses is plain data (numbers, strings, typed arrays).
 */

/** Everything that defines a run. Changing the first group rebuilds the model; the rest adjust it. */
export interface RunSetup {
  readonly network: NetworkDocument;
  readonly seed: number;
  readonly init: InitScheme;
  readonly dataset: DatasetId;
  readonly normalisation: NormalisationMode;
  readonly validationSplit: number;
  /** Training images used (a stratified draw from the seed); 0 or absent = all. */
  readonly trainLimit?: number;
  readonly optimizer: OptimizerName;
  readonly learningRate: number;
  readonly l1: number;
  readonly l2: number;
  readonly batchSize: number;
  readonly augmentation: AugmentationConfig;
  readonly epochs: number;
  readonly patience: number;
  /** Pause between steps, for slow motion (0 = full speed). */
  readonly delayMs: number;
}

export type EngineEvent =
  | {
      readonly kind: 'step';
      readonly step: number;
      readonly epoch: number;
      readonly loss: number;
      readonly accuracy: number;
      readonly samplesPerSecond: number;
      /** ‖∂L/∂W‖ of each layer's kernel on this batch, by layer index (0 without a kernel). */
      readonly gradNorms: Float32Array;
      /** True on an epoch's last step (the page keeps the run then); absent means false. */
      readonly endsEpoch?: boolean;
    }
  | {
      readonly kind: 'validation';
      readonly step: number;
      readonly epoch: number;
      readonly loss: number;
      readonly accuracy: number;
    }
  | {
      readonly kind: 'stopped';
      readonly reason: 'paused' | 'finished' | 'early-stopping' | 'error';
      readonly message: string;
    }
  | {
      readonly kind: 'backend';
      readonly name: string;
      readonly note: string;
      /** The WebGPU adapter the browser offered (used, or skipped as software), if any. */
      readonly gpuAdapter: GpuAdapterSummary | null;
      readonly fellBack: boolean;
    }
  | { readonly kind: 'loading'; readonly message: string };

export type SampleRequest =
  | { readonly source: 'train' | 'test'; readonly index: number }
  | {
      readonly source: 'own';
      readonly pixels: Uint8Array;
      readonly height: number;
      readonly width: number;
      readonly channels: number;
    };

export interface RunState {
  readonly step: number;
  readonly epoch: number;
  /** How many of the epoch's images the run has used, to carry it on after a reload. */
  readonly offset: number;
}

/** The backend the engine chose, why, and the WebGPU adapter it used or skipped. */
export interface BackendReport {
  readonly backend: string;
  readonly note: string;
  readonly gpuAdapter: GpuAdapterSummary | null;
}

export interface EngineApi extends ExperimentApi {
  /** Starts a backend (the preferred one, or the first that works) and says which and why. */
  start(options: { preferred: string; dataBaseUrl: string }): Promise<BackendReport>;
  /**
   * Hands over a dataset made in the page (the person's own images), used in place of
   * loading `id` from the data folder; a run on it is rebuilt at the next setup.
   */
  provideDataset(id: DatasetId, data: LoadedDataset): Promise<void>;
  /** Receives run events (steps, validation, stops, backend changes). */
  listen(onEvent: (event: EngineEvent) => void): void;
  /** Makes the run match the setup; returns true when the model was rebuilt from the seed. */
  setup(
    setup: RunSetup,
  ): Promise<{ rebuilt: boolean; trainCount: number; validationCount: number }>;
  /** Trains until paused, the epochs are done, or early stopping; resolves then. */
  play(): Promise<void>;
  pause(): void;
  step(): Promise<void>;
  epoch(): Promise<void>;
  /**
   * Trains at full speed, whatever the speed setting, until the run reaches step `target`
   * (or its epochs end, or it is paused): the replay of a link's `train=N`.
   */
  trainTo(target: number): Promise<void>;
  /** Fresh weights from the seed, step 0. */
  reset(): Promise<void>;
  /** Softmax probabilities for one input. */
  predict(sample: SampleRequest): Promise<Float32Array>;
  /** Everything the network does with one input: activations, gradients, weights, output. */
  inspect(sample: SampleRequest, includeWeights: boolean): Promise<InspectionData>;
  evaluateTest(): Promise<TestEvaluation>;
  /** The test images that excite one channel of one layer most, and where. */
  topActivations(layerIndex: number, channel: number, count: number): Promise<ChannelResponse[]>;
  /**
   * The gradient check: the loss for one input with one weight nudged by ±ε, the
   * central difference, and backprop's value for the same weight.
   */
  gradientCheck(
    sample: SampleRequest,
    weight: WeightRef,
    epsilon: number,
  ): Promise<GradientCheckResult>;
  /** ∂(one unit's activation)/∂(input) for one input: its effective receptive field. */
  unitInputGradient(
    sample: SampleRequest,
    layerIndex: number,
    unit: { row: number; col: number; channel: number },
  ): Promise<Float32Array>;
  /** The weights, position and optimiser state, for saving. */
  snapshot(): Promise<{ weights: WeightValues[]; state: RunState; optimizer: OptimizerValues }>;
  /**
   * Loads weights (refused, with the reason, when a shape does not fit), a position and, when
   * given and of the run's optimiser, the optimiser's state; otherwise the optimiser starts afresh.
   */
  restore(weights: WeightValues[], state: RunState, optimizer?: OptimizerValues): Promise<void>;
}
