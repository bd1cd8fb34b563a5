import { describe, expect, it } from 'vitest';
import { analyzeCatalogue, fieldSizes } from './helpers';

/** The receptive-field panel's growth examples: the decks' linear and multiplied growth. */
describe('the lecture stacks of 3×3 convolutions', () => {
  it('stride 1 grows the field by K − 1 = 2 per layer: 3, 5, 7, 9', () => {
    const report = analyzeCatalogue('conv3-stack');
    expect(report.ok).toBe(true);
    expect(report.warnings).toEqual([]);
    expect(fieldSizes(report).slice(0, 4)).toEqual([3, 5, 7, 9]);
    expect(report.layers.slice(0, 4).map((l) => l.outputShape)).toEqual(Array(4).fill([28, 28, 8]));
  });

  it('stride 2 doubles the jump each layer, so the additions double: 3, 7, 15, 31', () => {
    const report = analyzeCatalogue('strided-stack');
    expect(report.ok).toBe(true);
    expect(report.warnings).toEqual([]);
    expect(fieldSizes(report).slice(0, 4)).toEqual([3, 7, 15, 31]);
    expect(report.layers.slice(0, 4).map((l) => l.receptiveField?.jump[0])).toEqual([2, 4, 8, 16]);
    expect(report.layers.slice(0, 4).map((l) => l.outputShape?.[0])).toEqual([14, 7, 4, 2]);
  });

  it('both end in a 10-way classifier, so they train on the lab’s datasets', () => {
    for (const id of ['conv3-stack', 'strided-stack']) {
      expect(analyzeCatalogue(id).outputShape).toEqual([10]);
    }
  });
});
