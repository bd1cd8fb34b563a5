import type { Activation } from '../activations';
import { createValues, type RefTensor, type Values } from './tensor';

/**
 * Activation functions as the lab computes them. The engine uses the same constants,
 * so the explainers' numbers and the trained network agree.
 */

/** Slope of leaky ReLU for negative inputs: f(x) = max(αx, x) with α = 0.01 (Maas et al. 2013). */
export const LEAKY_RELU_ALPHA = 0.01;

/** ELU's saturation value for very negative inputs: f(x) = α(eˣ − 1) for x ≤ 0, with α = 1. */
export const ELU_ALPHA = 1;

/** An element-wise activation: its value and its derivative at x. */
export interface ScalarActivation {
  value(x: number): number;
  derivative(x: number): number;
}

const sigmoid = (x: number): number =>
  x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));

/** Every element-wise activation (all but softmax, which couples the values of a vector). */
export const SCALAR_ACTIVATIONS: Readonly<
  Record<Exclude<Activation, 'softmax'>, ScalarActivation>
> = {
  /** f(x) = x. */
  linear: { value: (x) => x, derivative: () => 1 },
  /** f(x) = max(0, x); f′(x) = 1 for x > 0, else 0 (0 at the kink, as TensorFlow does). */
  relu: { value: (x) => (x > 0 ? x : 0), derivative: (x) => (x > 0 ? 1 : 0) },
  /** f(x) = x for x > 0, αx otherwise. */
  leakyrelu: {
    value: (x) => (x > 0 ? x : LEAKY_RELU_ALPHA * x),
    derivative: (x) => (x > 0 ? 1 : LEAKY_RELU_ALPHA),
  },
  /** f(x) = x for x > 0, α(eˣ − 1) otherwise. */
  elu: {
    value: (x) => (x > 0 ? x : ELU_ALPHA * Math.expm1(x)),
    derivative: (x) => (x > 0 ? 1 : ELU_ALPHA * Math.exp(x)),
  },
  /** σ(x) = 1 / (1 + e⁻ˣ); σ′ = σ(1 − σ). */
  sigmoid: { value: sigmoid, derivative: (x) => sigmoid(x) * (1 - sigmoid(x)) },
  /** tanh(x); tanh′ = 1 − tanh². */
  tanh: { value: Math.tanh, derivative: (x) => 1 - Math.tanh(x) ** 2 },
  /** ς(x) = log(1 + eˣ), computed as max(x, 0) + log(1 + e^−|x|); ς′ = σ. */
  softplus: {
    value: (x) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))),
    derivative: sigmoid,
  },
};

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
  const { value } = SCALAR_ACTIVATIONS[fn];
  const out = createValues(input.data, input.data.length);
  input.data.forEach((x, i) => (out[i] = value(x)));
  return { shape: input.shape, data: out };
}
