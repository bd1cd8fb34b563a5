import type { WeightValues } from '../core/inspection';
import type { NetworkDocument } from '../core/network';
import { readNetworkDocument } from '../core/networkSchema';
import { importTfjsLayersModel, type TfjsImport } from '../core/import/tfjsLayers';
import { fileNameOfPath, type ManifestEntry } from '../core/import/weightsManifest';
import { analyzeNetwork } from '../core/analyze';
import { MAX_TRAINABLE_PARAMS } from '../core/limits';
import { formatShape } from '../core/shape';
import { networkWeightSpecs } from '../core/weights';
import {
  CHECKPOINT_FORMAT,
  CHECKPOINT_VERSION,
  encodeWeight,
  fromFloat16,
  type Checkpoint,
} from './checkpoint';
import { formatCount } from './errors';
import type { DatasetEntry } from './manifest';

/**
 * A TensorFlow.js Layers model the person picked (model.json and its .bin weight files) as
 * a lab checkpoint, so the app's own checkpoint loading applies it all or nothing. The core
 * reads the model's description; this reads the bytes: each manifest group's files joined
 * in order, each weight's values at its place, little-endian, dequantised, shape-checked
 * against the lab's own weight specs of the imported network. File reading is injected.
 */

/** A file the person chose: its name as their disk shows it, and a way to read it. */
export interface ModelFile {
  readonly name: string;
  readonly size: number;
  read(): Promise<ArrayBuffer>;
}

export type ModelImportErrorKind =
  | 'no-model-json'
  | 'not-json'
  | 'refused'
  | 'missing-weights'
  | 'short-weights'
  | 'shape-mismatch'
  | 'too-large'
  | 'no-dataset';

/** Why a model could not be imported, as a person can act on it; `problems` lists every reason found. */
export class ModelImportError extends Error {
  override readonly name = 'ModelImportError';
  readonly kind: ModelImportErrorKind;
  readonly problems: readonly string[];

  constructor(kind: ModelImportErrorKind, problems: readonly string[]) {
    super(problems[0] ?? 'The model could not be imported.');
    this.kind = kind;
    this.problems = problems;
  }
}

export interface ImportedModel {
  readonly checkpoint: Checkpoint;
  readonly network: NetworkDocument;
  /** The files read: the model.json's name and the weight files in manifest order. */
  readonly files: readonly string[];
  readonly notes: readonly string[];
}

export type ModelImportResult =
  | { readonly ok: true; readonly model: ImportedModel }
  | { readonly ok: false; readonly error: ModelImportError };

export interface ModelImportOptions {
  /** The lab dataset the network's input and classes fit, or why none does. */
  datasetFor(network: NetworkDocument): { dataset: string } | { problem: string };
  now?: () => Date;
}

/** model.json files past this are refused unread (a real one is a few hundred kilobytes). */
export const MAX_MODEL_JSON_BYTES = 20_000_000;
/** All weight files together; the lab trains at most 5 million parameters (20 MB of float32). */
export const MAX_WEIGHT_BYTES = 200_000_000;

const fail = (kind: ModelImportErrorKind, ...problems: string[]): ModelImportResult => ({
  ok: false,
  error: new ModelImportError(kind, problems),
});

/** The model.json among the files: the one named model.json, else the only .json. */
function modelJsonOf(files: readonly ModelFile[]): ModelFile | undefined {
  const json = files.filter((f) => f.name.toLowerCase().endsWith('.json'));
  return json.find((f) => f.name === 'model.json') ?? (json.length === 1 ? json[0] : undefined);
}

/** One weight's values as float32, dequantised as the manifest says. */
function valuesOf(entry: ManifestEntry, bytes: Uint8Array): Float32Array {
  const copy = bytes.slice().buffer;
  const q = entry.quantization;
  if (!q) return new Float32Array(copy);
  if (q.dtype === 'float16') return fromFloat16(new Uint16Array(copy));
  const quantised = q.dtype === 'uint8' ? new Uint8Array(copy) : new Uint16Array(copy);
  return Float32Array.from(quantised, (v) => v * q.scale + q.min);
}

/** Every group's buffer, its files joined in manifest order; or the first file missing or short. */
async function readGroups(
  imported: TfjsImport,
  files: readonly ModelFile[],
): Promise<{ buffers: Uint8Array[]; names: string[] } | ModelImportResult> {
  const byName = new Map(files.map((f) => [f.name, f]));
  const groups = imported.manifest.groups;
  const needed = groups.flatMap((g) => g.paths.map(fileNameOfPath));
  const missing = needed.filter((n) => !byName.has(n));
  if (missing.length) {
    return fail(
      'missing-weights',
      `The weight file${missing.length > 1 ? 's' : ''} ${missing.join(', ')} ${missing.length > 1 ? 'are' : 'is'} missing: choose model.json together with every .bin file its weightsManifest names.`,
    );
  }
  const total = needed.reduce((sum, n) => sum + (byName.get(n)?.size ?? 0), 0);
  if (total > MAX_WEIGHT_BYTES)
    return fail(
      'too-large',
      `The weight files hold ${formatCount(total)} bytes, more than the lab reads (${formatCount(MAX_WEIGHT_BYTES)}).`,
    );
  const buffers: Uint8Array[] = [];
  for (const group of groups) {
    const parts = await Promise.all(
      group.paths.map(
        async (p) => new Uint8Array(await (byName.get(fileNameOfPath(p)) as ModelFile).read()),
      ),
    );
    const joined = new Uint8Array(parts.reduce((n, p) => n + p.length, 0));
    let offset = 0;
    for (const part of parts) {
      joined.set(part, offset);
      offset += part.length;
    }
    if (joined.length < group.byteLength) {
      const names = group.paths.map(fileNameOfPath).join(' + ');
      return fail(
        'short-weights',
        `${names} holds ${formatCount(joined.length)} bytes, but its weights need ${formatCount(group.byteLength)}: the file is cut short or belongs to another model.`,
      );
    }
    buffers.push(joined);
  }
  return { buffers, names: needed };
}

/** Imports a model from the files the person chose; never throws. */
export async function importTfjsModel(
  files: readonly ModelFile[],
  options: ModelImportOptions,
): Promise<ModelImportResult> {
  const jsonFile = modelJsonOf(files);
  if (!jsonFile)
    return fail(
      'no-model-json',
      'Choose the model.json together with its .bin weight files (one model.json).',
    );
  if (jsonFile.size > MAX_MODEL_JSON_BYTES)
    return fail(
      'too-large',
      `${jsonFile.name} is larger than ${formatCount(MAX_MODEL_JSON_BYTES)} bytes, too large for a model description.`,
    );
  let raw: unknown;
  try {
    raw = JSON.parse(new TextDecoder().decode(await jsonFile.read()));
  } catch (error) {
    return fail(
      'not-json',
      `${jsonFile.name} is not JSON (${error instanceof Error ? error.message : String(error)}), so it is no TensorFlow.js model.json.`,
    );
  }
  const imported = importTfjsLayersModel(raw);
  if (!imported.ok) return fail('refused', ...imported.problems);
  // What the importer built must be a network document like any other the lab takes in.
  const document = readNetworkDocument(imported.network);
  if (!document.ok)
    return fail(
      'refused',
      `The network made from ${jsonFile.name} is not one the lab can use: ${document.problem} The lab's network is unchanged.`,
    );
  const params = analyzeNetwork(imported.network).totalParams;
  if (params > MAX_TRAINABLE_PARAMS)
    return fail(
      'too-large',
      `This model has ${formatCount(params)} parameters, more than the ${formatCount(MAX_TRAINABLE_PARAMS)} the lab trains in a browser tab, so it was not imported (the lab's network is unchanged).`,
    );
  const dataset = options.datasetFor(imported.network);
  if ('problem' in dataset) return fail('no-dataset', dataset.problem);
  try {
    return await readWeights(
      imported,
      files,
      jsonFile.name,
      dataset.dataset,
      options.now ?? (() => new Date()),
    );
  } catch (error) {
    // A file that cannot be read (removed since it was picked, a browser refusal).
    return fail(
      'missing-weights',
      `A weight file could not be read: ${error instanceof Error ? error.message : String(error)}.`,
    );
  }
}

async function readWeights(
  imported: TfjsImport,
  files: readonly ModelFile[],
  jsonName: string,
  dataset: string,
  now: () => Date,
): Promise<ModelImportResult> {
  const groups = await readGroups(imported, files);
  if ('ok' in groups) return groups;
  const entries = new Map(imported.manifest.entries.map((e) => [e.name, e]));
  // The lab's own weight specs of the network, so what loads is what the engine will allocate.
  const labShapes = new Map(
    (networkWeightSpecs(imported.network) ?? []).flatMap((l) =>
      l.weights.map((w) => [`${l.name}/${w.role}`, w.shape.join('×')] as const),
    ),
  );
  const weights: WeightValues[] = [];
  const mismatches: string[] = [];
  for (const spec of imported.weightSpecs) {
    const size = spec.shape.reduce((p, n) => p * n, 1);
    const identity = {
      layerIndex: spec.layerIndex,
      name: spec.layerName,
      role: spec.role,
      shape: [...spec.shape],
    };
    const labShape = labShapes.get(`${spec.layerName}/${spec.role}`);
    const entry = spec.tfjsName === null ? null : entries.get(spec.tfjsName);
    const given = entry ? entry.shape.join('×') : spec.shape.join('×');
    if (given !== labShape) {
      mismatches.push(
        `Layer ${spec.layerIndex + 1} (“${spec.layerName}”): its ${spec.role} is ${given} in the model, but the lab's network of it needs ${labShape ?? 'none'}.`,
      );
      continue;
    }
    if (!entry) {
      weights.push({ ...identity, data: new Float32Array(size).fill(spec.fill ?? 0) });
      continue;
    }
    const buffer = groups.buffers[entry.group] as Uint8Array;
    const data = valuesOf(
      entry,
      buffer.subarray(entry.byteOffset, entry.byteOffset + entry.byteLength),
    );
    if (spec.add) for (let i = 0; i < data.length; i++) data[i] = (data[i] ?? 0) + spec.add;
    weights.push({ ...identity, data });
  }
  if (mismatches.length) return fail('shape-mismatch', ...mismatches);
  const checkpoint: Checkpoint = {
    format: CHECKPOINT_FORMAT,
    version: CHECKPOINT_VERSION,
    createdAt: now().toISOString(),
    network: imported.network,
    dataset,
    // Keras models are most often trained on pixels scaled to 0..1.
    settings: { normalisation: 'scale' },
    step: 0,
    epoch: 0,
    testAccuracy: null,
    history: { train: [], validation: [] },
    weights: weights.map((w) => encodeWeight(w)),
  };
  return {
    ok: true,
    model: {
      checkpoint,
      network: imported.network,
      files: [jsonName, ...groups.names],
      notes: imported.notes,
    },
  };
}

const sizeOf = (shape: readonly number[]): number => shape.reduce((p, n) => p * n, 1);

/**
 * The dataset an imported network can run on: images of its input shape (or, for a vector
 * input, as many values) and one output per class; the current dataset when it fits.
 */
export function datasetForNetwork(
  network: NetworkDocument,
  datasets: readonly DatasetEntry[],
  current: string,
): { dataset: string } | { problem: string } {
  const output = analyzeNetwork(network).outputShape;
  const classes = output?.length === 1 ? output[0] : null;
  const input = network.input;
  const fits = (d: DatasetEntry) =>
    d.classNames.length === classes &&
    (formatShape(d.imageShape) === formatShape(input) ||
      (input.length === 1 && sizeOf(input) === sizeOf(d.imageShape)));
  const fitting = datasets.filter(fits);
  const ready = fitting.filter((d) => d.available);
  const pick = ready.find((d) => d.id === current) ?? ready[0];
  if (pick) return { dataset: pick.id };
  const takes = `The model takes ${formatShape(input)} inputs and gives ${classes === null ? `a ${formatShape(output ?? [])} output` : `${classes} outputs`}`;
  if (fitting[0])
    return {
      problem: `${takes}, which fit ${fitting[0].title}, but that dataset is not built here. Build it (npm run datasets) and import the model again.`,
    };
  const known = datasets.map(
    (d) => `${d.title} (${formatShape(d.imageShape)}, ${d.classNames.length} classes)`,
  );
  return {
    problem: `${takes}; the lab's datasets are ${known.join(', ')}, so it could not be shown or trained here.`,
  };
}
