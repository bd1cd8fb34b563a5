import { describe, expect, it } from 'vitest';
import { analyzeNetwork } from '../../../src/core/analyze';
import { CATALOGUE } from '../../../src/core/catalogue';
import {
  formatCompact,
  formatCount,
  formatReceptiveField,
  formatReportTable,
  receptiveFieldValue,
  toArchJson,
} from '../../../src/core/report';
import { analyze, analyzeCatalogue } from './helpers';

describe('formatReportTable', () => {
  it('shows VGG-16’s totals with thousands separators', () => {
    const table = formatReportTable(analyzeCatalogue('vgg16'));
    expect(table.split('\n')[0]).toBe('VGG-16');
    const total = table.split('\n').find((line) => line.trimStart().startsWith('total'));
    expect(total).toContain('138,357,544');
    expect(total).toContain('15,470,264,320');
  });

  it('has a header, the input row, one row per layer and a total row', () => {
    const report = analyzeCatalogue('lenet5');
    const lines = formatReportTable(report).split('\n');
    const header = lines.find((l) => l.startsWith('#'));
    for (const column of [
      'layer',
      'type',
      'output shape',
      'parameters',
      'MACs',
      'receptive field',
    ]) {
      expect(header).toContain(column);
    }
    const rows = lines.filter((l) => /^\d+ /.test(l));
    expect(rows).toHaveLength(report.layers.length);
    expect(rows[0]).toMatch(/^1\s+conv2d_1\s+conv2d\s+28×28×6\s+156\s+117,600\s+5$/);
    expect(rows[5]).toMatch(/^6\s+dense_1\s+dense\s+120\s+48,120\s+48,000\s+28$/);
    expect(lines.some((l) => /^\s+input\s+28×28×1\s+1$/.test(l))).toBe(true);
  });

  it('right-aligns the numbers so the columns line up', () => {
    const lines = formatReportTable(analyzeCatalogue('lenet5')).split('\n');
    const rows = lines.filter((l) => /^\d+ /.test(l));
    const endOf = (row: string | undefined, cell: string) =>
      (row ?? '').indexOf(cell) + cell.length;
    // The parameter column: 156 in the first row, 48,120 in the first dense row.
    expect(endOf(rows[0], '156')).toBe(endOf(rows[5], '48,120'));
    // The MAC column: 117,600 and 48,000.
    expect(endOf(rows[0], '117,600')).toBe(endOf(rows[5], '48,000'));
  });

  it('mentions batch-norm statistics separately from the parameters', () => {
    const table = formatReportTable(analyzeCatalogue('resnet18'));
    expect(table).toContain('11,689,512');
    expect(table).toContain('(plus 9,600 non-trainable batch-norm statistics)');
    expect(formatReportTable(analyzeCatalogue('vgg16'))).not.toContain('batch-norm statistics');
  });

  it('ends with the diagnostics, and shows ? for shapes it could not compute', () => {
    const report = analyze([4, 4, 1], [{ type: 'conv2d', filters: 1, kernel: 7 }]);
    const lines = formatReportTable(report).split('\n');
    expect(lines.at(-1)).toMatch(/^Error: layer 1 \(conv2d_1\), kernel: the 7×7 kernel/);
    expect(lines.find((l) => l.startsWith('1 '))).toMatch(/conv2d\s+\?\s+0\s+0\s+—$/);
  });

  it('shows warnings too', () => {
    const table = formatReportTable(analyzeCatalogue('stride-mismatch'));
    expect(table).toContain('Warning: layer 1 (conv2d_1), stride:');
    expect(table).toContain('2.33');
  });

  it('writes rectangular fields as height×width', () => {
    const report = analyze([10, 10, 1], [{ type: 'conv2d', filters: 1, kernel: [3, 5] }]);
    expect(formatReportTable(report)).toMatch(/8×6×1\s+16\s+720\s+3×5$/m);
  });
});

describe('toArchJson', () => {
  it.each(CATALOGUE.map((e) => [e.id, e]))(
    '%s: one layer entry per layer of the document, in its order',
    (_id, entry) => {
      const json = toArchJson(analyzeNetwork(entry.network));
      expect(json.layers).toHaveLength(entry.network.layers.length);
      expect(json.layers.map((l) => l.type)).toEqual(entry.network.layers.map((l) => l.type));
      const ids = entry.network.layers.map((l, i) => l.id ?? json.layers[i]?.name);
      expect(json.layers.map((l) => l.name)).toEqual(ids);
    },
  );

  it('keeps every layer, even those that could not be computed, and lists the errors', () => {
    const json = toArchJson(
      analyze(
        [4, 4, 1],
        [{ type: 'conv2d', filters: 1, kernel: 7 }, { type: 'flatten' }, { type: 'nonsense' }],
      ),
    );
    expect(json.layers).toHaveLength(3);
    expect(json.layers.map((l) => l.outputShape)).toEqual([null, null, null]);
    expect(json.errors).toHaveLength(2);
    expect(json.errors[0]).toContain('kernel');
    expect(json.errors[1]).toContain('unknown layer type "nonsense"');
  });

  it('gives rectangular fields and jumps as pairs, square ones as numbers', () => {
    const json = toArchJson(
      analyze([10, 10, 1], [{ type: 'conv2d', filters: 1, kernel: [3, 5], stride: [1, 2] }]),
    );
    expect(json.layers[0]?.receptiveField).toEqual([3, 5]);
    expect(json.layers[0]?.jump).toEqual([1, 2]);
    const square = toArchJson(analyzeCatalogue('vgg16'));
    expect(square.layers[17]?.receptiveField).toBe(212);
    expect(square.layers[17]?.jump).toBe(32);
  });

  it('gives null fields for a vector input', () => {
    const json = toArchJson(analyzeCatalogue('mlp'));
    // The MLP takes an image and flattens it, so its layers see the whole 28×28 image.
    expect(json.layers.map((l) => l.receptiveField)).toEqual([28, 28, 28, 28]);
    const vector = toArchJson(analyze([784], [{ type: 'dense', units: 10 }]));
    expect(vector.layers[0]?.receptiveField).toBeNull();
    expect(vector.layers[0]?.jump).toBeNull();
    expect(vector.input).toEqual([784]);
  });

  it('totals match the report', () => {
    const report = analyzeCatalogue('alexnet');
    const json = toArchJson(report);
    expect(json.totalParams).toBe(61_100_840);
    expect(json.totalMacs).toBe(report.totalMacs);
    expect(json.layers.reduce((s, l) => s + l.params, 0)).toBe(json.totalParams);
    expect(json.layers.reduce((s, l) => s + l.macs, 0)).toBe(json.totalMacs);
  });
});

describe('number and field formatting', () => {
  it('formatCount uses thousands separators', () => {
    expect(formatCount(138357544)).toBe('138,357,544');
    expect(formatCount(760)).toBe('760');
    expect(formatCount(0)).toBe('0');
  });

  it('formatCompact shortens to three significant figures', () => {
    expect(formatCompact(15470264320)).toBe('15.5G');
    expect(formatCompact(138357544)).toBe('138M');
    expect(formatCompact(61706)).toBe('61.7K');
    expect(formatCompact(1000)).toBe('1K');
    expect(formatCompact(999)).toBe('999');
  });

  it('receptiveFieldValue and formatReceptiveField', () => {
    const square = { size: [5, 5], jump: [1, 1], start: [0, 0] } as const;
    const tall = { size: [7, 3], jump: [1, 1], start: [0, 0] } as const;
    expect(receptiveFieldValue(square)).toBe(5);
    expect(receptiveFieldValue(tall)).toEqual([7, 3]);
    expect(receptiveFieldValue(null)).toBeNull();
    expect(formatReceptiveField(square)).toBe('5');
    expect(formatReceptiveField(tall)).toBe('7×3');
    expect(formatReceptiveField(null)).toBe('—');
  });
});
