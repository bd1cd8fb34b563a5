import { describe, expect, test } from 'vitest';
import { analyzeNetwork } from '../../../src/core/analyze';
import {
  hasBatchNormAfterEveryConv,
  withBatchNormAfterConvs,
  withoutBatchNormAfterConvs,
} from '../../../src/core/batchNormEdits';
import { CATALOGUE } from '../../../src/core/catalogue';
import type { NetworkDocument } from '../../../src/core/network';
import { parseNetwork } from '../../../src/core/parse';

const lenet: NetworkDocument = {
  input: [28, 28, 1],
  layers: [
    { type: 'conv2d', filters: 6, kernel: 5, padding: 2, activation: 'relu' },
    { type: 'maxpool2d', size: 2 },
    { type: 'conv2d', filters: 16, kernel: 5, activation: 'relu' },
    { type: 'flatten' },
    { type: 'dense', units: 10, activation: 'softmax' },
  ],
};

/** Σ 2C over the convolutions that have no batch norm after them. */
function missingBatchNormCount(network: NetworkDocument): number {
  const report = analyzeNetwork(network);
  const { layers } = parseNetwork(network);
  return layers
    .filter(
      (c) =>
        c.type === 'conv2d' &&
        !layers.some((l) => l.type === 'batchnorm' && l.sources?.join() === String(c.index)),
    )
    .reduce((sum, c) => sum + 2 * (report.layers[c.index]?.outputShape?.at(-1) ?? 0), 0);
}

describe('batch norm after every convolution', () => {
  test('LeNet-5: two batch norms, +2·6 + 2·16 = 44 parameters and 44 state values', () => {
    const before = analyzeNetwork(lenet);
    const withBn = withBatchNormAfterConvs(lenet);
    const after = analyzeNetwork(withBn);
    expect(after.ok).toBe(true);
    expect(withBn.layers.map((l) => l.type)).toEqual([
      'conv2d',
      'batchnorm',
      'maxpool2d',
      'conv2d',
      'batchnorm',
      'flatten',
      'dense',
    ]);
    expect(after.totalParams - before.totalParams).toBe(44);
    expect(after.totalState - before.totalState).toBe(44);
    expect(hasBatchNormAfterEveryConv(lenet)).toBe(false);
    expect(hasBatchNormAfterEveryConv(withBn)).toBe(true);
    // Inserting twice changes nothing more; removing gives the network back exactly.
    expect(withBatchNormAfterConvs(withBn)).toEqual(withBn);
    expect(withoutBatchNormAfterConvs(withBn)).toEqual(lenet);
  });

  test('the convolutions keep their names, so they start from the same seeded kernels', () => {
    const names = (n: NetworkDocument) =>
      parseNetwork(n)
        .layers.filter((l) => l.type !== 'batchnorm')
        .map((l) => l.name);
    expect(names(withBatchNormAfterConvs(lenet))).toEqual(names(lenet));
  });

  test('a layer that named the convolution in its inputs reads the batch norm instead', () => {
    const branched: NetworkDocument = {
      input: [8, 8, 2],
      layers: [
        { type: 'conv2d', id: 'a', filters: 2, kernel: 3, padding: 1 },
        { type: 'activation', fn: 'relu' },
        { type: 'add', inputs: ['a', 'activation_1'] },
        { type: 'flatten' },
        { type: 'dense', units: 3 },
      ],
    };
    const withBn = withBatchNormAfterConvs(branched);
    expect(withBn.layers[1]).toEqual({ type: 'batchnorm', id: 'a_bn' });
    expect(withBn.layers[3]?.inputs).toEqual(['a_bn', 'activation_1']);
    expect(analyzeNetwork(withBn).ok).toBe(true);
    expect(withoutBatchNormAfterConvs(withBn)).toEqual(branched);
  });

  test('every catalogue network: the counts rise by 2C per convolution lacking one, and removing undoes inserting where there were none', () => {
    for (const entry of CATALOGUE) {
      const network = entry.network;
      const before = analyzeNetwork(network);
      if (!before.ok) continue;
      const withBn = withBatchNormAfterConvs(network);
      const after = analyzeNetwork(withBn);
      expect(after.ok, entry.id).toBe(true);
      const added = missingBatchNormCount(network);
      expect(after.totalParams - before.totalParams, entry.id).toBe(added);
      expect(after.totalState - before.totalState, entry.id).toBe(added);
      expect(after.outputShape, entry.id).toEqual(before.outputShape);
      if (!parseNetwork(network).layers.some((l) => l.type === 'batchnorm'))
        expect(withoutBatchNormAfterConvs(withBn), entry.id).toEqual(network);
    }
  });
});
