import { describe, expect, test } from 'vitest';
import { createToyData, TOY_DATASETS } from '../../../src/core/toyData';

describe('toy datasets', () => {
  test.each(TOY_DATASETS)('%s: seeded, balanced, on the plane', (dataset) => {
    const a = createToyData({ dataset, count: 301, noise: 0.1, seed: 7 });
    const b = createToyData({ dataset, count: 301, noise: 0.1, seed: 7 });
    const c = createToyData({ dataset, count: 301, noise: 0.1, seed: 8 });
    expect(a.count).toBe(300);
    expect(a.xy).toEqual(b.xy);
    expect(a.labels).toEqual(b.labels);
    expect(a.xy).not.toEqual(c.xy);
    const ones = a.labels.reduce((s, l) => s + l, 0);
    expect(ones).toBe(150);
    for (const v of a.xy) expect(Math.abs(v)).toBeLessThan(2.5);
  });

  test('XOR without noise: class 1 exactly where x·y > 0', () => {
    const d = createToyData({ dataset: 'xor', count: 400, noise: 0, seed: 1 });
    for (let k = 0; k < d.count; k++) {
      const product = (d.xy[2 * k] ?? 0) * (d.xy[2 * k + 1] ?? 0);
      expect(product > 0 ? 1 : 0).toBe(d.labels[k]);
      expect(Math.abs(product)).toBeGreaterThan(0.0063); // both coordinates keep off the axes
    }
  });

  test('circles without noise: class 1 inside r = 0.45, class 0 in the ring from 0.7', () => {
    const d = createToyData({ dataset: 'circles', count: 200, noise: 0, seed: 2 });
    for (let k = 0; k < d.count; k++) {
      const r = Math.hypot(d.xy[2 * k] ?? 0, d.xy[2 * k + 1] ?? 0);
      if (d.labels[k] === 1) expect(r).toBeLessThan(0.45);
      else expect(r).toBeGreaterThanOrEqual(0.7 - 1e-12);
    }
  });

  test('noise moves the points but keeps the labels', () => {
    const clean = createToyData({ dataset: 'spirals', count: 100, noise: 0, seed: 3 });
    const noisy = createToyData({ dataset: 'spirals', count: 100, noise: 0.3, seed: 3 });
    expect(noisy.labels).toEqual(clean.labels);
    expect(noisy.xy).not.toEqual(clean.xy);
  });
});
