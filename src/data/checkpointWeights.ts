import type { WeightValues } from '../core/inspection';
import type { WeightRole } from '../core/weights';

/**
 * How a checkpoint stores a weight: its values packed little-endian as base64, in float32
 * or float16, with the layer, name, role and shape that say where it goes.
 */
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
