import { describe, expect, it } from 'vitest';
import { maxoutParamCount } from '../../../src/core/layers/maxout';
import { maxoutReference } from '../../../src/core/reference';
import { weightSpecsOf, weightSizeOf } from '../../../src/core/weights';
import { analyze, layerAt } from './helpers';

describe('maxout (Goodfellow et al. 2013)', () => {
  it('has k·m·(n + 1) parameters and k·m·n multiply-accumulates', () => {
    const report = analyze(
      [100],
      [
        { type: 'maxout', units: 20, pieces: 4 },
        { type: 'maxout', units: 10, pieces: 3, bias: false },
      ],
    );
    expect(report.ok).toBe(true);
    expect(layerAt(report, 0).outputShape).toEqual([20]);
    expect(layerAt(report, 0).paramCount).toBe(4 * 20 * 101);
    expect(layerAt(report, 0).macs).toBe(4 * 20 * 100);
    expect(layerAt(report, 1).paramCount).toBe(3 * 10 * 20);
    expect(maxoutParamCount(100, 20, 4)).toBe(8080);
  });

  it('allocates exactly what it counts: a [n, m·k] kernel and m·k biases', () => {
    const specs = weightSpecsOf('maxout', { units: 20, pieces: 4, bias: true }, [[100]]);
    expect(specs.map((s) => s.shape)).toEqual([[100, 80], [80]]);
    expect(specs.reduce((sum, s) => sum + weightSizeOf(s), 0)).toBe(8080);
  });

  it('needs a flat input and warns that one piece is a plain dense layer', () => {
    const spatial = analyze([4, 4, 2], [{ type: 'maxout', units: 3 }]);
    expect(spatial.errors[0]?.message).toContain('needs a flat vector');
    const one = analyze([4], [{ type: 'maxout', units: 3, pieces: 1 }]);
    expect(layerAt(one, 0).diagnostics[0]?.message).toContain('linear dense layer');
  });

  it('the reference takes each unit’s largest piece, piece p of unit j in column j·k + p', () => {
    // Two inputs, two units of three pieces: columns u0p0 u0p1 u0p2 u1p0 u1p1 u1p2.
    const kernel = {
      shape: [2, 6],
      data: Float32Array.from([1, -1, 0, 2, 0, -2, 0, 1, 3, 1, 1, 1]),
    };
    const bias = Float32Array.from([0, 0, -10, 0, 0.5, 0]);
    const out = maxoutReference({ shape: [2], data: Float32Array.from([2, 1]) }, kernel, bias, 3);
    // unit 0: pieces 2, −1, 3 − 10 = −7 → 2; unit 1: 4 + 1 = 5, 0 + 1 + 0.5 = 1.5, −4 + 1 = −3 → 5.
    expect([...out.data]).toEqual([2, 5]);
    expect(out.shape).toEqual([2]);
  });
});
