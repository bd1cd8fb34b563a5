import { describe, expect, it } from 'vitest';
import { decodePacked, encodePacked, packedSize } from '../../../src/data/packed';
import { makeSet } from './fixtures';

describe('packed format', () => {
  const set = makeSet(5, 4, 3, 2, 4);

  it('round-trips an image set', () => {
    const bytes = encodePacked(set);
    expect(bytes.length).toBe(32 + 5 + 5 * 4 * 3 * 2);
    expect(bytes.length).toBe(packedSize(set));
    const back = decodePacked(bytes, 'f');
    expect(back).toMatchObject({ count: 5, height: 4, width: 3, channels: 2, classCount: 4 });
    expect(back.labels).toEqual(set.labels);
    expect(back.images).toEqual(set.images);
  });

  it('lays out the header as documented: magic, then little-endian fields', () => {
    const bytes = encodePacked(set);
    expect(String.fromCharCode(...bytes.subarray(0, 4))).toBe('CNNL');
    const view = new DataView(bytes.buffer);
    expect([1, 2, 3, 4, 5, 6].map((i) => view.getUint32(i * 4, true))).toEqual([1, 5, 4, 3, 2, 4]);
    expect(Array.from(bytes.subarray(32, 37))).toEqual([0, 1, 2, 3, 0]);
  });

  it('decodes a set with no images', () => {
    expect(decodePacked(encodePacked(makeSet(0, 2, 2, 1)), 'empty').count).toBe(0);
  });

  it('rejects a wrong magic, a truncated file, a wrong version and bad labels', () => {
    const bytes = encodePacked(set);
    const wrongMagic = bytes.slice();
    wrongMagic[0] = 0x50;
    expect(() => decodePacked(wrongMagic, 'data/x.cnnlab')).toThrow(
      /^data\/x\.cnnlab: wrong magic number/,
    );
    expect(() => decodePacked(bytes.subarray(0, bytes.length - 1), 'x')).toThrow(
      /x: truncated: the header announces 5 images of 4×3×2 \(157 bytes\) but the file has 156 bytes/,
    );
    expect(() => decodePacked(bytes.subarray(0, 20), 'x')).toThrow(
      /shorter than the 32-byte header/,
    );
    const newer = bytes.slice();
    new DataView(newer.buffer).setUint32(4, 2, true);
    expect(() => decodePacked(newer, 'x')).toThrow(/format version 2/);
    const badLabel = bytes.slice();
    badLabel[33] = 9;
    expect(() => decodePacked(badLabel, 'x')).toThrow(
      /image 1 has label 9, but the file has 4 classes/,
    );
  });

  it('refuses to encode a set whose arrays disagree with its shape', () => {
    expect(() => encodePacked({ ...set, count: 6 })).toThrow(/holds 5 labels/);
  });
});
