import { describe, expect, it } from 'vitest';
import type { WeightValues } from '../../../src/core/inspection';
import {
  checkTransferRequest,
  isConvolution,
  maxAbsDifference,
  measurementSteps,
  networkWithFrozen,
  transferredWeights,
} from '../../../src/core/transfer';

const weight = (name: string, role: 'kernel' | 'bias', value: number): WeightValues => ({
  layerIndex: 0,
  name,
  role,
  shape: [2],
  data: Float32Array.of(value, value),
});

describe('the transfer experiment rules', () => {
  it('measures at 0, evenly between, and at the last step', () => {
    expect(measurementSteps(200)).toEqual([0, 20, 40, 60, 80, 100, 120, 140, 160, 180, 200]);
    expect(measurementSteps(25, 4)).toEqual([0, 6, 13, 19, 25]);
  });

  it('max |Δw| is 0 only for equal values, and a NaN counts as a change', () => {
    expect(maxAbsDifference([1, -2, 3], [1, -2, 3])).toBe(0);
    expect(maxAbsDifference([1, -2, 3], [1, -2.5, 3.25])).toBe(0.5);
    expect(maxAbsDifference([1], [NaN])).toBe(Infinity);
    expect(() => maxAbsDifference([1], [1, 2])).toThrow('Cannot compare 1 values with 2.');
  });

  it('freezes the convolutions of a network and nothing else', () => {
    const net = networkWithFrozen(
      {
        input: [28, 28, 1],
        layers: [{ type: 'conv2d', filters: 2, kernel: 3 }, { type: 'flatten' }],
      },
      isConvolution,
    );
    expect(net.layers).toEqual([
      { type: 'conv2d', filters: 2, kernel: 3, frozen: true },
      { type: 'flatten' },
    ]);
  });

  it('starts the fine-tuned run from the pretrained kept layers and the fresh rest', () => {
    const fresh = [weight('conv2d_1', 'kernel', 0), weight('dense_1', 'kernel', 0)];
    const trained = [weight('conv2d_1', 'kernel', 7), weight('dense_1', 'kernel', 9)];
    const out = transferredWeights(fresh, trained, (n) => n === 'conv2d_1');
    expect(out.map((w) => [...w.data])).toEqual([
      [7, 7],
      [0, 0],
    ]);
    expect(() => transferredWeights(fresh, [], () => true)).toThrow(
      'The pretrained weights have no kernel for layer conv2d_1.',
    );
  });

  it('refuses requests outside the limits, in words', () => {
    expect(() => checkTransferRequest({ trainCount: 300, steps: 200, seed: 1 })).not.toThrow();
    expect(() => checkTransferRequest({ trainCount: 300, steps: 1000, seed: 1 })).toThrow(
      'The steps must be a whole number from 20 to 400.',
    );
    expect(() => checkTransferRequest({ trainCount: 300, steps: 200, seed: -1 })).toThrow(/seed/);
  });
});
