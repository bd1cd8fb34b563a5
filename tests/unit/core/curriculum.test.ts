import { describe, expect, it } from 'vitest';
import { analyzeNetwork } from '../../../src/core/analyze';
import { catalogueEntryOf } from '../../../src/core/catalogue';
import { toArchJson } from '../../../src/core/report';
import { analyze, analyzeCatalogue, layerAt } from './helpers';

/** The network document of issue 2, section 2, word for word. */
const SEED_EXAMPLE = {
  name: 'seed example',
  input: [32, 32, 3],
  layers: [
    {
      type: 'conv2d',
      filters: 10,
      kernel: 5,
      stride: 1,
      padding: 2,
      activation: 'relu',
    },
    { type: 'maxpool2d', size: 2 },
    { type: 'flatten' },
    { type: 'dense', units: 10, activation: 'softmax' },
  ],
};

describe('the decks’ convolution layer: ten 5×5 filters on 32×32×3, stride 1, pad 2', () => {
  const report = analyze(
    [32, 32, 3],
    [{ type: 'conv2d', filters: 10, kernel: 5, stride: 1, padding: 2 }],
  );

  it('keeps the image at 32×32 and gives 10 channels', () => {
    expect(report.outputShape).toEqual([32, 32, 10]);
  });

  it('has 760 parameters: 10 × (5·5·3 + 1)', () => {
    expect(report.totalParams).toBe(760);
    expect(report.totalParams).toBe(10 * (5 * 5 * 3 + 1));
  });

  it('has no diagnostics', () => {
    expect(report.diagnostics).toEqual([]);
  });
});

describe('output size (W − F + 2P)/S + 1 on the decks’ 7×7 input with a 3×3 kernel', () => {
  const on7x7 = (stride: number) =>
    analyze([7, 7, 1], [{ type: 'conv2d', filters: 1, kernel: 3, stride }]);

  it('stride 1 gives (7 − 3)/1 + 1 = 5', () => {
    const report = on7x7(1);
    expect(report.outputShape).toEqual([5, 5, 1]);
    expect(report.warnings).toEqual([]);
  });

  it('stride 2 gives (7 − 3)/2 + 1 = 3', () => {
    const report = on7x7(2);
    expect(report.outputShape).toEqual([3, 3, 1]);
    expect(report.warnings).toEqual([]);
  });

  it('stride 3 does not fit: a warning that states 2.33 and that frameworks round down to 2', () => {
    const report = on7x7(3);
    expect(report.errors).toEqual([]);
    expect(report.ok).toBe(true);
    expect(report.outputShape).toEqual([2, 2, 1]);
    expect(report.warnings).toHaveLength(1);
    const warning = report.warnings[0];
    expect(warning).toMatchObject({ severity: 'warning', layerIndex: 0, layerName: 'conv2d_1' });
    expect(warning?.message).toContain('2.33');
    expect(warning?.message).toMatch(/round down to 2\b/);
    expect(warning?.message).toContain('(7 − 3 + 2·0)/3 + 1');
  });

  it('the stride-mismatch catalogue entry shows the same warning', () => {
    const report = analyzeCatalogue('stride-mismatch');
    expect(report.outputShape).toEqual([2, 2, 1]);
    expect(report.warnings.map((w) => w.message).join()).toContain('2.33');
  });

  it('the window geometry records the unrounded formula value and the uncovered row', () => {
    const window = layerAt(on7x7(3), 0).window;
    expect(window?.height.formulaValue).toBeCloseTo(7 / 3, 10);
    expect(window?.height.out).toBe(2);
    expect(window?.height.leftover).toBe(1);
  });
});

describe('pooling receptive field P + K − 1', () => {
  const cases: [number, number][] = [
    [3, 2],
    [5, 2],
    [3, 3],
    [7, 2],
    [1, 4],
    [5, 3],
  ];

  it.each(cases)('conv %i×%i, stride 1, then pool gives P + K − 1', (k, p) => {
    const report = analyze(
      [32, 32, 1],
      [
        { type: 'conv2d', filters: 4, kernel: k },
        { type: 'maxpool2d', size: p },
      ],
    );
    expect(layerAt(report, 0).receptiveField?.size).toEqual([k, k]);
    expect(layerAt(report, 1).receptiveField?.size).toEqual([p + k - 1, p + k - 1]);
    expect(layerAt(report, 1).receptiveField?.jump).toEqual([p, p]);
  });
});

describe('the seed example of issue 2', () => {
  it('gives the JSON shown in the issue', () => {
    const json = toArchJson(analyzeNetwork(SEED_EXAMPLE));
    expect(json.name).toBe('seed example');
    expect(json.totalParams).toBe(26370);
    expect(json.totalMacs).toBe(793600);
    expect(json.warnings).toEqual([]);
    expect(json.layers).toHaveLength(4);
    const first = json.layers[0];
    expect({
      name: first?.name,
      type: first?.type,
      outputShape: first?.outputShape,
      params: first?.params,
      macs: first?.macs,
      receptiveField: first?.receptiveField,
    }).toEqual({
      name: 'conv2d_1',
      type: 'conv2d',
      outputShape: [32, 32, 10],
      params: 760,
      macs: 768000,
      receptiveField: 5,
    });
  });

  it('lists every layer in document order with its own numbers', () => {
    const json = toArchJson(analyzeNetwork(SEED_EXAMPLE));
    expect(json.layers.map((l) => [l.name, l.type, l.outputShape, l.params, l.macs])).toEqual([
      ['conv2d_1', 'conv2d', [32, 32, 10], 760, 768000],
      ['maxpool2d_1', 'maxpool2d', [16, 16, 10], 0, 0],
      ['flatten_1', 'flatten', [2560], 0, 0],
      ['dense_1', 'dense', [10], 25610, 25600],
    ]);
  });

  it('survives a round trip through JSON text, as the CLI prints it', () => {
    const json = toArchJson(analyzeNetwork(SEED_EXAMPLE));
    expect(JSON.parse(JSON.stringify(json))).toEqual(json);
  });

  it('is the conv-example catalogue entry', () => {
    expect(catalogueEntryOf('conv-example')?.network).toEqual(SEED_EXAMPLE);
  });
});
