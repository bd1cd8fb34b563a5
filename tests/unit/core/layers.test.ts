import { describe, expect, it } from 'vitest';
import { LAYER_TYPES, layerDefinitionOf } from '../../../src/core/registry';
import { effectiveKernelSize, windowAxis } from '../../../src/core/window';
import { analyze, layerAt } from './helpers';

/** Output shape, params and MACs of a single layer on the given input. */
function one(input: number[], layer: object) {
  const report = analyze(input, [layer]);
  expect(report.errors).toEqual([]);
  const l = layerAt(report, 0);
  return { shape: l.outputShape, params: l.paramCount, macs: l.macs, state: l.stateCount, report };
}

describe('the layer registry', () => {
  it('knows exactly the twelve layer types of the format', () => {
    expect(LAYER_TYPES.map((d) => d.type).sort()).toEqual(
      [
        'activation',
        'add',
        'avgpool2d',
        'batchnorm',
        'concat',
        'conv2d',
        'dense',
        'dropout',
        'flatten',
        'globalavgpool2d',
        'maxpool2d',
        'maxout',
      ].sort(),
    );
  });

  it('looks types up by name and only add and concat take several inputs', () => {
    expect(layerDefinitionOf('conv2d')?.label).toBe('Convolution');
    expect(layerDefinitionOf('Conv2D')).toBeUndefined();
    expect(LAYER_TYPES.filter((d) => d.multiInput).map((d) => d.type)).toEqual(['add', 'concat']);
  });
});

describe('conv2d', () => {
  it('defaults to stride 1, no padding, no dilation, linear activation, a bias, not frozen', () => {
    const { shape, params, report } = one([10, 10, 3], { type: 'conv2d', filters: 4, kernel: 3 });
    expect(shape).toEqual([8, 8, 4]);
    expect(params).toBe(3 * 3 * 3 * 4 + 4);
    expect(layerAt(report, 0).params).toEqual({
      filters: 4,
      kernel: [3, 3],
      stride: [1, 1],
      padding: [0, 0],
      dilation: [1, 1],
      activation: 'linear',
      bias: true,
      frozen: false,
    });
  });

  it('accepts [height, width] pairs for kernel, stride and padding', () => {
    const { shape, params, macs } = one([20, 30, 2], {
      type: 'conv2d',
      filters: 5,
      kernel: [3, 5],
      stride: [1, 2],
      padding: [1, 0],
    });
    // height: (20 − 3 + 2)/1 + 1 = 20; width: (30 − 5 + 0)/2 + 1 = 13.5 → 13
    expect(shape).toEqual([20, 13, 5]);
    expect(params).toBe(3 * 5 * 2 * 5 + 5);
    expect(macs).toBe(20 * 13 * 3 * 5 * 2 * 5);
  });

  it('dilation spreads the kernel to d·(k − 1) + 1 pixels without adding parameters', () => {
    const plain = one([32, 32, 1], { type: 'conv2d', filters: 1, kernel: 3 });
    const dilated = one([32, 32, 1], { type: 'conv2d', filters: 1, kernel: 3, dilation: 3 });
    expect(dilated.shape).toEqual([32 - 7 + 1, 32 - 7 + 1, 1]);
    expect(dilated.params).toBe(plain.params);
    const pair = one([32, 32, 1], { type: 'conv2d', filters: 1, kernel: 3, dilation: [2, 1] });
    expect(pair.shape).toEqual([28, 30, 1]);
  });

  it("'valid' means no padding", () => {
    const { shape } = one([9, 9, 1], { type: 'conv2d', filters: 1, kernel: 3, padding: 'valid' });
    expect(shape).toEqual([7, 7, 1]);
  });

  it("'same' keeps the size at stride 1 and gives ceil(W / S) when striding", () => {
    expect(
      one([9, 9, 1], { type: 'conv2d', filters: 2, kernel: 5, padding: 'same' }).shape,
    ).toEqual([9, 9, 2]);
    expect(
      one([7, 7, 1], { type: 'conv2d', filters: 2, kernel: 3, padding: 'same', stride: 2 }).shape,
    ).toEqual([4, 4, 2]);
    expect(
      one([28, 28, 1], { type: 'conv2d', filters: 2, kernel: 3, padding: 'same', stride: 3 }).shape,
    ).toEqual([10, 10, 2]);
  });

  it('without a bias it has K·K·C·F parameters and the same MACs', () => {
    const withBias = one([8, 8, 3], { type: 'conv2d', filters: 6, kernel: 3 });
    const noBias = one([8, 8, 3], { type: 'conv2d', filters: 6, kernel: 3, bias: false });
    expect(noBias.params).toBe(3 * 3 * 3 * 6);
    expect(withBias.params - noBias.params).toBe(6);
    expect(noBias.macs).toBe(withBias.macs);
  });

  it('counts MACs as H_out·W_out·K·K·C·F', () => {
    const { macs } = one([16, 16, 8], { type: 'conv2d', filters: 12, kernel: 3, stride: 2 });
    expect(macs).toBe(7 * 7 * 3 * 3 * 8 * 12);
  });

  it('a 1×1 convolution changes only the channels', () => {
    const { shape, params } = one([14, 14, 64], { type: 'conv2d', filters: 16, kernel: 1 });
    expect(shape).toEqual([14, 14, 16]);
    expect(params).toBe(64 * 16 + 16);
  });
});

describe('pooling', () => {
  it('maxpool2d strides by its size by default', () => {
    const { shape, params, macs } = one([28, 28, 6], { type: 'maxpool2d', size: 2 });
    expect(shape).toEqual([14, 14, 6]);
    expect(params).toBe(0);
    expect(macs).toBe(0);
  });

  it('the default stride follows a [height, width] size', () => {
    const { shape, report } = one([12, 12, 1], { type: 'avgpool2d', size: [2, 3] });
    expect(shape).toEqual([6, 4, 1]);
    expect(layerAt(report, 0).params?.stride).toEqual([2, 3]);
  });

  it('overlapping 3×3 windows with stride 2, as in AlexNet: 55 → 27', () => {
    expect(one([55, 55, 64], { type: 'maxpool2d', size: 3, stride: 2 }).shape).toEqual([
      27, 27, 64,
    ]);
  });

  it('avgpool2d follows the same rule as maxpool2d', () => {
    expect(one([9, 9, 2], { type: 'avgpool2d', size: 3 }).shape).toEqual([3, 3, 2]);
    expect(one([9, 9, 2], { type: 'avgpool2d', size: 3, stride: 1 }).shape).toEqual([7, 7, 2]);
  });

  it('pool padding of 1 on a 3×3 stride-2 window: 112 → 56, as in ResNet’s stem', () => {
    expect(
      one([112, 112, 64], { type: 'maxpool2d', size: 3, stride: 2, padding: 1 }).shape,
    ).toEqual([56, 56, 64]);
  });

  it("'same' pooling gives ceil(W / S)", () => {
    expect(one([7, 7, 3], { type: 'maxpool2d', size: 2, padding: 'same' }).shape).toEqual([
      4, 4, 3,
    ]);
  });

  it('globalavgpool2d turns H×W×C into C values, with no parameters', () => {
    const { shape, params, macs } = one([7, 7, 512], { type: 'globalavgpool2d' });
    expect(shape).toEqual([512]);
    expect(params).toBe(0);
    expect(macs).toBe(0);
  });
});

describe('dense and flatten', () => {
  it('flatten gives H·W·C values', () => {
    expect(one([5, 5, 16], { type: 'flatten' }).shape).toEqual([400]);
  });

  it('flatten of a vector changes nothing and says so', () => {
    const { shape, report } = one([10], { type: 'flatten' });
    expect(shape).toEqual([10]);
    expect(report.warnings).toHaveLength(1);
    expect(report.warnings[0]?.message).toContain('already a flat vector');
  });

  it('dense: N_in·N_out weights plus N_out biases, N_in·N_out MACs', () => {
    const { shape, params, macs } = one([400], { type: 'dense', units: 120 });
    expect(shape).toEqual([120]);
    expect(params).toBe(400 * 120 + 120);
    expect(macs).toBe(400 * 120);
  });

  it('dense without a bias has N_in·N_out parameters', () => {
    expect(one([400], { type: 'dense', units: 120, bias: false }).params).toBe(400 * 120);
  });
});

describe('layers that keep the shape', () => {
  it('dropout keeps the shape, has no parameters and defaults to rate 0.5', () => {
    const { shape, params, report } = one([6, 6, 4], { type: 'dropout' });
    expect(shape).toEqual([6, 6, 4]);
    expect(params).toBe(0);
    expect(layerAt(report, 0).params).toEqual({ rate: 0.5 });
    expect(one([6, 6, 4], { type: 'dropout', rate: 0 }).shape).toEqual([6, 6, 4]);
  });

  it('batchnorm has 2C parameters (γ, β) and 2C statistics that are not parameters', () => {
    const { shape, params, state, report } = one([8, 8, 32], { type: 'batchnorm' });
    expect(shape).toEqual([8, 8, 32]);
    expect(params).toBe(64);
    expect(state).toBe(64);
    expect(report.totalParams).toBe(64);
    expect(report.totalState).toBe(64);
  });

  it('batchnorm on a vector counts its units as channels', () => {
    const { params, state } = one([100], { type: 'batchnorm' });
    expect([params, state]).toEqual([200, 200]);
  });

  it('activation keeps the shape and has no parameters', () => {
    const { shape, params } = one([3, 4, 5], { type: 'activation', fn: 'tanh' });
    expect(shape).toEqual([3, 4, 5]);
    expect(params).toBe(0);
  });

  it('accepts every activation of the format', () => {
    for (const fn of [
      'linear',
      'relu',
      'leakyrelu',
      'elu',
      'sigmoid',
      'tanh',
      'softplus',
      'softmax',
    ]) {
      expect(one([4], { type: 'activation', fn }).shape, fn).toEqual([4]);
      expect(one([4], { type: 'dense', units: 2, activation: fn }).shape, fn).toEqual([2]);
    }
  });
});

describe('add and concat', () => {
  const branches = (merge: object) =>
    analyze(
      [8, 8, 3],
      [
        { type: 'conv2d', id: 'a', filters: 4, kernel: 3, padding: 1, inputs: ['input'] },
        { type: 'conv2d', id: 'b', filters: 6, kernel: 1, inputs: ['input'] },
        { type: 'conv2d', id: 'c', filters: 4, kernel: 5, padding: 2, inputs: ['input'] },
        merge,
      ],
    );

  it('add keeps the common shape and has no parameters', () => {
    const report = branches({ type: 'add', inputs: ['a', 'c'] });
    expect(report.errors).toEqual([]);
    expect(layerAt(report, 3).outputShape).toEqual([8, 8, 4]);
    expect(layerAt(report, 3).paramCount).toBe(0);
    expect(layerAt(report, 3).inputNames).toEqual(['a', 'c']);
  });

  it('add accepts more than two inputs', () => {
    const report = branches({ type: 'add', inputs: ['a', 'c', 'a'] });
    expect(report.errors).toEqual([]);
    expect(report.outputShape).toEqual([8, 8, 4]);
  });

  it('concat stacks channels: 4 + 6 + 4 = 14', () => {
    const report = branches({ type: 'concat', inputs: ['a', 'b', 'c'] });
    expect(report.errors).toEqual([]);
    expect(report.outputShape).toEqual([8, 8, 14]);
    expect(layerAt(report, 3).paramCount).toBe(0);
  });

  it('concat joins vectors end to end', () => {
    const report = analyze(
      [10],
      [
        { type: 'dense', id: 'x', units: 3, inputs: ['input'] },
        { type: 'dense', id: 'y', units: 5, inputs: ['input'] },
        { type: 'concat', inputs: ['x', 'y', 'input'] },
      ],
    );
    expect(report.errors).toEqual([]);
    expect(report.outputShape).toEqual([18]);
  });

  it('the network input can feed a merge by the id "input"', () => {
    const report = analyze(
      [8, 8, 3],
      [
        { type: 'conv2d', filters: 3, kernel: 3, padding: 1 },
        { type: 'add', inputs: ['input', 'conv2d_1'] },
      ],
    );
    expect(report.errors).toEqual([]);
    expect(layerAt(report, 1).inputNames).toEqual(['input', 'conv2d_1']);
  });
});

describe('totals', () => {
  it('sum the parameters and MACs of every layer', () => {
    const report = analyze(
      [8, 8, 1],
      [
        { type: 'conv2d', filters: 2, kernel: 3 },
        { type: 'batchnorm' },
        { type: 'flatten' },
        { type: 'dense', units: 3 },
      ],
    );
    expect(report.totalParams).toBe(20 + 4 + 0 + (72 * 3 + 3));
    expect(report.totalMacs).toBe(6 * 6 * 9 * 2 + 72 * 3);
    expect(report.totalState).toBe(4);
  });
});

describe('window arithmetic along one axis', () => {
  it('effective kernel size d·(k − 1) + 1', () => {
    expect(effectiveKernelSize(3, 1)).toBe(3);
    expect(effectiveKernelSize(3, 2)).toBe(5);
    expect(effectiveKernelSize(3, 4)).toBe(9);
    expect(effectiveKernelSize(1, 7)).toBe(1);
  });

  it('reports the output, the unrounded formula and the uncovered rows', () => {
    expect(windowAxis(7, 3, 2, 1, 0)).toEqual({
      ok: true,
      axis: { out: 3, padBefore: 0, padAfter: 0, effectiveKernel: 3, formulaValue: 3, leftover: 0 },
    });
    const uneven = windowAxis(10, 3, 4, 1, 0);
    expect(uneven.ok && uneven.axis).toMatchObject({ out: 2, leftover: 3, formulaValue: 2.75 });
  });

  it('fails when the kernel is larger than the padded input, with both numbers', () => {
    expect(windowAxis(4, 7, 1, 1, 1)).toEqual({ ok: false, effectiveKernel: 7, paddedInput: 6 });
    expect(windowAxis(4, 3, 1, 3, 0)).toEqual({ ok: false, effectiveKernel: 7, paddedInput: 4 });
  });

  it('a kernel exactly as large as the padded input gives one output', () => {
    const exact = windowAxis(5, 7, 1, 1, 1);
    expect(exact.ok && exact.axis.out).toBe(1);
  });
});
