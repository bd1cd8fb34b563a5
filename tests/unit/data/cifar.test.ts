import { describe, expect, it } from 'vitest';
import { parseCifarBatch, parseCifarMeta } from '../../../src/data/cifar';
import { concatImageSets, imageAt } from '../../../src/data/types';
import { cifarBytes } from './fixtures';

describe('CIFAR-10 binary parser', () => {
  it('reads labels and turns the R, G, B planes into interleaved HWC pixels', () => {
    const set = parseCifarBatch(cifarBytes([3, 9]), 'data_batch_1.bin');
    expect(set).toMatchObject({ count: 2, height: 32, width: 32, channels: 3, classCount: 10 });
    expect(Array.from(set.labels)).toEqual([3, 9]);
    // Image 1, row 1, column 2 is plane position p = 34: (1 + 34, 100 + 34, 200 + 1).
    const image = imageAt(set, 1);
    const p = 1 * 32 + 2;
    expect(Array.from(image.subarray(p * 3, p * 3 + 3))).toEqual([35, 134, 201]);
    expect(Array.from(imageAt(set, 0).subarray(0, 6))).toEqual([0, 100, 200, 1, 101, 200]);
  });

  it('rejects a file that is not a whole number of 3,073-byte records, naming it', () => {
    const truncated = cifarBytes([1, 2]).subarray(0, 3073 + 100);
    expect(() => parseCifarBatch(truncated, 'test_batch.bin')).toThrow(
      /^test_batch\.bin: wrong record size: 3,173 bytes is not a whole number of 3,073-byte records \(1 records and 100 bytes left over\)/,
    );
  });

  it('recognises the CIFAR-100 record size', () => {
    expect(() => parseCifarBatch(new Uint8Array(3074 * 2), 'train.bin')).toThrow(/CIFAR-100/);
  });

  it('rejects an empty file and labels above 9', () => {
    expect(() => parseCifarBatch(new Uint8Array(0), 'x.bin')).toThrow(/x\.bin: is empty/);
    const bad = cifarBytes([1, 2]);
    bad[3073] = 200;
    expect(() => parseCifarBatch(bad, 'x.bin')).toThrow(/record 1 \(byte 3,073\) has label 200/);
  });

  it('joins batches in order', () => {
    const a = parseCifarBatch(cifarBytes([1]), 'a');
    const b = parseCifarBatch(cifarBytes([2, 3]), 'b');
    const joined = concatImageSets([a, b]);
    expect(joined.count).toBe(3);
    expect(Array.from(joined.labels)).toEqual([1, 2, 3]);
    expect(imageAt(joined, 1)).toEqual(imageAt(b, 0));
  });

  it('reads batches.meta.txt class names and checks there are ten', () => {
    const text = 'airplane\nautomobile\nbird\ncat\ndeer\ndog\nfrog\nhorse\nship\ntruck\n\n';
    expect(parseCifarMeta(text, 'm')).toHaveLength(10);
    expect(parseCifarMeta(text.replace(/\n/g, '\r\n'), 'm')[9]).toBe('truck');
    expect(() => parseCifarMeta('cat\ndog\n', 'batches.meta.txt')).toThrow(
      /batches\.meta\.txt: lists 2 class names/,
    );
  });
});
