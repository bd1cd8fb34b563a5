/**
 * The `weightsManifest` of a TensorFlow.js model.json: groups of weight files (`paths`, the
 * shards of one buffer, concatenated in order) and the weights laid end to end in each
 * group's buffer, little-endian, in the order listed. The converter may quantise a float32
 * weight to float16, or to uint8/uint16 with value = q·scale + min (tfjs-core's io types).
 */

export type QuantizationDtype = 'uint8' | 'uint16' | 'float16';

export interface ManifestEntry {
  /** As the manifest writes it, e.g. `conv2d/kernel` or `sequential/dense/bias`. */
  readonly name: string;
  readonly shape: readonly number[];
  readonly dtype: string;
  readonly quantization: {
    readonly dtype: QuantizationDtype;
    readonly scale: number;
    readonly min: number;
  } | null;
  /** Index of its group in the manifest. */
  readonly group: number;
  /** Where its bytes start in the group's buffer, and how many. */
  readonly byteOffset: number;
  readonly byteLength: number;
}

export interface ManifestGroup {
  /** The weight files of the group, in order, as the manifest names them. */
  readonly paths: readonly string[];
  /** The group's buffer length the entries need. */
  readonly byteLength: number;
}

export interface WeightManifest {
  readonly groups: readonly ManifestGroup[];
  readonly entries: readonly ManifestEntry[];
}

/** Bytes per value of each stored dtype (strings have no fixed size and are refused). */
const VALUE_BYTES: Readonly<Record<string, number>> = {
  float32: 4,
  int32: 4,
  bool: 1,
  complex64: 8,
  uint8: 1,
  uint16: 2,
  float16: 2,
};

const MAX_GROUPS = 1_000;
const MAX_ENTRIES = 20_000;
const MAX_PATHS = 10_000;
/** Half a billion values: far past what a browser tab trains, small enough to count safely. */
const MAX_VALUES = 500_000_000;

const isRecord = (v: unknown): v is Record<string, unknown> =>
  typeof v === 'object' && v !== null && !Array.isArray(v);

const quoted = (s: string): string => JSON.stringify(s.length > 60 ? `${s.slice(0, 57)}...` : s);

/** The manifest's file name for a path: the part after the last slash (`./group1-shard1of1.bin`). */
export function fileNameOfPath(path: string): string {
  const base = path.slice(path.lastIndexOf('/') + 1);
  try {
    return decodeURIComponent(base);
  } catch {
    return base;
  }
}

function parseEntry(
  raw: unknown,
  group: number,
  byteOffset: number,
): ManifestEntry | { problem: string } {
  if (!isRecord(raw) || typeof raw.name !== 'string' || raw.name.length > 500)
    return { problem: 'a weight entry has no name' };
  const name = raw.name;
  const shape = raw.shape;
  if (
    !Array.isArray(shape) ||
    shape.length > 8 ||
    !shape.every((n) => typeof n === 'number' && Number.isInteger(n) && n >= 0)
  )
    return { problem: `the weight ${quoted(name)} has no shape of whole numbers` };
  const values = (shape as number[]).reduce((p, n) => p * n, 1);
  if (values > MAX_VALUES) return { problem: `the weight ${quoted(name)} is too large to read` };
  const dtype = typeof raw.dtype === 'string' ? raw.dtype : 'float32';
  let quantization: ManifestEntry['quantization'] = null;
  if (raw.quantization !== undefined && raw.quantization !== null) {
    const q = raw.quantization;
    const qd = isRecord(q) ? q.dtype : undefined;
    if (qd !== 'uint8' && qd !== 'uint16' && qd !== 'float16')
      return { problem: `the weight ${quoted(name)} is quantised in a way the lab cannot read` };
    const scale = isRecord(q) && typeof q.scale === 'number' ? q.scale : 1;
    const min = isRecord(q) && typeof q.min === 'number' ? q.min : 0;
    if (
      qd !== 'float16' &&
      !(isRecord(q) && typeof q.scale === 'number' && typeof q.min === 'number')
    )
      return {
        problem: `the weight ${quoted(name)} is quantised to ${qd} without its scale and min`,
      };
    quantization = { dtype: qd, scale, min };
  }
  const width = VALUE_BYTES[quantization?.dtype ?? dtype];
  if (width === undefined)
    return {
      problem: `the weight ${quoted(name)} is of type ${quoted(dtype)}, which has no fixed size; the lab reads float32 weights`,
    };
  return { name, shape, dtype, quantization, group, byteOffset, byteLength: values * width };
}

/** Reads a `weightsManifest` of unknown origin, or says what is wrong with it. */
export function parseWeightsManifest(raw: unknown): WeightManifest | { problem: string } {
  if (raw === undefined || raw === null) return { groups: [], entries: [] };
  if (!Array.isArray(raw) || raw.length > MAX_GROUPS)
    return { problem: 'its weightsManifest is not a list of weight groups' };
  const groups: ManifestGroup[] = [];
  const entries: ManifestEntry[] = [];
  let pathCount = 0;
  for (const [g, group] of raw.entries()) {
    if (!isRecord(group) || !Array.isArray(group.paths) || !Array.isArray(group.weights))
      return { problem: `weight group ${g + 1} has no "paths" and "weights" lists` };
    pathCount += group.paths.length;
    if (
      pathCount > MAX_PATHS ||
      !group.paths.every((p) => typeof p === 'string' && p.length > 0 && p.length <= 1000)
    )
      return { problem: `weight group ${g + 1} names its files oddly (paths must be file names)` };
    if (entries.length + group.weights.length > MAX_ENTRIES)
      return {
        problem: `the manifest lists more than ${MAX_ENTRIES.toLocaleString('en-US')} weights`,
      };
    let offset = 0;
    for (const item of group.weights) {
      const entry = parseEntry(item, g, offset);
      if ('problem' in entry) return entry;
      entries.push(entry);
      offset += entry.byteLength;
    }
    groups.push({ paths: group.paths as string[], byteLength: offset });
  }
  return { groups, entries };
}
