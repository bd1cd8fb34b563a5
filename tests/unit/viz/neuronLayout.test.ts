import { describe, expect, test } from 'vitest';
import {
  edgeWidthOf,
  layoutNeuronGraph,
  maxAbsWeight,
} from '../../../src/viz/neurons/neuronLayout';
import { gridToRgba, weightColorOf } from '../../../src/viz/neurons/planeColors';

describe('neuron graph layout', () => {
  const layout = layoutNeuronGraph([2, 4, 3, 1], 600, 300, 40);

  test('one node per unit and one edge per weight', () => {
    expect(layout.nodes).toHaveLength(2 + 4 + 3 + 1);
    expect(layout.edges).toHaveLength(2 * 4 + 4 * 3 + 3 * 1);
    expect(layout.edges.filter((e) => e.layer === 1 && e.to === 2)).toHaveLength(4);
  });

  test('layers go left to right, units top to bottom, all inside the box', () => {
    const xs = [0, 1, 2, 3].map((l) => layout.nodes.find((n) => n.layer === l)?.x ?? NaN);
    expect(xs).toEqual([...xs].sort((a, b) => a - b));
    expect(new Set(xs).size).toBe(4);
    for (const n of layout.nodes) {
      expect(n.x - 20).toBeGreaterThanOrEqual(0);
      expect(n.x + 20).toBeLessThanOrEqual(600);
      expect(n.y - 20).toBeGreaterThanOrEqual(0);
      expect(n.y + 20).toBeLessThanOrEqual(300);
    }
    const hidden = layout.nodes.filter((n) => n.layer === 1).map((n) => n.y);
    expect(hidden).toEqual([...hidden].sort((a, b) => a - b));
    // A column is centred on the middle, and nodes do not overlap.
    expect((hidden[0]! + hidden[3]!) / 2).toBeCloseTo(150, 9);
    expect(hidden[1]! - hidden[0]!).toBeGreaterThanOrEqual(40);
  });

  test('edges join the right sides of their nodes', () => {
    const edge = layout.edges.find((e) => e.layer === 0 && e.from === 1 && e.to === 3);
    const source = layout.nodes.find((n) => n.layer === 0 && n.unit === 1);
    const target = layout.nodes.find((n) => n.layer === 1 && n.unit === 3);
    expect(edge?.x1).toBe((source?.x ?? 0) + 20);
    expect(edge?.y2).toBe(target?.y);
    expect(edge?.x2).toBe((target?.x ?? 0) - 20);
  });

  test('a perceptron: inputs and output only', () => {
    const p = layoutNeuronGraph([2, 1], 300, 200, 40);
    expect(p.edges).toHaveLength(2);
  });

  test('edge width grows with |w| and colour follows the sign', () => {
    const max = maxAbsWeight([Float64Array.of(0.5, -2), Float64Array.of(1)]);
    expect(max).toBe(2);
    expect(edgeWidthOf(-2, max)).toBe(6);
    expect(edgeWidthOf(0, max)).toBe(0.5);
    expect(edgeWidthOf(1, max)).toBeCloseTo(3.25, 9);
    expect(weightColorOf(0.1)).not.toBe(weightColorOf(-0.1));
  });

  test('probability colours: the two classes are far apart, 0.5 is light', () => {
    const px = gridToRgba(Float64Array.of(0, 0.5, 1), 'probability');
    const luminance = (k: number) => (px[4 * k]! + px[4 * k + 1]! + px[4 * k + 2]!) / 3;
    expect(luminance(1)).toBeGreaterThan(luminance(0));
    expect(luminance(1)).toBeGreaterThan(luminance(2));
    expect(Math.abs(px[0]! - px[8]!) + Math.abs(px[2]! - px[10]!)).toBeGreaterThan(80);
    // Class 0 regions are orange (more red than blue), class 1 regions purple (more blue).
    expect(px[0]!).toBeGreaterThan(px[2]!);
    expect(px[10]!).toBeGreaterThan(px[8]!);
  });

  test('activation thumbnails: positive purple, negative orange, scaled by the largest |a|', () => {
    const px = gridToRgba(Float64Array.of(-2, 0, 4), 'activation');
    expect(px[10]!).toBeGreaterThan(px[8]!); // +4 → purple
    expect(px[0]!).toBeGreaterThan(px[2]!); // −2 → orange
    expect(px[4]! + px[5]! + px[6]!).toBeGreaterThan(3 * 230); // 0 → near white
  });
});
