import { softmaxReference } from './activations';
import type { RefTensor, Values } from './tensor';

/**
 * Softmax cross-entropy of one vector of logits z and its class y:
 * L = −log pᵧ = log Σⱼ e^(zⱼ) − zᵧ, computed with the largest logit subtracted first.
 */
export function softmaxCrossEntropyReference(logits: RefTensor, label: number): number {
  const z = logits.data;
  if (!Number.isInteger(label) || label < 0 || label >= z.length) {
    throw new RangeError(`The label must be a class from 0 to ${z.length - 1}; got ${label}.`);
  }
  let max = -Infinity;
  for (const v of z) max = Math.max(max, v);
  let sum = 0;
  for (const v of z) sum += Math.exp(v - max);
  return Math.log(sum) + max - (z[label] ?? 0);
}

/** Gradient of the softmax cross-entropy with respect to the logits: ∂L/∂zⱼ = pⱼ − [j = y]. */
export function softmaxCrossEntropyGradient<V extends Values>(
  logits: RefTensor<V>,
  label: number,
): RefTensor<V> {
  const p = softmaxReference(logits);
  p.data[label] = (p.data[label] ?? 0) - 1;
  return p;
}
