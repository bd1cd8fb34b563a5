import type { Random } from '../random';
import { createValues, type RefTensor, type Values } from './tensor';

/**
 * An inverted-dropout mask: each value is 0 with probability `rate`, else 1 / (1 − rate),
 * so the expected output equals the input and nothing changes at test time.
 * Drawn from `random` one value after another, so a seed fixes the mask.
 */
export function dropoutMaskOf(size: number, rate: number, random: Random): Float32Array {
  const mask = new Float32Array(size);
  const keep = 1 / (1 - rate);
  for (let i = 0; i < size; i++) mask[i] = random.next() < rate ? 0 : keep;
  return mask;
}

/** Dropout with a given mask: out = in ⊙ mask. */
export function dropoutReference<V extends Values>(
  input: RefTensor<V>,
  mask: ArrayLike<number>,
): RefTensor<V> {
  const out = createValues(input.data, input.data.length);
  input.data.forEach((v, i) => (out[i] = v * (mask[i] ?? 1)));
  return { shape: input.shape, data: out };
}
