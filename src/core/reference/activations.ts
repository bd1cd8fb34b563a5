import { ACTIVATION_FACTS, type Activation } from '../activations';
import { createValues, type RefTensor, type Values } from './tensor';

/**
 * Activation functions applied to whole tensors, from the values and derivatives of
 * core's activation table, so the explainers' numbers and the trained network agree.
 */

/** Softmax of each vector along the last axis: pᵢ = e^(zᵢ − max z) / Σⱼ e^(zⱼ − max z). */
export function softmaxReference<V extends Values>(input: RefTensor<V>): RefTensor<V> {
  const size = input.shape[input.shape.length - 1] ?? 1;
  const out = createValues(input.data, input.data.length);
  for (let start = 0; start < input.data.length; start += size) {
    let max = -Infinity;
    for (let i = 0; i < size; i++) max = Math.max(max, input.data[start + i] ?? 0);
    let sum = 0;
    for (let i = 0; i < size; i++) {
      const e = Math.exp((input.data[start + i] ?? 0) - max);
      out[start + i] = e;
      sum += e;
    }
    for (let i = 0; i < size; i++) out[start + i] = (out[start + i] ?? 0) / sum;
  }
  return { shape: input.shape, data: out };
}

/** Applies an activation: element-wise f(x), or softmax along the last axis. */
export function activationReference<V extends Values>(
  fn: Activation,
  input: RefTensor<V>,
): RefTensor<V> {
  if (fn === 'softmax') return softmaxReference(input);
  const { value } = ACTIVATION_FACTS[fn];
  const out = createValues(input.data, input.data.length);
  input.data.forEach((x, i) => (out[i] = value(x)));
  return { shape: input.shape, data: out };
}
