import type { Diagnostic } from './diagnostics';
import { LIMITS, parseFieldValue, type FieldValue } from './fields';
import type { LayerParams } from './layers/types';
import { NETWORK_INPUT_ID } from './network';
import { layerDefinitionOf, LAYER_TYPES, type LayerDefinition } from './registry';
import type { Shape } from './shape';

/** A layer after parsing: its name, registry entry, parsed fields and where its inputs come from. */
export interface ParsedLayer {
  readonly index: number;
  readonly name: string;
  readonly type: string;
  /** Null for an unknown type. */
  readonly definition: LayerDefinition | null;
  /** Null when a field could not be parsed (the error is in the diagnostics). */
  readonly params: LayerParams | null;
  /** Indices of the layers feeding it; -1 is the network input. Null when `inputs` is broken. */
  readonly sources: readonly number[] | null;
}

export interface ParsedNetwork {
  readonly name: string;
  readonly input: Shape | null;
  readonly layers: readonly ParsedLayer[];
  readonly diagnostics: readonly Diagnostic[];
}

export const UNTITLED = 'untitled network';
const STRUCTURAL_KEYS = new Set(['type', 'id', 'inputs']);
/** The fields of the document itself. */
export const NETWORK_KEYS = ['name', 'description', 'input', 'layers'] as const;
/** Longest description a network may carry. */
export const MAX_DESCRIPTION_LENGTH = 2000;
/** What a layer's `id` may look like (the network schema checks the same). */
export const ID_PATTERN = /^[A-Za-z_][A-Za-z0-9_.-]*$/;
/**
 * Most layers one layer may take as `inputs`. DenseNet-121's third block ends in a concat of
 * its input and its 24 layers' outputs (25); DenseNet-201's reaches 49 and DenseNet-264's 65.
 * 64 holds every DenseNet but the largest while still keeping a hostile document's lists short
 * (500 layers × 64 ids at most).
 */
export const MAX_INPUTS = 64;

const isRecord = (x: unknown): x is Record<string, unknown> =>
  typeof x === 'object' && x !== null && !Array.isArray(x);

const quote = (s: string): string => JSON.stringify(s.length > 40 ? `${s.slice(0, 37)}...` : s);

/** The network input as a shape, or null when it is not `[h, w, c]` or `[n]` within the limits. */
export function parseInputShape(raw: unknown): Shape | null {
  if (!Array.isArray(raw)) return null;
  const whole = (n: unknown, max: number): boolean =>
    typeof n === 'number' && Number.isInteger(n) && n >= 1 && n <= max;
  if (raw.length === 1 && whole(raw[0], LIMITS.vector)) return [raw[0] as number];
  if (
    raw.length === 3 &&
    whole(raw[0], LIMITS.spatial) &&
    whole(raw[1], LIMITS.spatial) &&
    whole(raw[2], LIMITS.channels)
  ) {
    return raw as number[];
  }
  return null;
}

/** Fills a layer's fields from its document, collecting one diagnostic per bad field. */
function parseParams(
  definition: LayerDefinition,
  raw: Record<string, unknown>,
  report: (field: string, message: string) => void,
): LayerParams | null {
  const known = new Set(definition.fields.map((f) => f.name));
  let ok = true;
  for (const key of Object.keys(raw)) {
    if (!known.has(key) && !STRUCTURAL_KEYS.has(key)) {
      const allowed = [...definition.fields.map((f) => f.name), 'id', 'inputs'].join(', ');
      report(key, `${definition.type} has no field ${quote(key)}; its fields are ${allowed}.`);
      ok = false;
    }
  }
  const params: Record<string, FieldValue> = {};
  for (const field of definition.fields) {
    const value = raw[field.name];
    if (value === undefined) {
      if (field.default !== undefined) params[field.name] = field.default;
      else if (field.defaultFrom === undefined) {
        report(field.name, `${definition.type} needs ${quote(field.name)}: ${field.help}`);
        ok = false;
      }
      continue;
    }
    const parsed = parseFieldValue(field.kind, value);
    if (parsed.ok) params[field.name] = parsed.value;
    else {
      report(field.name, `${field.name} ${parsed.message}`);
      ok = false;
    }
  }
  for (const field of definition.fields) {
    if (field.defaultFrom !== undefined && params[field.name] === undefined) {
      const source = params[field.defaultFrom];
      if (source !== undefined) params[field.name] = source;
    }
  }
  return ok ? params : null;
}

/**
 * Parses a network document of unknown origin (a file, a link, the editor).
 * Never throws: every problem becomes a diagnostic naming the layer and the rule.
 */
export function parseNetwork(raw: unknown): ParsedNetwork {
  const diagnostics: Diagnostic[] = [];
  const fail = (message: string, field?: string) =>
    diagnostics.push({ severity: 'error', message, ...(field ? { field } : {}) });
  if (!isRecord(raw)) {
    fail('a network must be a JSON object with "input" and "layers" (and optionally "name").');
    return { name: UNTITLED, input: null, layers: [], diagnostics };
  }
  for (const key of Object.keys(raw)) {
    if (!(NETWORK_KEYS as readonly string[]).includes(key)) {
      fail(`unknown field ${quote(key)}; a network has name, description, input and layers.`, key);
    }
  }
  let name = UNTITLED;
  if (raw.name !== undefined) {
    if (typeof raw.name === 'string' && raw.name.length <= LIMITS.nameLength) name = raw.name;
    else fail(`the name must be text of at most ${LIMITS.nameLength} characters.`, 'name');
  }
  if (
    raw.description !== undefined &&
    (typeof raw.description !== 'string' || raw.description.length > MAX_DESCRIPTION_LENGTH)
  ) {
    fail('the description must be text of at most 2,000 characters.', 'description');
  }
  const input = parseInputShape(raw.input);
  if (!input) {
    fail(
      `input must be [height, width, channels] (e.g. [28, 28, 1]) or [units] (e.g. [784]) with whole numbers from 1 up; got ${quote(JSON.stringify(raw.input) ?? 'nothing')}.`,
      'input',
    );
  }
  if (!Array.isArray(raw.layers) || raw.layers.length === 0) {
    fail(
      'layers must be a non-empty list of layers, e.g. [{ "type": "flatten" }, { "type": "dense", "units": 10 }].',
      'layers',
    );
    return { name, input, layers: [], diagnostics };
  }
  if (raw.layers.length > LIMITS.layers) {
    fail(
      `a network may have at most ${LIMITS.layers} layers; this one has ${raw.layers.length}, so only the first ${LIMITS.layers} are read.`,
      'layers',
    );
  }
  const docs: unknown[] = raw.layers.slice(0, LIMITS.layers);
  const layers = parseLayers(docs, diagnostics);
  return { name, input, layers, diagnostics };
}

function autoNames(docs: readonly unknown[]): string[] {
  const counts = new Map<string, number>();
  // Automatic names skip the ids the document gives, so an id like `conv2d_2` clashes with nothing.
  const ids = new Set(docs.map((doc) => (isRecord(doc) ? doc.id : undefined)));
  return docs.map((doc) => {
    const type =
      isRecord(doc) && typeof doc.type === 'string' && layerDefinitionOf(doc.type)
        ? doc.type
        : 'layer';
    let n = counts.get(type) ?? 0;
    do n++;
    while (ids.has(`${type}_${n}`));
    counts.set(type, n);
    return `${type}_${n}`;
  });
}

function parseLayers(docs: readonly unknown[], diagnostics: Diagnostic[]): ParsedLayer[] {
  const defaults = autoNames(docs);
  const names: string[] = [];
  const indexByName = new Map<string, number>();
  const layers: ParsedLayer[] = [];
  docs.forEach((doc, index) => {
    let name = defaults[index] ?? `layer_${index + 1}`;
    const report = (field: string | undefined, message: string) =>
      diagnostics.push({
        severity: 'error',
        layerIndex: index,
        layerName: name,
        message,
        ...(field ? { field } : {}),
      });
    if (isRecord(doc) && doc.id !== undefined) {
      if (
        typeof doc.id === 'string' &&
        doc.id.length <= LIMITS.idLength &&
        ID_PATTERN.test(doc.id) &&
        doc.id !== NETWORK_INPUT_ID
      ) {
        name = doc.id;
      } else {
        report(
          'id',
          `id must be a short name of letters, digits, _ . or - (not "input"); got ${quote(String(JSON.stringify(doc.id)))}.`,
        );
      }
    }
    if (indexByName.has(name)) {
      report(
        'id',
        `the name ${quote(name)} is already used by layer ${(indexByName.get(name) ?? 0) + 1}; give each layer a different id.`,
      );
    } else indexByName.set(name, index);
    names.push(name);
    if (!isRecord(doc)) {
      report(
        undefined,
        'each layer must be a JSON object with a "type", e.g. { "type": "flatten" }.',
      );
      layers.push({ index, name, type: 'unknown', definition: null, params: null, sources: null });
      return;
    }
    const type = typeof doc.type === 'string' ? doc.type : '';
    const definition = layerDefinitionOf(type) ?? null;
    if (!definition) {
      report(
        'type',
        `unknown layer type ${quote(type || String(JSON.stringify(doc.type)))}; the lab knows ${LAYER_TYPES.map((d) => d.type).join(', ')}.`,
      );
    }
    const params = definition ? parseParams(definition, doc, report) : null;
    const sources = resolveSources(doc.inputs, index, definition, indexByName, report);
    layers.push({ index, name, type: type || 'unknown', definition, params, sources });
  });
  return layers;
}

function resolveSources(
  raw: unknown,
  index: number,
  definition: LayerDefinition | null,
  indexByName: ReadonlyMap<string, number>,
  report: (field: string, message: string) => void,
): number[] | null {
  if (raw === undefined) return [index - 1];
  if (
    !Array.isArray(raw) ||
    raw.length === 0 ||
    raw.length > MAX_INPUTS ||
    !raw.every((x) => typeof x === 'string')
  ) {
    report(
      'inputs',
      `inputs must be a list of 1 to ${MAX_INPUTS} layer ids, e.g. ["conv_a", "conv_b"].`,
    );
    return null;
  }
  if (definition && !definition.multiInput && raw.length !== 1) {
    report('inputs', `${definition.type} takes exactly one input, but inputs lists ${raw.length}.`);
    return null;
  }
  const sources: number[] = [];
  for (const id of raw as string[]) {
    if (id === NETWORK_INPUT_ID) sources.push(-1);
    else {
      const source = indexByName.get(id);
      if (source === undefined || source >= index) {
        report(
          'inputs',
          `inputs names ${quote(id)}, which is not the id of an earlier layer (or "input").`,
        );
        return null;
      }
      sources.push(source);
    }
  }
  return sources;
}
