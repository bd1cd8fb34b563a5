import * as v from 'valibot';
import { nestingProblemOf } from '../core/documentBounds';
import { INIT_SCHEME_NAMES } from '../core/initialisation';
import { MAX_WEIGHT_MAGNITUDE } from '../core/limits';
import { readNetworkDocument } from '../core/networkSchema';
import { isTrainableRole, WEIGHT_ROLES, type WeightRole } from '../core/weights';
import { decodeWeight, type CheckpointWeight } from './checkpointWeights';
import { DATASET_IDS } from './manifest';
import { NORMALISATION_MODES } from './normalise';

/**
 * The checkpoint file's schema: every field is checked, and the first problem is named with
 * where it is (`history.train[3].step`, `the kernel of conv2d_1`). A checkpoint arrives from a
 * file, this browser's storage (which can hold NaN, unlike JSON) or the lab's own weights;
 * whatever it is, nothing of it is used until all of it passed.
 */

export const CHECKPOINT_FORMAT = 'cnn-lab-checkpoint';
export const CHECKPOINT_VERSION = 1;

/** Longest text field (a name, a date, a backend) a checkpoint may carry. */
const MAX_TEXT = 200;
/** Most dimensions a stored weight has (a conv kernel has four). */
const MAX_WEIGHT_RANK = 8;
/** Most state values an optimiser keeps per weight (Adam's m and v). */
const MAX_SLOTS = 2;

/** A value as a message quotes it, short (the document's depth is bounded before this runs). */
function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'number' && !Number.isFinite(value)) return String(value);
  const text = JSON.stringify(value) ?? String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

const wholeFrom = (min: number) =>
  v.custom<number>(
    (x) => typeof x === 'number' && Number.isSafeInteger(x) && x >= min,
    (issue) => `must be a whole number from ${min} up, not ${shown(issue.input)}`,
  );
const finite = v.custom<number>(
  (x) => typeof x === 'number' && Number.isFinite(x),
  (issue) => `must be a finite number, not ${shown(issue.input)}`,
);
const share = v.custom<number>(
  (x) => typeof x === 'number' && x >= 0 && x <= 1,
  (issue) => `must be a number from 0 to 1, not ${shown(issue.input)}`,
);
const text = v.custom<string>(
  (x) => typeof x === 'string' && x.length <= MAX_TEXT,
  (issue) => `must be a text of at most ${MAX_TEXT} characters, not ${shown(issue.input)}`,
);
const oneOf = (choices: readonly string[]) =>
  v.custom<string>(
    (x) => typeof x === 'string' && choices.includes(x),
    (issue) => `must be one of ${choices.join(', ')}, not ${shown(issue.input)}`,
  );
const flag = v.custom<boolean>(
  (x) => typeof x === 'boolean',
  (issue) => `must be true or false, not ${shown(issue.input)}`,
);
/** An object with exactly these fields (the optional ones may be left out). */
const record = <E extends v.ObjectEntries>(entries: E) =>
  v.strictObject(entries, (issue) => {
    if (issue.path === undefined)
      return `must be an object with ${Object.keys(entries).join(', ')}, not ${shown(issue.input)}`;
    return issue.expected === 'never'
      ? `is a field a checkpoint does not have; the fields there are ${Object.keys(entries).join(', ')}`
      : 'is missing (a checkpoint has it)';
  });
const list = <S extends v.GenericSchema>(item: S) =>
  v.array(item, (issue) => `must be a list, not ${shown(issue.input)}`);

const point = record({ step: wholeFrom(0), epoch: wholeFrom(0), loss: finite, accuracy: share });

const augmentation = v.nullable(
  record({
    flip: flag,
    shift: finite,
    rotation: finite,
    scale: finite,
    brightness: finite,
    noise: finite,
  }),
);

/** What shaped the run: what the lab writes (runSetupOf) and what `npm run pretrain` adds. */
const settings = record({
  seed: v.optional(wholeFrom(0)),
  init: v.optional(oneOf(INIT_SCHEME_NAMES)),
  normalisation: v.optional(oneOf(NORMALISATION_MODES)),
  validationSplit: v.optional(share),
  trainLimit: v.optional(wholeFrom(0)),
  // The engine's optimiser names; data may not import the engine, so a short name is checked.
  optimizer: v.optional(text),
  learningRate: v.optional(finite),
  l1: v.optional(finite),
  l2: v.optional(finite),
  batchSize: v.optional(wholeFrom(1)),
  augmentation: v.optional(augmentation),
  epochs: v.optional(wholeFrom(0)),
  patience: v.optional(wholeFrom(0)),
  delayMs: v.optional(finite),
  pretrained: v.optional(text),
  learningRateSchedule: v.optional(record({ kind: text, from: finite, to: finite })),
  stats: v.optional(record({ mean: list(finite), std: list(finite) })),
  backend: v.optional(text),
  trainImages: v.optional(wholeFrom(0)),
  validationImages: v.optional(wholeFrom(0)),
  testImages: v.optional(wholeFrom(0)),
  quick: v.optional(flag),
});

const weight = record({
  layerIndex: wholeFrom(0),
  name: text,
  role: oneOf(WEIGHT_ROLES),
  shape: v.pipe(
    list(wholeFrom(1)),
    v.maxLength(MAX_WEIGHT_RANK, `must have at most ${MAX_WEIGHT_RANK} dimensions`),
  ),
  dtype: oneOf(['float32', 'float16']),
  data: v.custom<string>(
    (x) => typeof x === 'string',
    (issue) => `must be the values as base64 text, not ${shown(issue.input)}`,
  ),
});

const network = v.custom<unknown>(
  (x) => readNetworkDocument(x).ok,
  (issue) => {
    const read = readNetworkDocument(issue.input);
    return `is not a network document: ${read.ok ? '' : read.problem.replace(/\.$/, '')}`;
  },
);

/** The checkpoint's schema, field by field (the weights' values are checked after it). */
export const checkpointSchema = v.strictObject(
  {
    format: v.literal(
      CHECKPOINT_FORMAT,
      `this is not a CNN Lab checkpoint (its "format" is not ${CHECKPOINT_FORMAT})`,
    ),
    version: v.custom<number>(
      (x) => typeof x === 'number' && Number.isInteger(x) && x >= 1 && x <= CHECKPOINT_VERSION,
      (issue) =>
        typeof issue.input === 'number' && issue.input > CHECKPOINT_VERSION
          ? `this checkpoint is version ${issue.input}, newer than this lab understands (${CHECKPOINT_VERSION}); open it in a newer lab`
          : `its version must be a whole number from 1 to ${CHECKPOINT_VERSION}, not ${shown(issue.input)}`,
    ),
    // When it was made is for the person only; the lab's own test files leave it out.
    createdAt: v.optional(text),
    network,
    dataset: oneOf(DATASET_IDS),
    settings,
    step: wholeFrom(0),
    epoch: wholeFrom(0),
    testAccuracy: v.nullable(share),
    history: record({ train: list(point), validation: list(point) }),
    weights: list(weight),
    // Both added after version 1 shipped, so optional: an older checkpoint resumes at the
    // epoch's start with a fresh optimiser.
    offset: v.optional(wholeFrom(0)),
    optimizer: v.optional(
      record({
        name: text,
        iterations: wholeFrom(0),
        slots: list(
          v.pipe(
            list(weight),
            v.maxLength(MAX_SLOTS, `must hold at most ${MAX_SLOTS} values per weight`),
          ),
        ),
      }),
    ),
  },
  (issue) => {
    if (issue.path === undefined)
      return 'this is not a CNN Lab checkpoint (it is not a JSON object)';
    const key = String(issue.path?.at(-1)?.key ?? '');
    if (key === 'format') return 'this is not a CNN Lab checkpoint (it has no "format")';
    if (key === 'version') return 'this checkpoint has no version, so it cannot be read';
    return issue.expected === 'never'
      ? 'is a field a checkpoint does not have'
      : 'is missing (a checkpoint has it)';
  },
);

/** `history.train[3].step` for an issue's path; empty for the document itself. */
function placeOf(issue: v.BaseIssue<unknown>): string {
  let place = '';
  for (const item of issue.path ?? []) {
    place +=
      typeof item.key === 'number' ? `[${item.key}]` : `${place ? '.' : ''}${String(item.key)}`;
  }
  return place;
}

/** Why a weight's values cannot be used (not finite, or absurdly large), or null. */
function weightValuesProblemOf(weight: CheckpointWeight, of = ''): string | null {
  const what = `${of}the ${weight.role} of ${weight.name} (layer ${weight.layerIndex + 1})`;
  let values: Float32Array;
  try {
    values = decodeWeight(weight).data;
  } catch (error) {
    return `${what} cannot be read: ${error instanceof Error ? error.message : String(error)}`;
  }
  for (let i = 0; i < values.length; i++) {
    const x = values[i] ?? 0;
    if (!Number.isFinite(x) || Math.abs(x) > MAX_WEIGHT_MAGNITUDE) {
      return `${what} holds ${shown(x)} at position ${i}; weights must be finite numbers of at most ${MAX_WEIGHT_MAGNITUDE.toExponential()} in size, so this checkpoint would make every prediction meaningless`;
    }
  }
  return null;
}

/**
 * The first problem of a checkpoint of unknown origin, in words, or null when every field
 * and every weight value is sound. Never throws; the nesting is bounded first.
 */
export function checkpointProblemOf(raw: unknown): string | null {
  const deep = nestingProblemOf(raw, 'this checkpoint');
  if (deep) return deep;
  const result = v.safeParse(checkpointSchema, raw, { abortEarly: true });
  if (!result.success) {
    const issue = result.issues[0];
    const place = issue ? placeOf(issue) : '';
    const message = issue?.message ?? 'this is not a CNN Lab checkpoint';
    // The document's own problems read as a sentence; a field's start with where it is.
    return place === '' || place === 'format' || place === 'version'
      ? message
      : `${place} ${message}`;
  }
  for (const w of result.output.weights) {
    const problem = weightValuesProblemOf(w as CheckpointWeight);
    if (problem) return problem;
  }
  const optimizer = result.output.optimizer;
  return optimizer
    ? optimizerProblemOf(optimizer, result.output.weights, result.output.settings.optimizer)
    : null;
}

type ParsedCheckpoint = v.InferOutput<typeof checkpointSchema>;

/**
 * Why an optimiser state cannot go with these weights, or null. It must be of the optimiser
 * the settings name, keep as many values for every weight, and hold, in the weights' order,
 * one list per trainable weight, named and shaped like it, with finite values.
 */
function optimizerProblemOf(
  optimizer: NonNullable<ParsedCheckpoint['optimizer']>,
  weights: ParsedCheckpoint['weights'],
  settingsName: string | undefined,
): string | null {
  if (settingsName !== undefined && optimizer.name !== settingsName) {
    return `optimizer.name is ${shown(optimizer.name)} but the settings say the run used ${shown(settingsName)}; the optimiser's state must be the run's`;
  }
  const trainable = weights.filter((w) => isTrainableRole(w.role as WeightRole));
  if (optimizer.slots.length !== trainable.length) {
    return `optimizer.slots holds values for ${optimizer.slots.length} weights, but the checkpoint has ${trainable.length} trainable weights`;
  }
  const count = optimizer.slots[0]?.length ?? 0;
  for (let i = 0; i < trainable.length; i++) {
    const w = trainable[i] as CheckpointWeight;
    const own = optimizer.slots[i] ?? [];
    if (own.length !== count) {
      return `optimizer.slots[${i}] holds ${own.length} values for the ${w.role} of ${w.name}, but the first weight has ${count}; an optimiser keeps as many for each`;
    }
    for (const slot of own) {
      if (slot.name !== w.name || slot.role !== w.role || slot.layerIndex !== w.layerIndex) {
        return `optimizer.slots[${i}] is for the ${slot.role} of ${slot.name}, but weight ${i + 1} to train is the ${w.role} of ${w.name}`;
      }
      if (slot.shape.join('×') !== w.shape.join('×')) {
        return `optimizer.slots[${i}] is ${slot.shape.join('×')}, but the ${w.role} of ${w.name} is ${w.shape.join('×')}`;
      }
      const problem = weightValuesProblemOf(slot as CheckpointWeight, "the optimiser's state for ");
      if (problem) return problem;
    }
  }
  return null;
}
