import { describe, expect, it } from 'vitest';
import { BLOCK_COLORS, BLOCK_LEGEND } from '../../../src/viz/architecture/colors';

describe('block colours and legend', () => {
  it('keeps the legend in its order, without the unknown kind', () => {
    expect(BLOCK_LEGEND.map((b) => b.kind)).toEqual([
      'input',
      'conv',
      'pool',
      'flatten',
      'dense',
      'norm',
      'activation',
      'dropout',
      'merge',
    ]);
    expect(BLOCK_LEGEND.find((b) => b.kind === 'merge')?.label).toBe('Add / concat');
  });

  it('gives every kind a colour, the legend kinds distinct ones', () => {
    expect(BLOCK_COLORS.unknown).toBe('#ffffff');
    expect(BLOCK_COLORS.conv).toBe('#0072b2');
    const legendColours = BLOCK_LEGEND.map((b) => BLOCK_COLORS[b.kind]);
    expect(new Set(legendColours).size).toBe(legendColours.length);
  });
});
