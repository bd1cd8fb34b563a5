import type { StepPoint } from '../core/metrics';
import type { NetworkDocument } from '../core/network';
import { checkpointProblemOf, type CHECKPOINT_FORMAT } from './checkpointSchema';
import type { CheckpointWeight } from './checkpointWeights';

export { CHECKPOINT_FORMAT, CHECKPOINT_VERSION } from './checkpointSchema';
export {
  base64ToBytes,
  bytesToBase64,
  decodeWeight,
  encodeWeight,
  fromFloat16,
  toFloat16,
  type CheckpointWeight,
} from './checkpointWeights';

/**
 * The lab's checkpoint file: one JSON document with the network, the settings it
 * was trained with, its run history and its weights. The pretrained networks under
 * public/models use the same format, so one loader serves both.
 */
export interface Checkpoint {
  readonly format: typeof CHECKPOINT_FORMAT;
  readonly version: number;
  readonly createdAt: string;
  readonly network: NetworkDocument;
  readonly dataset: string;
  /** Everything else that shaped the run: seed, initialisation, optimiser, normalisation… */
  readonly settings: Readonly<Record<string, unknown>>;
  readonly step: number;
  readonly epoch: number;
  readonly testAccuracy: number | null;
  readonly history: {
    readonly train: readonly StepPoint[];
    readonly validation: readonly StepPoint[];
  };
  readonly weights: readonly CheckpointWeight[];
  /** How many of the epoch's training images the run had used; absent (older files) is 0. */
  readonly offset?: number;
  /** The optimiser's state; absent (older files), a resumed run's optimiser starts afresh. */
  readonly optimizer?: CheckpointOptimizer;
}

/** An optimiser's state as a checkpoint stores it: per trainable weight, its slots, packed like weights. */
export interface CheckpointOptimizer {
  readonly name: string;
  readonly iterations: number;
  readonly slots: readonly (readonly CheckpointWeight[])[];
}

/** The file name "Download checkpoint" gives a run, and the exported scripts load by default. */
export function checkpointFileName(networkName: unknown, dataset: string, step: number): string {
  const name = (typeof networkName === 'string' && networkName) || 'network';
  return `${name}-${dataset}-step${step}.json`.replace(/[^\w.-]+/g, '-');
}

/** A checkpoint that was refused; the message says what was wrong with it. */
export class CheckpointFormatError extends Error {
  override readonly name = 'CheckpointFormatError';
}

/**
 * Reads a checkpoint of unknown origin (a file, this browser's storage, the lab's own trained
 * weights); throws an Error whose message names the first problem. Every field is checked
 * (checkpointSchema.ts), the weights' values included, so nothing half-valid gets in.
 */
export function parseCheckpoint(raw: unknown): Checkpoint {
  const problem = checkpointProblemOf(raw);
  if (problem !== null) throw new CheckpointFormatError(problem);
  const checkpoint = raw as Checkpoint;
  return typeof checkpoint.createdAt === 'string' ? checkpoint : { ...checkpoint, createdAt: '' };
}
