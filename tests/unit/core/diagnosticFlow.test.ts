import { describe, expect, it } from 'vitest';
import { formatDiagnostic, hasErrors, type Diagnostic } from '../../../src/core/diagnostics';
import { analyze } from './helpers';

const conv = (extra: object = {}) => ({ type: 'conv2d', filters: 4, kernel: 3, ...extra });

describe('errors stop the layers after them, without repeating', () => {
  it('a kernel that does not fit leaves every later shape unknown and reports once', () => {
    const report = analyze(
      [8, 8, 1],
      [
        conv({ padding: 1 }),
        conv({ kernel: 9 }),
        conv(),
        { type: 'flatten' },
        { type: 'dense', units: 10 },
      ],
    );
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]?.layerIndex).toBe(1);
    expect(report.layers.map((l) => l.outputShape)).toEqual([[8, 8, 4], null, null, null, null]);
    expect(report.layers.map((l) => l.diagnostics.length)).toEqual([0, 1, 0, 0, 0]);
    expect(report.outputShape).toBeNull();
    // Only what could be computed is counted.
    expect(report.totalParams).toBe(40);
  });

  it('a bad field also stops the layers after it', () => {
    const report = analyze([8, 8, 1], [conv({ stride: 0 }), conv(), { type: 'flatten' }]);
    expect(report.errors).toHaveLength(1);
    expect(report.layers.map((l) => l.outputShape)).toEqual([null, null, null]);
  });

  it('a failed branch does not stop an independent branch', () => {
    const report = analyze(
      [8, 8, 1],
      [
        conv({ id: 'bad', kernel: 20, inputs: ['input'] }),
        conv({ id: 'good', inputs: ['input'] }),
        { type: 'flatten' },
      ],
    );
    expect(report.errors).toHaveLength(1);
    expect(report.layers.map((l) => l.outputShape)).toEqual([null, [6, 6, 4], [144]]);
  });

  it('a layer whose output nothing uses gets a warning', () => {
    const report = analyze(
      [8, 8, 1],
      [conv({ id: 'orphan' }), conv({ id: 'main', inputs: ['input'] }), { type: 'flatten' }],
    );
    expect(report.errors).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.warnings).toHaveLength(1);
    expect(report.warnings[0]).toMatchObject({ layerIndex: 0, layerName: 'orphan' });
    expect(report.warnings[0]?.message).toContain('no later layer uses this output');
  });

  it('the last layer is the output, never "unused"', () => {
    expect(analyze([8, 8, 1], [conv()]).warnings).toEqual([]);
  });
});

describe('uneven windows are warnings, not errors', () => {
  it('the warning is on the stride field and the network stays usable', () => {
    const report = analyze([10, 10, 1], [conv({ stride: 4 }), { type: 'flatten' }]);
    expect(report.ok).toBe(true);
    expect(report.warnings).toHaveLength(1);
    expect(report.warnings[0]).toMatchObject({ layerIndex: 0, field: 'stride' });
    expect(report.warnings[0]?.message).toContain('= 2.75');
    expect(report.warnings[0]?.message).toContain('round down to 2');
    expect(report.warnings[0]?.message).toContain('last 3 rows and columns');
  });

  it('when only one axis is uneven the warning names that axis', () => {
    const report = analyze([7, 9, 1], [conv({ stride: [3, 3] })]);
    const message = report.warnings[0]?.message ?? '';
    expect(message).toContain('along the height');
    expect(message).toContain('last row is never covered');
  });

  it('when the axes are uneven differently each gets its own numbers', () => {
    // height: (7 − 3)/3 + 1 = 2.33, 1 row left; width: (8 − 3)/3 + 1 = 2.67, 2 columns left.
    const report = analyze([7, 8, 1], [conv({ stride: 3 })]);
    const [height, width] = report.warnings.map((w) => w.message);
    expect(report.warnings).toHaveLength(2);
    expect(height).toContain('(7 − 3 + 2·0)/3 + 1 = 2.33 along the height');
    expect(height).toContain('last row is never covered');
    expect(width).toContain('(8 − 3 + 2·0)/3 + 1 = 2.67 along the width');
    expect(width).toContain('last 2 columns are never covered');
    expect(report.outputShape).toEqual([2, 2, 4]);
  });

  it('says when only padding is left uncovered', () => {
    const report = analyze([28, 28, 1], [conv({ stride: 2, padding: 1 })]);
    expect(report.warnings[0]?.message).toContain('only padding, so no image pixel is lost');
  });

  it("'same' padding never warns", () => {
    expect(analyze([7, 7, 1], [conv({ stride: 3, padding: 'same' })]).warnings).toEqual([]);
  });
});

describe('formatDiagnostic and hasErrors', () => {
  it('prefixes the severity, the 1-based layer number, the name and the field', () => {
    const d: Diagnostic = {
      severity: 'warning',
      layerIndex: 2,
      layerName: 'pool',
      field: 'stride',
      message: 'uneven.',
    };
    expect(formatDiagnostic(d)).toBe('Warning: layer 3 (pool), stride: uneven.');
    expect(formatDiagnostic({ severity: 'error', field: 'input', message: 'bad.' })).toBe(
      'Error: input: bad.',
    );
    expect(formatDiagnostic({ severity: 'error', message: 'bad.' })).toBe('Error: bad.');
  });

  it('hasErrors ignores warnings', () => {
    expect(hasErrors([{ severity: 'warning', message: 'w' }])).toBe(false);
    expect(
      hasErrors([
        { severity: 'warning', message: 'w' },
        { severity: 'error', message: 'e' },
      ]),
    ).toBe(true);
    expect(hasErrors([])).toBe(false);
  });
});
