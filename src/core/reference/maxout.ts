import { denseReference } from './dense';
import { createValues, type RefTensor, type Values } from './tensor';

/**
 * Maxout on one vector (Goodfellow et al. 2013), kernel [N_in, units·k] with unit j's piece p
 * in column j·k + p: out[j] = max_p (b[j·k + p] + Σᵢ x[i] · W[i, j·k + p]).
 */
export function maxoutReference<V extends Values>(
  input: RefTensor<V>,
  kernel: RefTensor,
  bias: Values | null,
  pieces: number,
): RefTensor<V> {
  const linear = denseReference(input, kernel, bias);
  const columns = linear.data.length;
  if (pieces < 1 || columns % pieces !== 0) {
    throw new RangeError(
      `maxout: the kernel has ${columns} columns, which is not a whole number of units of ${pieces} pieces.`,
    );
  }
  const units = columns / pieces;
  const out = createValues(input.data, units);
  for (let j = 0; j < units; j++) {
    let best = -Infinity;
    for (let p = 0; p < pieces; p++)
      best = Math.max(best, linear.data[j * pieces + p] ?? -Infinity);
    out[j] = best;
  }
  return { shape: [units], data: out };
}
