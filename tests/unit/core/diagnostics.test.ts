import { describe, expect, it } from 'vitest';
import { analyzeNetwork } from '../../../src/core/analyze';
import { formatDiagnostic } from '../../../src/core/diagnostics';
import { LAYER_TYPES } from '../../../src/core/registry';
import { analyze, expectSingleError, layerAt } from './helpers';

const conv = (extra: object = {}) => ({ type: 'conv2d', filters: 4, kernel: 3, ...extra });

/** A single conv2d layer on an 8×8×1 input with the given field overrides. */
const convWith = (extra: object) => analyze([8, 8, 1], [conv(extra)]);

describe('a kernel that does not fit', () => {
  it('names the layer, the field and both sizes', () => {
    const report = analyze([4, 4, 1], [conv({ kernel: 7 })]);
    const error = expectSingleError(
      report,
      { layerIndex: 0, layerName: 'conv2d_1', field: 'kernel' },
      '7×7 kernel',
      '7 > 4',
      '4×4×1',
    );
    expect(formatDiagnostic(error)).toMatch(/^Error: layer 1 \(conv2d_1\), kernel: /);
  });

  it('counts padding: 7 > 6 for a 7×7 kernel on 4×4 padded by 1', () => {
    const report = analyze([4, 4, 1], [conv({ kernel: 7, padding: 1 })]);
    expectSingleError(report, { field: 'kernel' }, '7 > 6', '(4 + 2·1)');
  });

  it('mentions the dilated size when dilation is what makes it too large', () => {
    const report = analyze([6, 6, 1], [conv({ kernel: 3, dilation: 3 })]);
    expectSingleError(report, { field: 'kernel' }, '(7 once dilated)', '7 > 6');
  });

  it('says which axis is too small', () => {
    const report = analyze([10, 2, 1], [conv({ kernel: 3 })]);
    expectSingleError(report, { field: 'kernel' }, '3 > 2', 'width');
  });

  it('applies to pooling windows after downsampling, naming the later layer', () => {
    const report = analyze(
      [8, 8, 1],
      [
        { type: 'maxpool2d', size: 2 },
        { type: 'maxpool2d', size: 2 },
        { type: 'maxpool2d', size: 4 },
      ],
    );
    expectSingleError(
      report,
      { layerIndex: 2, layerName: 'maxpool2d_3' },
      'pooling window',
      '4 > 2',
    );
  });
});

describe('merge errors', () => {
  const twoBranches = (merge: object, filtersB = 4, strideB = 1) =>
    analyze(
      [8, 8, 3],
      [
        conv({ id: 'a', padding: 1, inputs: ['input'] }),
        conv({ id: 'b', filters: filtersB, stride: strideB, padding: 1, inputs: ['input'] }),
        merge,
      ],
    );

  it('add with mismatched shapes lists both shapes', () => {
    const report = twoBranches({ type: 'add', id: 'sum', inputs: ['a', 'b'] }, 8);
    expectSingleError(
      report,
      { layerIndex: 2, layerName: 'sum', field: 'inputs' },
      '8×8×4',
      '8×8×8',
      'same shape',
    );
    expect(layerAt(report, 2).outputShape).toBeNull();
  });

  it('concat with mismatched grids lists both shapes', () => {
    const report = twoBranches({ type: 'concat', inputs: ['a', 'b'] }, 4, 2);
    expectSingleError(
      report,
      { layerIndex: 2, layerName: 'concat_1', field: 'inputs' },
      '8×8×4',
      '4×4×4',
      'height and width',
    );
  });

  it('concat of an image and a vector is refused', () => {
    const report = analyze(
      [4, 4, 2],
      [
        { type: 'flatten', id: 'flat' },
        { type: 'concat', inputs: ['input', 'flat'] },
      ],
    );
    expectSingleError(report, { layerIndex: 1, field: 'inputs' }, '4×4×2', '32');
  });

  it('add with a single input asks for at least two', () => {
    const report = analyze([8, 8, 1], [conv(), { type: 'add' }]);
    expectSingleError(
      report,
      { layerIndex: 1, layerName: 'add_1', field: 'inputs' },
      'at least two inputs',
    );
    const listed = analyze([8, 8, 1], [conv({ id: 'c' }), { type: 'add', inputs: ['c'] }]);
    expectSingleError(listed, { layerIndex: 1, field: 'inputs' }, 'at least two inputs');
  });

  it('concat with a single input asks for at least two', () => {
    const report = analyze([8, 8, 1], [{ type: 'concat', inputs: ['input'] }]);
    expectSingleError(report, { layerIndex: 0, field: 'inputs' }, 'at least two inputs');
  });
});

describe('unknown or malformed layers', () => {
  it('an unknown type lists the types the lab knows', () => {
    const report = analyze([8, 8, 1], [conv(), { type: 'conv3d', filters: 2 }]);
    const error = expectSingleError(
      report,
      { layerIndex: 1, field: 'type' },
      'unknown layer type "conv3d"',
    );
    for (const d of LAYER_TYPES) expect(error.message).toContain(d.type);
  });

  it('a layer without a type is an unknown type too', () => {
    const report = analyze([8, 8, 1], [{ filters: 2 }]);
    expectSingleError(report, { layerIndex: 0, field: 'type' }, 'unknown layer type');
  });

  it('a layer that is not an object says what a layer looks like', () => {
    const report = analyze([8, 8, 1], ['conv2d' as unknown as object]);
    expectSingleError(report, { layerIndex: 0 }, 'JSON object with a "type"');
  });

  it('an unknown field names it and lists the fields of the type', () => {
    const report = convWith({ strides: 2 });
    expectSingleError(
      report,
      { layerIndex: 0, layerName: 'conv2d_1', field: 'strides' },
      'conv2d has no field "strides"',
      'filters, kernel, stride, padding, dilation, activation, bias',
    );
  });

  it('a missing required field names it and says what it is for', () => {
    const report = analyze([8, 8, 1], [{ type: 'conv2d', kernel: 3 }]);
    expectSingleError(
      report,
      { layerIndex: 0, field: 'filters' },
      'conv2d needs "filters"',
      'output channels',
    );
    expectSingleError(analyze([10], [{ type: 'dense' }]), { field: 'units' }, 'needs "units"');
    expectSingleError(
      analyze([8, 8, 1], [{ type: 'maxpool2d' }]),
      { field: 'size' },
      'needs "size"',
    );
    expectSingleError(analyze([10], [{ type: 'activation' }]), { field: 'fn' }, 'needs "fn"');
  });

  it('each bad field of one layer gets its own diagnostic', () => {
    const report = convWith({ kernel: 0, stride: -1, colour: 'red' });
    expect(report.errors.map((e) => e.field).sort()).toEqual(['colour', 'kernel', 'stride']);
    for (const e of report.errors)
      expect(e).toMatchObject({ layerIndex: 0, layerName: 'conv2d_1' });
  });
});

describe('bad field values', () => {
  it.each([
    ['negative', -3, '-3'],
    ['zero', 0, '0'],
    ['fractional', 2.5, '2.5'],
    ['text', '3', '"3"'],
    ['a triple', [3, 3, 3], '[3,3,3]'],
    ['too large', 5000, '5000'],
  ])('a %s kernel is refused, quoting the value', (_label, kernel, shown) => {
    const report = convWith({ kernel });
    expectSingleError(
      report,
      { layerIndex: 0, field: 'kernel' },
      'kernel must be a whole number from 1 to 4,096',
      `got ${shown}`,
    );
  });

  it('a negative stride, a zero filter count and a fractional unit count are refused', () => {
    expectSingleError(convWith({ stride: -1 }), { field: 'stride' }, 'stride must be');
    expectSingleError(convWith({ filters: 0 }), { field: 'filters' }, 'whole number from 1');
    expectSingleError(
      analyze([10], [{ type: 'dense', units: 1.5 }]),
      { field: 'units' },
      'got 1.5',
    );
  });

  it('a bad padding string lists the accepted forms', () => {
    const report = convWith({ padding: 'full' });
    expectSingleError(
      report,
      { layerIndex: 0, field: 'padding' },
      '"valid"',
      '"same"',
      'got "full"',
    );
    expectSingleError(convWith({ padding: -1 }), { field: 'padding' }, 'got -1');
  });

  it('an activation not in the list lists the ones there are', () => {
    const report = convWith({ activation: 'swish' });
    expectSingleError(
      report,
      { field: 'activation' },
      'linear, relu, leakyrelu, elu, sigmoid, tanh, softplus, softmax',
      'got "swish"',
    );
    expectSingleError(
      analyze([4], [{ type: 'activation', fn: 'ReLU' }]),
      { field: 'fn' },
      '"ReLU"',
    );
  });

  it('bias must be true or false', () => {
    expectSingleError(convWith({ bias: 'no' }), { field: 'bias' }, 'true or false');
  });

  it.each([1, 1.5, -0.1, '0.5'])('a dropout rate of %j is refused', (rate) => {
    const report = analyze([10], [{ type: 'dropout', rate }]);
    expectSingleError(report, { layerIndex: 0, field: 'rate' }, 'from 0 up to (not including) 1');
  });

  it('pool padding wider than half the window is refused', () => {
    const report = analyze([8, 8, 1], [{ type: 'maxpool2d', size: 2, padding: 2 }]);
    expectSingleError(
      report,
      { layerIndex: 0, layerName: 'maxpool2d_1', field: 'padding' },
      'at most half the window (1 for a 2-wide window)',
    );
    // Exactly half is allowed.
    expect(analyze([8, 8, 1], [{ type: 'maxpool2d', size: 3, padding: 1 }]).errors).toEqual([]);
  });
});

describe('ids and inputs', () => {
  it('a bad id is refused and the layer keeps its automatic name', () => {
    for (const id of ['has space', '9lives', '', 'input', 42, 'x'.repeat(41)]) {
      const report = analyze([8, 8, 1], [conv({ id })]);
      expectSingleError(
        report,
        { layerIndex: 0, layerName: 'conv2d_1', field: 'id' },
        'id must be',
      );
    }
  });

  it('a duplicate id names the layer that already has it', () => {
    const report = analyze([8, 8, 1], [conv({ id: 'c' }), conv({ id: 'c', padding: 1 })]);
    expectSingleError(
      report,
      { layerIndex: 1, layerName: 'c', field: 'id' },
      '"c" is already used by layer 1',
    );
  });

  it('an id that looks like an automatic name does not clash with unnamed layers', () => {
    const before = analyze([8, 8, 1], [conv({ id: 'conv2d_2', padding: 1 }), conv()]);
    expect(before.errors).toEqual([]);
    const after = analyze([8, 8, 1], [conv({ padding: 1 }), conv({ id: 'conv2d_1' })]);
    expect(after.errors).toEqual([]);
    const names = after.layers.map((l) => l.name);
    expect(new Set(names).size).toBe(2);
    expect(names[1]).toBe('conv2d_1');
  });

  it('inputs naming a later layer is refused', () => {
    const report = analyze(
      [8, 8, 1],
      [conv({ id: 'a', inputs: ['b'] }), conv({ id: 'b', inputs: ['input'] })],
    );
    const error = report.errors.find((e) => e.layerIndex === 0);
    expect(error).toMatchObject({ layerName: 'a', field: 'inputs' });
    expect(error?.message).toContain('"b", which is not the id of an earlier layer');
  });

  it('inputs naming the layer itself or an unknown id is refused', () => {
    expectSingleError(
      analyze([8, 8, 1], [conv({ id: 'self', inputs: ['self'] })]),
      { layerIndex: 0, field: 'inputs' },
      '"self"',
    );
    expectSingleError(
      analyze([8, 8, 1], [conv(), { type: 'add', inputs: ['conv2d_1', 'ghost'] }]),
      { layerIndex: 1, layerName: 'add_1', field: 'inputs' },
      '"ghost", which is not the id of an earlier layer',
    );
  });

  it('a single-input layer given two inputs is refused', () => {
    const report = analyze([8, 8, 1], [conv({ id: 'a' }), conv({ inputs: ['a', 'input'] })]);
    expectSingleError(
      report,
      { layerIndex: 1, layerName: 'conv2d_2', field: 'inputs' },
      'conv2d takes exactly one input, but inputs lists 2',
    );
  });

  it.each([[[]], ['a'], [[1, 2]], [Array.from({ length: 65 }, () => 'input')]])(
    'inputs of %j is not a list of ids',
    (inputs) => {
      const report = analyze([8, 8, 1], [{ type: 'concat', inputs }]);
      expectSingleError(report, { layerIndex: 0, field: 'inputs' }, 'list of 1 to 64 layer ids');
    },
  );
});

describe('layers in the wrong place', () => {
  it('dense after a spatial layer says to add a flatten', () => {
    const report = analyze([8, 8, 1], [conv(), { type: 'dense', units: 10 }]);
    expectSingleError(
      report,
      { layerIndex: 1, layerName: 'dense_1' },
      'flat vector',
      '6×6×4',
      'Add a flatten',
    );
  });

  it('conv after flatten asks for an image-shaped input', () => {
    const report = analyze([8, 8, 1], [{ type: 'flatten' }, conv()]);
    expectSingleError(
      report,
      { layerIndex: 1, layerName: 'conv2d_1' },
      'image-shaped input',
      '64',
      'before the flatten',
    );
  });

  it('pooling and global pooling on a vector input are refused', () => {
    expectSingleError(
      analyze([64], [{ type: 'maxpool2d', size: 2 }]),
      { layerIndex: 0 },
      'Pooling needs an image-shaped input',
    );
    expectSingleError(
      analyze([64], [{ type: 'globalavgpool2d' }]),
      { layerIndex: 0 },
      'Global average pooling needs an image-shaped input',
    );
  });
});

describe('the document itself', () => {
  it.each([null, 42, 'network', [1, 2, 3], true])('a non-object (%j) is refused', (raw) => {
    const report = analyzeNetwork(raw);
    expect(report.ok).toBe(false);
    expect(report.layers).toEqual([]);
    expect(report.errors).toHaveLength(1);
    expect(report.errors[0]?.message).toContain('a network must be a JSON object');
  });

  it.each([undefined, [28, 28], [0, 28, 1], [28, 28, 1.5], [-1], '28x28', [28, 28, 1, 1]])(
    'an input shape of %j is refused with an example of a good one',
    (input) => {
      const report = analyzeNetwork({ input, layers: [{ type: 'flatten' }] });
      expectSingleError(report, { field: 'input' }, 'input must be [height, width, channels]');
      expect(report.layers.map((l) => l.outputShape)).toEqual([null]);
    },
  );

  it('empty or missing layers are refused', () => {
    for (const layers of [[], undefined, {}, 'conv']) {
      const report = analyzeNetwork({ input: [8, 8, 1], layers });
      expectSingleError(report, { field: 'layers' }, 'layers must be a non-empty list');
    }
  });

  it('over 500 layers is refused, and the first 500 are still read', () => {
    const layers = Array.from({ length: 501 }, () => ({ type: 'dropout', rate: 0.1 }));
    const report = analyzeNetwork({ input: [10], layers });
    expectSingleError(report, { field: 'layers' }, 'at most 500 layers', 'this one has 501');
    expect(report.layers).toHaveLength(500);
    expect(analyzeNetwork({ input: [10], layers: layers.slice(0, 500) }).ok).toBe(true);
  });

  it('a name over 80 characters is refused; 80 is fine', () => {
    const long = analyzeNetwork({
      name: 'n'.repeat(81),
      input: [4],
      layers: [{ type: 'dropout' }],
    });
    expectSingleError(long, { field: 'name' }, 'at most 80 characters');
    const ok = analyzeNetwork({ name: 'n'.repeat(80), input: [4], layers: [{ type: 'dropout' }] });
    expect(ok.ok).toBe(true);
    expect(ok.name).toBe('n'.repeat(80));
  });

  it('a name that is not text is refused and the network is called untitled', () => {
    const report = analyzeNetwork({ name: 7, input: [4], layers: [{ type: 'dropout' }] });
    expectSingleError(report, { field: 'name' });
    expect(report.name).toBe('untitled network');
  });

  it('an unknown top-level field is named', () => {
    const report = analyzeNetwork({ input: [4], layers: [{ type: 'dropout' }], optimizer: 'sgd' });
    expectSingleError(report, { field: 'optimizer' }, 'unknown field "optimizer"');
  });

  it('a description is allowed, but not a huge one', () => {
    const base = { input: [4], layers: [{ type: 'dropout' }] };
    expect(analyzeNetwork({ ...base, description: 'a small test' }).ok).toBe(true);
    expectSingleError(
      analyzeNetwork({ ...base, description: 'x'.repeat(2001) }),
      { field: 'description' },
      '2,000 characters',
    );
  });

  it('document-level diagnostics come before layer diagnostics', () => {
    const report = analyzeNetwork({ input: [8, 8, 1], layers: [conv({ kernel: 0 })], extra: 1 });
    expect(report.errors.map((e) => e.field)).toEqual(['extra', 'kernel']);
  });
});
