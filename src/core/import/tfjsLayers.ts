import { analyzeNetwork } from '../analyze';
import { nestingDepthOf } from '../documentBounds';
import { LIMITS } from '../fields';
import type { LayerDocument, NetworkDocument } from '../network';
import { NETWORK_INPUT_ID } from '../network';
import { formatShape } from '../shape';
import { networkWeightSpecs, type WeightRole } from '../weights';
import { kerasGraphOf, type KerasNode } from './kerasGraph';
import {
  KERAS_LAYER_MAPPERS,
  kerasMapperOf,
  KNOWN_KERAS_CLASSES,
  type MappedLayer,
  type WeightSource,
} from './kerasLayers';
import { parseWeightsManifest, type ManifestEntry, type WeightManifest } from './weightsManifest';

/**
 * A TensorFlow.js Layers model (`model.json`, format "layers-model", as the Keras-to-TF.js
 * converter and tfjs-layers' `model.save` write it) as a lab network document, with the
 * place of every lab weight in the model's weight files. Pure: the bytes are read in
 * `data/modelImport.ts`. The file is untrusted, so its nesting is measured before anything
 * walks it, every field is checked where it is read, and any layer or setting the lab
 * cannot reproduce refuses the whole model with the reason (nothing is half-imported).
 */

/** One lab weight and where its values are: a manifest entry, or a constant Keras leaves out. */
export interface ImportedWeightSpec {
  readonly layerIndex: number;
  /** The lab layer's name (its id in the network document). */
  readonly layerName: string;
  readonly role: WeightRole;
  /** The shape the lab's network gives this weight. */
  readonly shape: readonly number[];
  /** The manifest entry's name, or null for a filled weight. */
  readonly tfjsName: string | null;
  readonly fill?: number;
  readonly add?: number;
}

export interface TfjsImport {
  readonly ok: true;
  readonly network: NetworkDocument;
  /** In the lab's order: layer by layer, each layer's weights in its spec order. */
  readonly weightSpecs: readonly ImportedWeightSpec[];
  readonly manifest: WeightManifest;
  /** What was adapted on the way (folded padding, batch-norm ε), one sentence each. */
  readonly notes: readonly string[];
}

export type TfjsImportResult =
  TfjsImport | { readonly ok: false; readonly problems: readonly string[] };

/** Deeper JSON than this is refused before it is walked; a real model.json is about 12 deep. */
export const MAX_MODEL_JSON_DEPTH = 64;
const MAX_JSON_VALUES = 5_000_000;

const isRecord = (v: unknown): v is Readonly<Record<string, unknown>> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

/** Stands for the network input when the model has no InputLayer (no Keras name has a NUL). */
const IMPLICIT_INPUT = '\u0000input';

const quoted = (s: string): string => `“${s.length > 40 ? `${s.slice(0, 37)}...` : s}”`;
const refused = (...problems: string[]): TfjsImportResult => ({ ok: false, problems });
const layerLabel = (n: KerasNode): string =>
  `Layer ${n.position} (${quoted(n.name)}, ${n.className})`;

/** Measures nesting without recursion, so a hostile 10,000-deep file is refused, not a stack overflow. */
export function nestingProblem(raw: unknown): string | null {
  const depth = nestingDepthOf(raw, MAX_MODEL_JSON_DEPTH, MAX_JSON_VALUES);
  if (depth === Number.POSITIVE_INFINITY)
    return 'the file holds too many values to be a model description';
  return depth > MAX_MODEL_JSON_DEPTH
    ? `the file nests deeper than ${MAX_MODEL_JSON_DEPTH} levels, which no model description does`
    : null;
}

/** A Keras name as a lab id: letters, digits, _ . -, at most 40 characters, unique, never "input". */
function labIds(nodes: readonly KerasNode[]): Map<string, string> {
  const ids = new Map<string, string>();
  const used = new Set<string>([NETWORK_INPUT_ID]);
  for (const node of nodes) {
    let base = node.name.replace(/[^A-Za-z0-9_.-]/g, '_').slice(0, LIMITS.idLength - 4);
    if (!/^[A-Za-z_]/.test(base)) base = `_${base}`;
    let id = base;
    for (let n = 2; used.has(id); n++) id = `${base}_${n}`;
    used.add(id);
    ids.set(node.name, id);
  }
  return ids;
}

/** A manifest name's segments without a TF variable's `:0`, e.g. ["sequential", "dense", "kernel"]. */
const segmentsOf = (name: string): string[] => name.replace(/:\d+$/, '').split('/');

/** The one manifest entry `…/<layer>/<suffix>`, or why there is none. */
function findEntry(
  entries: readonly ManifestEntry[],
  layer: string,
  suffix: string,
): ManifestEntry | string {
  const found = entries.filter((e) => {
    const s = segmentsOf(e.name);
    return s[s.length - 1] === suffix && s[s.length - 2] === layer;
  });
  if (found.length === 1 && found[0]) return found[0];
  return found.length === 0
    ? `the weights manifest has no ${suffix} for layer ${quoted(layer)} (looked for a weight named “${layer}/${suffix}”)`
    : `the weights manifest has ${found.length} weights named “${layer}/${suffix}”, so the lab cannot tell which is the layer's`;
}

interface Mapped {
  readonly node: KerasNode;
  layer: MappedLayer;
  sources: string[];
}

/** Maps every node, folding ZeroPadding2D into the convolution it feeds; problems in model order. */
function mapNodes(nodes: readonly KerasNode[]): {
  mapped: Mapped[];
  inputName: string;
  problems: string[];
  notes: string[];
} {
  const problems: string[] = [];
  const notes: string[] = [];
  const mapped: Mapped[] = [];
  const pads = new Map<string, { node: KerasNode; padding: readonly [number, number] }>();
  let inputName: string | null = null;
  for (const raw of nodes) {
    // A layer fed by nothing reads the input (the first of a Sequential model without an InputLayer).
    const isInput = kerasMapperOf(raw.className) === KERAS_LAYER_MAPPERS.InputLayer;
    const node = raw.sources.length || isInput ? raw : { ...raw, sources: [IMPLICIT_INPUT] };
    const mapper = kerasMapperOf(node.className);
    if (!mapper) {
      problems.push(
        `${layerLabel(node)} is not a layer the lab knows; it knows ${KNOWN_KERAS_CLASSES.join(', ')}.`,
      );
      continue;
    }
    const result = mapper(node.config);
    if (result.kind === 'refused')
      problems.push(`${layerLabel(node)} cannot be imported: ${result.reason}.`);
    else if (result.kind === 'input') {
      if (inputName !== null || node.sources.length)
        problems.push(`${layerLabel(node)} is a second input; the lab's networks have one.`);
      inputName = node.name;
    } else if (result.kind === 'zeropad') pads.set(node.name, { node, padding: result.padding });
    else mapped.push({ node, layer: result, sources: [...node.sources] });
  }
  for (const [name, pad] of pads) {
    const consumers = mapped.filter((m) => m.sources.includes(name));
    const conv = consumers[0];
    const padding = conv?.layer.doc.padding;
    const valid = Array.isArray(padding) && padding[0] === 0 && padding[1] === 0;
    const why = [...pads.values()].some((p) => p.node.sources.includes(name))
      ? 'another ZeroPadding2D'
      : consumers.length !== 1
        ? `${consumers.length} layers`
        : conv?.layer.doc.type !== 'conv2d'
          ? 'a layer that is not a convolution'
          : !valid
            ? 'a convolution that pads already'
            : null;
    if (why !== null || !conv) {
      problems.push(
        `${layerLabel(pad.node)} cannot be imported: the lab folds zero padding only into the one "valid" convolution it feeds, and this one feeds ${why ?? 'nothing'}.`,
      );
      continue;
    }
    conv.layer = { ...conv.layer, doc: { ...conv.layer.doc, padding: [...pad.padding] } };
    conv.sources = conv.sources.map((s) => (s === name ? (pad.node.sources[0] ?? s) : s));
    notes.push(
      `${quoted(pad.node.name)} (ZeroPadding2D) became the padding of ${quoted(conv.node.name)}.`,
    );
  }
  return { mapped, inputName: inputName ?? IMPLICIT_INPUT, problems, notes };
}

/** The input shape as the lab takes it: [h, w, c] or [n]; a [h, w] input that is only flattened becomes [h, w, 1]. */
function labInputOf(
  shape: readonly number[] | null,
  firstLayers: readonly Mapped[],
): number[] | string {
  if (!shape)
    return 'the model does not say the shape of its input (no InputLayer or batch_input_shape)';
  if (shape.length === 3 || shape.length === 1) return [...shape];
  if (
    shape.length === 2 &&
    firstLayers.length > 0 &&
    firstLayers.every((m) => m.layer.doc.type === 'flatten')
  )
    return [shape[0] ?? 1, shape[1] ?? 1, 1];
  return `the model's input is ${shape.join('×')}; the lab takes [height, width, channels] images or [n] vectors`;
}

function buildNetwork(
  graphName: string,
  description: string,
  input: number[],
  mapped: readonly Mapped[],
  inputName: string,
): { network: NetworkDocument; ids: Map<string, string> } {
  const ids = labIds(mapped.map((m) => m.node));
  const layers: LayerDocument[] = mapped.map((m, i) => {
    const sources = m.sources.map((s) => (s === inputName ? NETWORK_INPUT_ID : (ids.get(s) ?? s)));
    const previous = i === 0 ? NETWORK_INPUT_ID : ids.get(mapped[i - 1]?.node.name ?? '');
    const chained = sources.length === 1 && sources[0] === previous;
    return {
      ...m.layer.doc,
      id: ids.get(m.node.name) ?? m.node.name,
      ...(chained ? {} : { inputs: sources }),
    };
  });
  const name = graphName.slice(0, LIMITS.nameLength);
  return { network: { name, description, input, layers }, ids };
}

/** Reads a parsed model.json of unknown origin; never throws. */
export function importTfjsLayersModel(raw: unknown): TfjsImportResult {
  const deep = nestingProblem(raw);
  if (deep) return refused(`This is not a TensorFlow.js model: ${deep}.`);
  if (!isRecord(raw) || !isRecord(raw.modelTopology))
    return refused('This is not a TensorFlow.js Layers model: it has no "modelTopology" object.');
  if (raw.format === 'graph-model')
    return refused(
      'This is a TensorFlow.js graph model (a frozen TensorFlow graph), which has no layers to import. Convert the Keras model with --output_format=tfjs_layers_model.',
    );
  if (raw.format !== undefined && raw.format !== 'layers-model')
    return refused(
      `This model.json is of format ${quoted(String(raw.format))}; the lab reads "layers-model".`,
    );
  const graph = kerasGraphOf(raw.modelTopology);
  if ('problem' in graph) return refused(`This model cannot be imported: ${graph.problem}.`);
  const manifest = parseWeightsManifest(raw.weightsManifest);
  if ('problem' in manifest)
    return refused(`This model's weights cannot be read: ${manifest.problem}.`);

  const { mapped, inputName, problems, notes } = mapNodes(graph.nodes);
  if (problems.length) return refused(...problems);
  if (mapped.length === 0) return refused('The model has no layers the lab could show.');
  if (mapped[mapped.length - 1]?.node.name !== graph.output)
    return refused(
      `The model's output ${quoted(graph.output)} is not its last layer, so some layers lead nowhere.`,
    );
  const firstLayers = mapped.filter((m, i) =>
    graph.sequential ? i === 0 : m.sources.includes(inputName),
  );
  const input = labInputOf(graph.inputShape, firstLayers);
  if (typeof input === 'string') return refused(`This model cannot be imported: ${input}.`);

  const made = [raw.generatedBy, raw.convertedBy].filter(
    (s) => typeof s === 'string' && s.length < 100,
  );
  const description = `Imported from a TensorFlow.js Layers model${made.length ? ` (${made.join(', ')})` : ''}.`;
  const { network, ids } = buildNetwork(graph.name, description, input, mapped, inputName);
  const report = analyzeNetwork(network);
  if (!report.ok) {
    return refused(
      ...report.errors.map((e) => {
        const m = e.layerIndex === undefined ? undefined : mapped[e.layerIndex];
        return m
          ? `${layerLabel(m.node)} does not fit the lab's rules: ${e.message}`
          : `The imported network is not valid: ${e.message}`;
      }),
    );
  }
  const axisProblems = mapped.flatMap((m, i) => {
    const axis = m.layer.axis;
    const source = network.layers[i]?.inputs?.[0];
    const sourceIndex =
      source === undefined ? i - 1 : network.layers.findIndex((l) => l.id === source);
    const shape = sourceIndex < 0 ? input : report.layers[sourceIndex]?.outputShape;
    return axis === undefined || !shape || axis === shape.length
      ? []
      : [
          `${layerLabel(m.node)} cannot be imported: it acts on axis ${axis} of its ${formatShape(shape)} input (the batch is axis 0); the lab's ${m.layer.doc.type} acts on the last axis, ${shape.length}.`,
        ];
  });
  if (axisProblems.length) return refused(...axisProblems);

  const specs = networkWeightSpecs(network) ?? [];
  const weightSpecs: ImportedWeightSpec[] = [];
  const weightProblems: string[] = [];
  for (const layerSpecs of specs) {
    const m = mapped[layerSpecs.layerIndex];
    if (!m) continue;
    for (const spec of layerSpecs.weights) {
      const source: WeightSource | undefined = m.layer.weights.find((w) => w.role === spec.role);
      if (!source) {
        weightProblems.push(
          `${layerLabel(m.node)}: the lab needs its ${spec.role}, which the model does not describe.`,
        );
        continue;
      }
      const base = {
        layerIndex: layerSpecs.layerIndex,
        layerName: ids.get(m.node.name) ?? layerSpecs.name,
        role: spec.role,
        shape: spec.shape,
      };
      if (source.suffix === null) {
        weightSpecs.push({ ...base, tfjsName: null, fill: source.fill ?? 0 });
        continue;
      }
      const entry = findEntry(manifest.entries, m.node.name, source.suffix);
      if (typeof entry === 'string') weightProblems.push(`${layerLabel(m.node)}: ${entry}.`);
      else if (entry.dtype !== 'float32')
        weightProblems.push(
          `${layerLabel(m.node)}: its ${source.suffix} is stored as ${entry.dtype}; the lab reads float32 weights.`,
        );
      else
        weightSpecs.push({
          ...base,
          tfjsName: entry.name,
          ...(source.add ? { add: source.add } : {}),
        });
    }
  }
  if (weightProblems.length) return refused(...weightProblems);
  const layerNotes = mapped.flatMap((m) =>
    m.layer.notes.map((n) => `${quoted(m.node.name)}: ${n}.`),
  );
  return { ok: true, network, weightSpecs, manifest, notes: [...notes, ...layerNotes] };
}
