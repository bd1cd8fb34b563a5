import { describe, expect, it } from 'vitest';
import {
  base64ToBytes,
  bytesToBase64,
  decodeWeight,
  encodeWeight,
  fromFloat16,
  parseCheckpoint,
  toFloat16,
} from '../../../src/data/checkpoint';

const weight = (data: Float32Array, shape: number[]) => ({
  layerIndex: 0,
  name: 'conv2d_1',
  role: 'kernel' as const,
  shape,
  data,
});

describe('checkpoint format', () => {
  it('base64 round-trips bytes of every length', () => {
    for (let n = 0; n < 10; n++) {
      const bytes = Uint8Array.from({ length: n }, (_, i) => (i * 97 + 13) & 0xff);
      expect([...base64ToBytes(bytesToBase64(bytes))]).toEqual([...bytes]);
    }
    expect(bytesToBase64(new TextEncoder().encode('Man'))).toBe('TWFu');
    expect(() => base64ToBytes('ab$d')).toThrow('base64');
  });

  it('base64 of a buffer of several chunks is btoa of its bytes one by one, and comes back', () => {
    const bytes = Uint8Array.from({ length: 100_001 }, (_, i) => (i * 131 + 7) & 0xff);
    let binary = '';
    for (const b of bytes) binary += String.fromCharCode(b);
    const text = bytesToBase64(bytes);
    expect(text).toBe(btoa(binary));
    expect(base64ToBytes(text)).toEqual(bytes);
  });

  it('float32 weights come back exactly', () => {
    const data = Float32Array.from([0.1, -2.5, 1e-8, 3.4e38, -0]);
    const back = decodeWeight(encodeWeight(weight(data, [5])));
    expect([...back.data]).toEqual([...data]);
    expect(back.shape).toEqual([5]);
  });

  it('float16 weights come back within half precision (relative error below 1e-3)', () => {
    const data = Float32Array.from({ length: 1000 }, (_, i) => Math.sin(i * 12.9898) * 0.3);
    const back = decodeWeight(encodeWeight(weight(data, [10, 100]), 'float16'));
    data.forEach((v, i) => {
      const b = back.data[i] ?? NaN;
      expect(Math.abs(b - v)).toBeLessThanOrEqual(Math.abs(v) * 1e-3 + 1e-7);
    });
    expect(fromFloat16(toFloat16(Float32Array.from([1, -2, 65504, 0])))).toEqual(
      Float32Array.from([1, -2, 65504, 0]),
    );
  });

  it('a weight whose size does not match its shape is refused, naming the layer', () => {
    const stored = encodeWeight(weight(new Float32Array(6), [6]));
    expect(() => decodeWeight({ ...stored, shape: [2, 4] })).toThrow('conv2d_1');
  });

  it('parseCheckpoint refuses files that are not checkpoints, newer ones and malformed weights', () => {
    expect(() => parseCheckpoint({ hello: 1 })).toThrow('not a CNN Lab checkpoint');
    expect(() => parseCheckpoint({ format: 'cnn-lab-checkpoint', version: 99 })).toThrow('newer');
    // Every field is checked now (checkpointSchema.test.ts has the cases): a checkpoint with
    // fields left out is refused with the first one named, not filled in with guesses.
    expect(() =>
      parseCheckpoint({
        format: 'cnn-lab-checkpoint',
        version: 1,
        network: {},
        weights: [{ name: 'x' }],
      }),
    ).toThrow('network is not a network document');
    expect(() =>
      parseCheckpoint({
        format: 'cnn-lab-checkpoint',
        version: 1,
        network: { input: [1], layers: [{ type: 'dense', units: 1 }] },
        weights: [],
      }),
    ).toThrow('dataset is missing');
  });
});
