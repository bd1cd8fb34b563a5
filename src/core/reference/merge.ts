import { createValues, type RefTensor, type Values } from './tensor';

/** Element-wise sum of equally shaped tensors: out = Σₖ inₖ (a skip connection). */
export function addReference<V extends Values>(inputs: readonly RefTensor<V>[]): RefTensor<V> {
  const first = inputs[0];
  if (!first) throw new RangeError('add needs at least one input.');
  const out = createValues(first.data, first.data.length);
  for (const input of inputs) {
    if (input.shape.join() !== first.shape.join()) {
      throw new RangeError('add needs inputs of the same shape.');
    }
    input.data.forEach((v, i) => (out[i] = (out[i] ?? 0) + v));
  }
  return { shape: first.shape, data: out };
}

/** Concatenation along the last (channel) axis: out[..., C₁ + … + Cₖ] = [in₁ | … | inₖ]. */
export function concatReference<V extends Values>(inputs: readonly RefTensor<V>[]): RefTensor<V> {
  const first = inputs[0];
  if (!first) throw new RangeError('concat needs at least one input.');
  const channelsOf = (t: RefTensor<V>): number => t.shape[t.shape.length - 1] ?? 1;
  const positions = first.data.length / channelsOf(first);
  const total = inputs.reduce((sum, t) => sum + channelsOf(t), 0);
  const out = createValues(first.data, positions * total);
  let offset = 0;
  for (const input of inputs) {
    const c = channelsOf(input);
    if (input.data.length / c !== positions) {
      throw new RangeError('concat needs inputs with the same height and width.');
    }
    for (let p = 0; p < positions; p++) {
      out.set(input.data.subarray(p * c, (p + 1) * c), p * total + offset);
    }
    offset += c;
  }
  return { shape: [...first.shape.slice(0, -1), total], data: out };
}
