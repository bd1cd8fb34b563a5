import { describe, expect, test } from 'vitest';
import { createRandom } from '../../../src/core/random';
import {
  l2Pool2dReference,
  pool2dBackwardReference,
  pool2dReference,
  poolCellShares,
  poolWindowsOf,
  type PoolOp,
  type PoolOptions,
  type RefTensor,
} from '../../../src/core/reference';

const t = (shape: number[], values: number[]): RefTensor<Float64Array> => ({
  shape,
  data: Float64Array.from(values),
});

const randomTensor = (seed: string, shape: number[]): RefTensor<Float64Array> => {
  const random = createRandom(seed);
  const size = shape.reduce((a, b) => a * b, 1);
  return { shape, data: Float64Array.from({ length: size }, () => random.uniform(-2, 2)) };
};

/** L = Σ g · pool(x): its gradient with respect to x is the pooling backward pass of g. */
function lossOf(
  op: PoolOp,
  x: RefTensor<Float64Array>,
  g: RefTensor,
  options: PoolOptions,
): number {
  const out = pool2dReference(op, x, options).data;
  return out.reduce((sum, v, i) => sum + v * (g.data[i] ?? 0), 0);
}

describe('L2 pooling', () => {
  test('is the Euclidean length of each window', () => {
    const out = l2Pool2dReference(t([2, 4, 1], [3, 4, 1, 1, 0, 0, 1, 1]), { size: [2, 2] });
    expect(Array.from(out.data)).toEqual([5, 2]);
  });

  test('leaves the padding out, which adds nothing to a sum of squares anyway', () => {
    const out = l2Pool2dReference(t([1, 1, 1], [-3]), {
      size: [3, 3],
      stride: [1, 1],
      padding: [1, 1],
    });
    expect(Array.from(out.data)).toEqual([3]);
  });
});

describe('pooling windows', () => {
  test('list the real cells of each window row by row, and leave out the rows no window reaches', () => {
    const windows = poolWindowsOf([5, 5], { size: [2, 2] });
    expect(windows.rows.out).toBe(2);
    expect(windows.rows.leftover).toBe(1);
    expect(windows.cells).toEqual([
      [0, 1, 5, 6],
      [2, 3, 7, 8],
      [10, 11, 15, 16],
      [12, 13, 17, 18],
    ]);
  });

  test('say in words when the window is larger than the input', () => {
    expect(() => poolWindowsOf([2, 2], { size: [3, 3] })).toThrow(/larger than the padded input/);
  });
});

describe('where the gradient of each output goes', () => {
  test('max sends it all to the first largest cell of the window', () => {
    expect(poolCellShares('max', [1, 7, 3, 7])).toEqual([0, 1, 0, 0]);
  });

  test('average splits it equally among the real cells', () => {
    expect(poolCellShares('avg', [1, 7, 3, 7])).toEqual([0.25, 0.25, 0.25, 0.25]);
  });

  test('L2 sends x / ‖x‖, so the shares have length 1 and zero windows send nothing', () => {
    const shares = poolCellShares('l2', [3, -4]);
    expect(shares).toEqual([0.6, -0.8]);
    expect(poolCellShares('l2', [0, 0])).toEqual([0, 0]);
  });

  test('overlapping windows add up: a cell that wins two max windows gets both gradients', () => {
    const x = t([1, 3, 1], [1, 9, 2]);
    const g = t([1, 2, 1], [10, 100]);
    const dx = pool2dBackwardReference('max', x, g, { size: [1, 2], stride: [1, 1] });
    expect(Array.from(dx.data)).toEqual([0, 110, 0]);
  });

  test('refuses an output gradient of the wrong shape', () => {
    const x = t([2, 2, 1], [1, 2, 3, 4]);
    expect(() => pool2dBackwardReference('avg', x, t([2, 1, 1], [1, 1]), { size: [2, 2] })).toThrow(
      /output gradient is 2×1×1, the pooling output 1×1×1/,
    );
  });

  const cases: { op: PoolOp; shape: number[]; options: PoolOptions }[] = [];
  for (const op of ['max', 'avg', 'l2'] as const) {
    cases.push({ op, shape: [4, 4, 1], options: { size: [2, 2] } });
    cases.push({ op, shape: [5, 6, 2], options: { size: [3, 3], stride: [2, 2] } });
    cases.push({ op, shape: [5, 5, 3], options: { size: [2, 3], stride: [1, 2] } });
    cases.push({
      op,
      shape: [4, 5, 1],
      options: { size: [3, 3], stride: [1, 1], padding: [1, 1] },
    });
  }

  test.each(cases)(
    'equal central finite differences: $op pooling on $shape with $options',
    ({ op, shape, options }) => {
      const x = randomTensor(`${op}/${shape.join('x')}/${JSON.stringify(options)}`, shape);
      const outShape = pool2dReference(op, x, options).shape;
      const g = randomTensor(`g/${op}/${shape.join('x')}`, [...outShape]);
      const analytic = pool2dBackwardReference(op, x, g, options).data;
      const h = 1e-6;
      for (let i = 0; i < x.data.length; i++) {
        const plus = Float64Array.from(x.data);
        const minus = Float64Array.from(x.data);
        plus[i] = (plus[i] ?? 0) + h;
        minus[i] = (minus[i] ?? 0) - h;
        const numeric =
          (lossOf(op, { shape, data: plus }, g, options) -
            lossOf(op, { shape, data: minus }, g, options)) /
          (2 * h);
        expect(analytic[i]).toBeCloseTo(numeric, 6);
      }
    },
  );
});
