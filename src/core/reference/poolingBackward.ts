import { createValues, expectRank, type RefTensor, type Values } from './tensor';
import { poolWindowsOf, type PoolOp, type PoolOptions } from './pooling';

/**
 * The share of one window's output gradient that each of its cells receives, ∂out/∂xᵢ:
 * max: 1 for the first largest cell, 0 elsewhere; average: 1/n for each of the n real cells;
 * L2: xᵢ / ‖x‖ (0 when the whole window is 0, where the length has no gradient).
 */
export function poolCellShares(op: PoolOp, cells: readonly number[]): number[] {
  if (op === 'avg') return cells.map(() => 1 / cells.length);
  if (op === 'l2') {
    const norm = Math.sqrt(cells.reduce((sum, v) => sum + v * v, 0));
    return cells.map((v) => (norm > 0 ? v / norm : 0));
  }
  let winner = 0;
  cells.forEach((v, i) => {
    if (v > (cells[winner] ?? -Infinity)) winner = i;
  });
  return cells.map((_, i) => (i === winner ? 1 : 0));
}

/**
 * The backward pass of max, average or L2 pooling on one HWC image:
 * dL/dx[p, c] = Σ over the windows w that cover p of dL/dout[w, c] · ∂out[w, c]/∂x[p, c],
 * with the shares of poolCellShares; overlapping windows add up.
 */
export function pool2dBackwardReference<V extends Values>(
  op: PoolOp,
  input: RefTensor<V>,
  outputGradient: RefTensor,
  options: PoolOptions,
): RefTensor<V> {
  expectRank(input, 3, 'pool2d backward', 'height×width×channels');
  const [height = 0, width = 0, channels = 0] = input.shape;
  const { rows, cols, cells: windows } = poolWindowsOf([height, width], options, `${op} pooling`);
  const expected = [rows.out, cols.out, channels];
  if (outputGradient.shape.join('×') !== expected.join('×')) {
    throw new RangeError(
      `pool2d backward: the output gradient is ${outputGradient.shape.join('×')}, the pooling output ${expected.join('×')}.`,
    );
  }
  const grad = createValues(input.data, input.data.length);
  windows.forEach((window, o) => {
    for (let c = 0; c < channels; c++) {
      const values = window.map((p) => input.data[p * channels + c] ?? 0);
      const g = outputGradient.data[o * channels + c] ?? 0;
      poolCellShares(op, values).forEach((share, k) => {
        const at = (window[k] ?? 0) * channels + c;
        grad[at] = (grad[at] ?? 0) + g * share;
      });
    }
  });
  return { shape: [height, width, channels], data: grad };
}
