import * as v from 'valibot';
import { nestingProblemOf } from './documentBounds';
import { LIMITS, parseFieldValue, type FieldSpec } from './fields';
import type { NetworkDocument } from './network';
import { NETWORK_INPUT_ID } from './network';
import {
  ID_PATTERN,
  MAX_DESCRIPTION_LENGTH,
  MAX_INPUTS,
  NETWORK_KEYS,
  parseInputShape,
} from './parse';
import { LAYER_TYPES, type LayerDefinition } from './registry';

/**
 * The network document as a valibot schema, built from the layer registry: each layer type's
 * fields come from its own field list and are judged by `parseFieldValue` (fields.ts), so the
 * rules and their wording live in one place. The schema decides whether something IS a
 * network document (the right fields, of the right kinds, within the limits); whether its
 * layers fit together (shapes, ids named by `inputs`) is the analysis's to say, on the layer
 * it concerns. Every problem is reported in words, the first one only.
 */

/** What a reading of a network document gives: the document, or the first problem with it. */
export type NetworkReading =
  | { readonly ok: true; readonly network: NetworkDocument }
  | { readonly ok: false; readonly problem: string };

const TYPES = LAYER_TYPES.map((d) => d.type);

/** A value as a message quotes it: short, and never a recursion over something deep. */
function shown(value: unknown): string {
  if (value === undefined) return 'nothing';
  if (typeof value === 'object' && value !== null)
    return Array.isArray(value) ? 'a list' : 'an object';
  const text = typeof value === 'string' ? JSON.stringify(value) : String(value);
  return text.length > 40 ? `${text.slice(0, 37)}...` : text;
}

/** One field of a layer type, judged by its kind's own parser. */
function fieldSchema(field: FieldSpec) {
  const check = v.custom<unknown>(
    (x) => parseFieldValue(field.kind, x).ok,
    (issue) => {
      const parsed = parseFieldValue(field.kind, issue.input);
      return `${field.name} ${parsed.ok ? 'is not allowed here' : parsed.message}`;
    },
  );
  return field.default === undefined && field.defaultFrom === undefined ? check : v.optional(check);
}

const idSchema = v.custom<string>(
  (x) =>
    typeof x === 'string' && x.length <= LIMITS.idLength && ID_PATTERN.test(x) && x !== 'input',
  (issue) =>
    `id must be a short name (at most ${LIMITS.idLength} characters) of letters, digits, _ . or -, not "${NETWORK_INPUT_ID}"; got ${shown(issue.input)}.`,
);

const inputsSchema = (definition: LayerDefinition) =>
  v.custom<string[]>(
    (x) =>
      Array.isArray(x) &&
      x.length >= 1 &&
      x.length <= (definition.multiInput ? MAX_INPUTS : 1) &&
      x.every((id) => typeof id === 'string' && id.length <= LIMITS.idLength),
    () =>
      definition.multiInput
        ? `inputs must be a list of 1 to ${MAX_INPUTS} layer ids, e.g. ["conv_a", "conv_b"].`
        : `inputs must be a list of one layer id, e.g. ["conv_a"] (${definition.type} takes one input).`,
  );

/** A layer of one registered type: its own fields and nothing else. */
function layerSchema(definition: LayerDefinition) {
  const fields = Object.fromEntries(definition.fields.map((f) => [f.name, fieldSchema(f)]));
  const names = [...definition.fields.map((f) => f.name), 'id', 'inputs'].join(', ');
  return v.strictObject(
    {
      type: v.literal(definition.type),
      id: v.optional(idSchema),
      inputs: v.optional(inputsSchema(definition)),
      ...fields,
    },
    (issue) => {
      const key = String(issue.path?.at(-1)?.key ?? '');
      if (issue.expected === 'never')
        return `there is no field ${shown(key)} in a ${definition.type} layer; its fields are ${names}.`;
      const field = definition.fields.find((f) => f.name === key);
      return `${shown(key)} is missing${field ? ` (${field.help.replace(/\.$/, '')})` : ''}; a ${definition.type} layer needs it.`;
    },
  );
}

// The variant's own issue is either "not an object" (the layer itself) or "no such type".
const layer = v.variant('type', LAYER_TYPES.map(layerSchema), (issue) =>
  issue.path === undefined
    ? `each layer must be a JSON object with a "type", e.g. { "type": "flatten" }, not ${shown(issue.input)}.`
    : `${issue.input === undefined ? 'the layer has no "type"' : `unknown layer type ${shown(issue.input)}`}; the lab knows ${TYPES.join(', ')}.`,
);

/** The network document's schema (see the file's comment for what it does and does not judge). */
export const networkSchema = v.strictObject(
  {
    name: v.optional(
      v.pipe(
        v.string('the name must be text.'),
        v.maxLength(
          LIMITS.nameLength,
          `the name must be text of at most ${LIMITS.nameLength} characters.`,
        ),
      ),
    ),
    description: v.optional(
      v.pipe(
        v.string('the description must be text.'),
        v.maxLength(
          MAX_DESCRIPTION_LENGTH,
          `the description must be text of at most ${MAX_DESCRIPTION_LENGTH.toLocaleString('en-US')} characters.`,
        ),
      ),
    ),
    input: v.custom<number[]>(
      (x) => parseInputShape(x) !== null,
      (issue) =>
        `input must be [height, width, channels] (e.g. [28, 28, 1]) or [units] (e.g. [784]) with whole numbers from 1 up; got ${shown(issue.input)}.`,
    ),
    layers: v.pipe(
      v.array(
        layer,
        'layers must be a list of layers, e.g. [{ "type": "flatten" }, { "type": "dense", "units": 10 }].',
      ),
      v.minLength(1, 'layers must list at least one layer.'),
      v.maxLength(
        LIMITS.layers,
        (issue) =>
          `a network may have at most ${LIMITS.layers} layers; this one has ${(issue.input as unknown[]).length.toLocaleString('en-US')}.`,
      ),
    ),
  },
  (issue) => {
    if (issue.path === undefined)
      return 'a network must be a JSON object with "input" and "layers" (and optionally "name").';
    const key = String(issue.path?.at(-1)?.key ?? '');
    return issue.expected === 'never'
      ? `it has an unknown field ${shown(key)}; a network has ${NETWORK_KEYS.join(', ')}.`
      : `it has no ${shown(key)}; a network has "input" and "layers" (and optionally "name").`;
  },
);

/**
 * The least a value must be to be taken for a network document at all: an object whose
 * `layers` is a list (within the limit) of objects with a text `type`. A link's network that
 * is shaped so but breaks the full schema is still shown to the analysis, which lists its
 * errors on their layers and offers it to be opened anyway; anything else is refused.
 */
export const networkShapeSchema = v.looseObject(
  {
    layers: v.pipe(
      v.array(
        v.looseObject(
          {
            type: v.pipe(
              v.string('each layer needs a "type" that is text, e.g. "conv2d".'),
              v.maxLength(LIMITS.idLength, 'a layer type is a short name, e.g. "conv2d".'),
            ),
          },
          (issue) =>
            `each layer must be a JSON object with a "type", e.g. { "type": "flatten" }, not ${shown(issue.input)}.`,
        ),
        'layers must be a list of layers, e.g. [{ "type": "flatten" }, { "type": "dense", "units": 10 }].',
      ),
      v.maxLength(
        LIMITS.layers,
        (issue) =>
          `a network may have at most ${LIMITS.layers} layers; this one has ${(issue.input as unknown[]).length.toLocaleString('en-US')}.`,
      ),
    ),
  },
  'a network must be a JSON object with "input" and "layers" (and optionally "name").',
);

/** Where an issue is, as a person reads it: `layer 3 (conv2d): ` or `` for the document. */
function placeOf(issue: v.BaseIssue<unknown>, value: unknown): string {
  const path = issue.path ?? [];
  if (path[0]?.key !== 'layers' || typeof path[1]?.key !== 'number') return '';
  const index = path[1].key;
  const doc = Array.isArray((value as { layers?: unknown }).layers)
    ? (value as { layers: unknown[] }).layers[index]
    : undefined;
  const type = (doc as { type?: unknown } | null)?.type;
  const known = typeof type === 'string' && TYPES.includes(type);
  return `layer ${index + 1}${known ? ` (${type})` : ''}: `;
}

/** The first problem of a failed parse, with where it is. */
export function firstProblemOf(issues: readonly v.BaseIssue<unknown>[], value: unknown): string {
  const issue = issues[0];
  return issue ? `${placeOf(issue, value)}${issue.message}` : 'it is not a network document.';
}

/**
 * Reads a parsed JSON value as a network document, or names its first problem. Never
 * throws: the nesting is bounded (iteratively) before any part of it is walked recursively.
 */
export function readNetworkDocument(value: unknown): NetworkReading {
  return readWith(networkSchema, value);
}

/**
 * Reads a value as something shaped like a network document ({@link networkShapeSchema}),
 * for a link, whose layers' own errors the analysis names; never throws.
 */
export function readNetworkShape(value: unknown): NetworkReading {
  return readWith(networkShapeSchema, value);
}

function readWith(schema: v.GenericSchema, value: unknown): NetworkReading {
  const deep = nestingProblemOf(value, 'the network');
  if (deep) return { ok: false, problem: `${deep}.` };
  const result = v.safeParse(schema, value, { abortEarly: true });
  return result.success
    ? { ok: true, network: value as NetworkDocument }
    : { ok: false, problem: firstProblemOf(result.issues, value) };
}

/** Reads the text of a network document (the editor, a file), or names its first problem. */
export function readNetworkJson(text: string): NetworkReading {
  let value: unknown;
  try {
    value = JSON.parse(text);
  } catch (error) {
    return {
      ok: false,
      problem: `it is not valid JSON (${error instanceof Error ? error.message : String(error)}).`,
    };
  }
  return readNetworkDocument(value);
}
