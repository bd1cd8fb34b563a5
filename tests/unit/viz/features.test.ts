import { describe, expect, it } from 'vitest';
import { argMax, channelOf, kernelImage, kernelSlice } from '../../../src/viz/features';

describe('feature-map slicing', () => {
  it('takes one channel of an HWC activation', () => {
    // 2×2×3 with value = 100·row + 10·col + channel.
    const values = Float32Array.from({ length: 12 }, (_, i) => {
      const c = i % 3;
      const p = Math.floor(i / 3);
      return 100 * Math.floor(p / 2) + 10 * (p % 2) + c;
    });
    expect([...channelOf(values, [2, 2, 3], 2)]).toEqual([2, 12, 102, 112]);
    expect([...channelOf(values, [2, 2, 3], 0)]).toEqual([0, 10, 100, 110]);
  });

  it('draws a vector as one row', () => {
    expect([...channelOf([5, 6, 7], [3], 0)]).toEqual([5, 6, 7]);
  });

  it('slices a [kh, kw, in, out] kernel by filter and input channel', () => {
    // kh = kw = 2, in = 2, out = 3: value = 1000·p + 10·in + out.
    const shape = [2, 2, 2, 3];
    const kernel = Float32Array.from({ length: 24 }, (_, i) => {
      const out = i % 3;
      const input = Math.floor(i / 3) % 2;
      const p = Math.floor(i / 6);
      return 1000 * p + 10 * input + out;
    });
    expect([...kernelSlice(kernel, shape, 2, 1)]).toEqual([12, 1012, 2012, 3012]);
    expect([...kernelImage(kernel, shape, 1)]).toEqual([1, 11, 1001, 1011, 2001, 2011, 3001, 3011]);
  });

  // Its ranges (rangeOf with constantPad 1) are checked in tests/unit/core/range.test.ts.
  it('finds the strongest unit', () => {
    expect(argMax([0, 1, 9, 2, 3, 4], 3)).toEqual({ row: 0, col: 2, value: 9 });
  });
});
