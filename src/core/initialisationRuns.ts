import type { Histogram, ValueSummary } from './histogram';
import type { InitScheme } from './initialisation';

/**
 * The initialisation and batch-norm experiment's requests and results: plain data that
 * crosses from the worker to the page. The worker trains side sessions of the person's
 * network (never the person's run) and measures one fixed batch at chosen steps.
 */

/** Bars per histogram: enough to show a shape, few enough to read on a phone. */
export const HISTOGRAM_BINS = 30;
/** Training images in the fixed batch every measurement uses. */
export const MEASURE_BATCH = 64;
/** The steps the scheme runs are measured at (0 is before any training). */
export const SCHEME_CHECKPOINTS: readonly number[] = [0, 50, 200];
/** The most steps a request may ask for, so a hostile page cannot ask for hours of work. */
export const MAX_EXPERIMENT_STEPS = 2000;

/** One layer's values on the fixed batch at one step. */
export interface LayerMeasure {
  readonly layerIndex: number;
  readonly name: string;
  readonly type: string;
  readonly activation: Histogram;
  readonly activationSummary: ValueSummary;
  /** Of ∂L/∂(layer output). */
  readonly gradient: Histogram;
  readonly gradientSummary: ValueSummary;
  /** The largest gap between two units' weights (`unitSpreadOf`); null without a kernel. */
  readonly kernelSpread: number | null;
}

export interface SchemeSnapshot {
  readonly step: number;
  /** The fixed batch's loss at this step. */
  readonly loss: number;
  readonly layers: readonly LayerMeasure[];
}

export interface SchemeRunRequest {
  readonly scheme: InitScheme;
  /** Increasing steps from 0 to measure at. */
  readonly checkpoints: readonly number[];
}

export interface SchemeRunOutcome {
  readonly kind: 'schemes';
  readonly scheme: InitScheme;
  readonly snapshots: readonly SchemeSnapshot[];
  readonly network: string;
}

export interface BatchNormRunRequest {
  /** Training steps for each of the two runs. */
  readonly steps: number;
}

/** A batch norm layer's input and output on the fixed batch, before training. */
export interface BatchNormLayerMeasure {
  readonly name: string;
  readonly before: Histogram;
  readonly beforeSummary: ValueSummary;
  readonly after: Histogram;
  readonly afterSummary: ValueSummary;
}

export interface BatchNormRunOutcome {
  readonly kind: 'batchnorm';
  readonly steps: number;
  /** Training loss per step, without and with batch norm after every convolution. */
  readonly lossWithout: readonly number[];
  readonly lossWith: readonly number[];
  readonly layer: BatchNormLayerMeasure;
}

export type InitialisationOutcome = SchemeRunOutcome | BatchNormRunOutcome;

export type InitialisationStatus =
  | { readonly state: 'idle' }
  | {
      readonly state: 'running';
      readonly kind: InitialisationOutcome['kind'];
      readonly done: number;
      readonly total: number;
    }
  | { readonly state: 'done'; readonly outcome: InitialisationOutcome }
  | { readonly state: 'stopped'; readonly message: string };

/** True when a checkpoint list is whole steps from 0, increasing, within the limit. */
export function isCheckpointList(steps: readonly number[]): boolean {
  return (
    steps.length > 0 &&
    steps[0] === 0 &&
    steps.every(
      (s, i) =>
        Number.isInteger(s) && s <= MAX_EXPERIMENT_STEPS && (i === 0 || s > (steps[i - 1] ?? 0)),
    )
  );
}
