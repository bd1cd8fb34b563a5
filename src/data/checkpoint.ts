import type { WeightValues } from '../core/inspection';
import type { StepPoint } from '../core/metrics';
import type { NetworkDocument } from '../core/network';
import type { WeightRole } from '../core/weights';

/**
 * The lab's checkpoint file: one JSON document with the network, the settings it
 * was trained with, its run history and its weights. The pretrained networks under
 * public/models use the same format, so one loader serves both.
 */
export const CHECKPOINT_FORMAT = 'cnn-lab-checkpoint';
export const CHECKPOINT_VERSION = 1;

export interface CheckpointWeight {
  readonly layerIndex: number;
  readonly name: string;
  readonly role: WeightRole;
  readonly shape: readonly number[];
  /** float16 halves the file and changes no prediction that matters; float32 is exact. */
  readonly dtype: 'float32' | 'float16';
  /** The values, little-endian, base64. */
  readonly data: string;
}

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
}

/** The file name "Download checkpoint" gives a run, and the exported scripts load by default. */
export function checkpointFileName(networkName: unknown, dataset: string, step: number): string {
  const name = (typeof networkName === 'string' && networkName) || 'network';
  return `${name}-${dataset}-step${step}.json`.replace(/[^\w.-]+/g, '-');
}

const BASE64 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Bytes → base64 text (no DOM or Node helpers, so it runs in page, worker and Node). */
export function bytesToBase64(bytes: Uint8Array): string {
  let out = '';
  for (let i = 0; i < bytes.length; i += 3) {
    const [a, b, c] = [bytes[i] ?? 0, bytes[i + 1], bytes[i + 2]];
    const n = (a << 16) | ((b ?? 0) << 8) | (c ?? 0);
    out += BASE64[(n >> 18) & 63]! + BASE64[(n >> 12) & 63]!;
    out += b === undefined ? '=' : BASE64[(n >> 6) & 63]!;
    out += c === undefined ? '=' : BASE64[n & 63]!;
  }
  return out;
}

/** Base64 text → bytes; throws on characters outside the alphabet. */
export function base64ToBytes(text: string): Uint8Array {
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let value = 0;
  let o = 0;
  for (const ch of clean) {
    const v = BASE64.indexOf(ch);
    if (v < 0) throw new Error('the weights are not valid base64');
    value = (value << 6) | v;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (value >> bits) & 0xff;
    }
  }
  return out;
}

/** IEEE 754 half precision ↔ single, for compact weight files. */
export function toFloat16(values: Float32Array): Uint16Array {
  const out = new Uint16Array(values.length);
  const f = new Float32Array(1);
  const u = new Uint32Array(f.buffer);
  for (let i = 0; i < values.length; i++) {
    f[0] = values[i] ?? 0;
    const x = u[0] ?? 0;
    const sign = (x >>> 16) & 0x8000;
    const exp = ((x >>> 23) & 0xff) - 127 + 15;
    const mantissa = x & 0x7fffff;
    if (exp <= 0) out[i] = sign | (exp < -10 ? 0 : (mantissa | 0x800000) >> (1 - exp + 13));
    else if (exp >= 31) out[i] = sign | 0x7c00;
    else
      out[i] =
        sign |
        (exp << 10) |
        ((mantissa + 0x1000) >> 13 > 0x3ff ? 0x3ff : (mantissa + 0x1000) >> 13);
  }
  return out;
}

export function fromFloat16(halves: Uint16Array): Float32Array {
  const out = new Float32Array(halves.length);
  for (let i = 0; i < halves.length; i++) {
    const h = halves[i] ?? 0;
    const sign = h & 0x8000 ? -1 : 1;
    const exp = (h >> 10) & 0x1f;
    const mantissa = h & 0x3ff;
    out[i] =
      exp === 0
        ? sign * 2 ** -14 * (mantissa / 1024)
        : exp === 31
          ? sign * Infinity
          : sign * 2 ** (exp - 15) * (1 + mantissa / 1024);
  }
  return out;
}

/** What names a weight and its shape, copied, so a packed and an unpacked weight never share an array. */
const identityOf = (weight: WeightValues | CheckpointWeight) => ({
  layerIndex: weight.layerIndex,
  name: weight.name,
  role: weight.role,
  shape: [...weight.shape],
});

/** Packs weights for a checkpoint file. */
export function encodeWeight(
  weight: WeightValues,
  dtype: CheckpointWeight['dtype'] = 'float32',
): CheckpointWeight {
  const typed = dtype === 'float16' ? toFloat16(weight.data) : weight.data;
  const bytes = new Uint8Array(typed.buffer, typed.byteOffset, typed.byteLength);
  return { ...identityOf(weight), dtype, data: bytesToBase64(bytes) };
}

/** Unpacks one stored weight; throws with the layer's name when its size does not match its shape. */
export function decodeWeight(weight: CheckpointWeight): WeightValues {
  const bytes = base64ToBytes(weight.data);
  const size = weight.shape.reduce((a, b) => a * b, 1);
  const width = weight.dtype === 'float16' ? 2 : 4;
  if (bytes.length !== size * width) {
    throw new Error(
      `the ${weight.role} of ${weight.name} holds ${bytes.length / width} values for shape [${weight.shape.join(', ')}]`,
    );
  }
  const copy = bytes.slice().buffer;
  const data =
    weight.dtype === 'float16' ? fromFloat16(new Uint16Array(copy)) : new Float32Array(copy);
  return { ...identityOf(weight), data };
}

/** Reads a checkpoint of unknown origin; throws an Error whose message says what is wrong. */
export function parseCheckpoint(raw: unknown): Checkpoint {
  const c = raw as Partial<Checkpoint> | null;
  if (typeof c !== 'object' || c === null || c.format !== CHECKPOINT_FORMAT) {
    throw new Error('this is not a CNN Lab checkpoint (its "format" is not cnn-lab-checkpoint)');
  }
  if (typeof c.version !== 'number' || c.version > CHECKPOINT_VERSION) {
    throw new Error(
      `this checkpoint is version ${String(c.version)}, newer than this lab understands (${CHECKPOINT_VERSION})`,
    );
  }
  if (typeof c.network !== 'object' || c.network === null || !Array.isArray(c.weights)) {
    throw new Error('the checkpoint has no network or no weights');
  }
  for (const w of c.weights) {
    const ok =
      typeof w?.name === 'string' &&
      typeof w.data === 'string' &&
      Array.isArray(w.shape) &&
      w.shape.every((n: unknown) => typeof n === 'number' && Number.isInteger(n) && n > 0) &&
      (w.dtype === 'float32' || w.dtype === 'float16');
    if (!ok) throw new Error('the checkpoint has a malformed weight entry');
  }
  return {
    format: CHECKPOINT_FORMAT,
    version: c.version,
    createdAt: typeof c.createdAt === 'string' ? c.createdAt : '',
    network: c.network,
    dataset: typeof c.dataset === 'string' ? c.dataset : 'mnist',
    settings: typeof c.settings === 'object' && c.settings !== null ? c.settings : {},
    step: typeof c.step === 'number' ? c.step : 0,
    epoch: typeof c.epoch === 'number' ? c.epoch : 0,
    testAccuracy: typeof c.testAccuracy === 'number' ? c.testAccuracy : null,
    history: {
      train: Array.isArray(c.history?.train) ? c.history.train : [],
      validation: Array.isArray(c.history?.validation) ? c.history.validation : [],
    },
    weights: c.weights,
  };
}
