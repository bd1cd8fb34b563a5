import { describe, expect, it } from 'vitest';
import { formatValue, layerPicture, stripValues } from '../../../../src/viz/network/display';
import { logDomain } from '../../../../src/viz/network/flow';
import { operationName, operationOf } from '../../../../src/viz/network/operations';
import { stageAt, stageCount, stageIndex, stepStage } from '../../../../src/viz/network/stages';
import { analyzeNetwork } from '../../../../src/core/analyze';
import { catalogueEntryOf } from '../../../../src/core/catalogue';

describe('stages', () => {
  it('runs forward through every layer, then backward to the first', () => {
    const order = Array.from({ length: stageCount(3) }, (_, i) => stageAt(i, 3));
    expect(order).toEqual([
      { pass: 'f', layer: 0 },
      { pass: 'f', layer: 1 },
      { pass: 'f', layer: 2 },
      { pass: 'b', layer: 2 },
      { pass: 'b', layer: 1 },
      { pass: 'b', layer: 0 },
    ]);
    order.forEach((s, i) => expect(stageIndex(s, 3)).toBe(i));
  });
  it('steps and stops at both ends; clamps layers past the end', () => {
    expect(stepStage({ pass: 'f', layer: 2 }, 3, 1)).toEqual({ pass: 'b', layer: 2 });
    expect(stepStage({ pass: 'b', layer: 0 }, 3, 1)).toBeNull();
    expect(stepStage({ pass: 'f', layer: 0 }, 3, -1)).toBeNull();
    expect(stageIndex({ pass: 'b', layer: 40 }, 3)).toBe(3);
  });
});

describe('layer pictures (layout)', () => {
  it('shows the first four channels of a spatial map, sized by the map', () => {
    expect(layerPicture([28, 28, 6])).toEqual({ kind: 'maps', channels: 4, total: 6, size: 56 });
    expect(layerPicture([5, 5, 16])).toEqual({ kind: 'maps', channels: 4, total: 16, size: 24 });
    expect(layerPicture([14, 14, 2])).toMatchObject({ channels: 2, size: 28 });
  });
  it('lays dense units out in rows of at most 16', () => {
    expect(layerPicture([120])).toEqual({
      kind: 'strip',
      units: 120,
      grid: { height: 8, width: 15, channels: 1 },
    });
    expect(layerPicture([84])).toMatchObject({ grid: { height: 6, width: 14 } });
    expect(layerPicture([127])).toMatchObject({ grid: { height: 8, width: 16 } });
    // A flattened 28×28 image comes back as 28 rows of 28.
    expect(layerPicture([784])).toMatchObject({ grid: { height: 28, width: 28 } });
    expect(layerPicture([10])).toMatchObject({ grid: { height: 1, width: 10 } });
    const strip = stripValues([1, 2, 3], { height: 1, width: 4, channels: 1 });
    expect(Array.from(strip.slice(0, 3))).toEqual([1, 2, 3]);
    expect(Number.isNaN(strip[3])).toBe(true);
  });
  it('every LeNet-5 layer gets a picture matching its output', () => {
    const network = catalogueEntryOf('lenet5')?.network;
    if (!network) throw new Error('no lenet5');
    const kinds = analyzeNetwork(network).layers.map((l) => layerPicture(l.outputShape ?? []).kind);
    expect(kinds).toEqual(['maps', 'maps', 'maps', 'maps', 'strip', 'strip', 'strip', 'strip']);
  });
});

describe('colour ranges', () => {
  // Gradient and activation colour ranges: tests/unit/core/range.test.ts.
  it('formats tiny gradients in exponent form', () => {
    expect(formatValue(0.000123)).toBe('1.2×10^-4');
    expect(formatValue(0.5)).toBe('0.5');
    expect(formatValue(-1.23456)).toBe('-1.23');
    expect(formatValue(0)).toBe('0');
  });
  it('gives the log axis whole decades around the positive norms', () => {
    const points = [
      { step: 1, norms: new Float32Array([0, 0.003, 2]) },
      { step: 2, norms: new Float32Array([0, 0.02, 0.5]) },
    ];
    const [lo, hi] = logDomain(points, [1, 2]);
    expect(lo).toBeCloseTo(0.001, 10);
    expect(hi).toBeCloseTo(10, 10);
    expect(logDomain([], [0])).toEqual([1e-4, 1]);
  });
});

describe('operations', () => {
  it('names every LeNet-5 layer', () => {
    const network = catalogueEntryOf('lenet5')?.network;
    if (!network) throw new Error('no lenet5');
    const names = analyzeNetwork(network).layers.map((l) => operationName(operationOf(l)));
    expect(names).toEqual([
      'convolution → ReLU',
      'max pooling',
      'convolution → ReLU',
      'max pooling',
      'flatten',
      'dense → ReLU',
      'dense → ReLU',
      'dense → softmax',
    ]);
  });
  it('puts the activation first on the way back', () => {
    const op = operationOf({ type: 'dense', params: { activation: 'softmax' } });
    expect(op.backward[0]).toContain('p');
    expect(op.forward.at(-1)).toContain('e^');
  });
});
