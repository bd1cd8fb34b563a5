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

/** The platform's base64 on typed arrays (ES2026; Chromium 140, Firefox 133, Safari 18.2). */
interface Base64Codec {
  toBase64?: (this: Uint8Array) => string;
}
interface Base64Decoder {
  fromBase64?: (text: string) => Uint8Array;
}

/** Bytes per String.fromCharCode call where there is no toBase64: under every argument limit. */
const CHUNK = 0x2000;

/**
 * Bytes → base64 text with the platform's own encoder: Uint8Array's toBase64 where there is
 * one, else btoa (Node 20). A checkpoint of the MLP with Adam's state is 1.3 MB; built four
 * characters at a time in JavaScript it held the page's main thread for 100 ms or more
 * (mostly collecting the pieces), toBase64 takes about 2 ms.
 */
export function bytesToBase64(bytes: Uint8Array): string {
  const native = (Uint8Array.prototype as Base64Codec).toBase64;
  if (native) return native.call(bytes);
  const parts: string[] = [];
  for (let i = 0; i < bytes.length; i += CHUNK) {
    parts.push(String.fromCharCode(...bytes.subarray(i, i + CHUNK)));
  }
  return btoa(parts.join(''));
}

/** Base64 text → bytes (fromBase64, else atob); throws on characters outside the alphabet. */
export function base64ToBytes(text: string): Uint8Array {
  const native = (Uint8Array as Base64Decoder).fromBase64;
  try {
    if (native) return native(text);
    const binary = atob(text);
    const out = new Uint8Array(binary.length);
    for (let i = 0; i < binary.length; i++) out[i] = binary.charCodeAt(i);
    return out;
  } catch {
    throw new Error('the weights are not valid base64');
  }
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
