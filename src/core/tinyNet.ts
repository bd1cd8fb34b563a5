import { ACTIVATION_FACTS } from './activations';

/**
 * The tiny network of the backpropagation lecture: two inputs, two tanh hidden units, one
 * linear output, squared error. Forward: h₁ = x₁w₁ + x₂w₂ + b₁, h₂ = x₁w₃ + x₂w₄ + b₂,
 * u = tanh h, f = u₁w₅ + u₂w₆ + b₃, E = ½(f − y)². Backward, in the lecture's names:
 * δ₁ = f − y, δ₂ = δ₁w₅, δ₃ = δ₁w₆, δ₄ = δ₂(1 − tanh²h₁), δ₅ = δ₃(1 − tanh²h₂).
 */

/** The values a person can edit: inputs, target, weights and biases. */
export interface TinyNetParams {
  readonly x1: number;
  readonly x2: number;
  readonly y: number;
  readonly w1: number;
  readonly w2: number;
  readonly w3: number;
  readonly w4: number;
  readonly w5: number;
  readonly w6: number;
  readonly b1: number;
  readonly b2: number;
  readonly b3: number;
}

export type TinyNetParamName = keyof TinyNetParams;

/** The learnable ones, in the order the lecture numbers them. */
export const TINY_NET_WEIGHTS = [
  'w1',
  'w2',
  'w3',
  'w4',
  'w5',
  'w6',
  'b1',
  'b2',
  'b3',
] as const satisfies readonly TinyNetParamName[];

export type TinyNetWeight = (typeof TINY_NET_WEIGHTS)[number];

/** Every editable value, inputs and target first, in the order the card lists them. */
export const TINY_NET_PARAMS = [
  'x1',
  'x2',
  'y',
  ...TINY_NET_WEIGHTS,
] as const satisfies readonly TinyNetParamName[];

/** Small, unequal numbers so every value on the way differs (the deck gives no numbers). */
export const TINY_NET_DEFAULTS: TinyNetParams = {
  x1: 0.5,
  x2: -1,
  y: 1,
  w1: 0.4,
  w2: -0.3,
  w3: 0.7,
  w4: 0.2,
  w5: 0.9,
  w6: -0.6,
  b1: 0.1,
  b2: -0.2,
  b3: 0.05,
};

export interface TinyNetForward {
  readonly h1: number;
  readonly h2: number;
  readonly u1: number;
  readonly u2: number;
  readonly f: number;
  /** E = ½(f − y)². */
  readonly error: number;
}

export interface TinyNetBackward {
  /** δ₁ = ∂E/∂f = f − y. */
  readonly delta1: number;
  /** δ₂ = ∂E/∂u₁ = δ₁w₅. */
  readonly delta2: number;
  /** δ₃ = ∂E/∂u₂ = δ₁w₆. */
  readonly delta3: number;
  /** δ₄ = ∂E/∂h₁ = δ₂(1 − tanh²h₁). */
  readonly delta4: number;
  /** δ₅ = ∂E/∂h₂ = δ₃(1 − tanh²h₂). */
  readonly delta5: number;
  /** ∂E/∂(each weight and bias). */
  readonly gradients: Readonly<Record<TinyNetWeight, number>>;
}

const tanh = ACTIVATION_FACTS.tanh;

/** The forward pass: h = Wx + b, u = tanh h, f = w₅u₁ + w₆u₂ + b₃, E = ½(f − y)². */
export function tinyNetForward(p: TinyNetParams): TinyNetForward {
  const h1 = p.x1 * p.w1 + p.x2 * p.w2 + p.b1;
  const h2 = p.x1 * p.w3 + p.x2 * p.w4 + p.b2;
  const u1 = tanh.value(h1);
  const u2 = tanh.value(h2);
  const f = u1 * p.w5 + u2 * p.w6 + p.b3;
  return { h1, h2, u1, u2, f, error: 0.5 * (f - p.y) ** 2 };
}

/** The backward pass by the chain rule: every δ and ∂E/∂w, given the forward values. */
export function tinyNetBackward(p: TinyNetParams, fw: TinyNetForward): TinyNetBackward {
  const delta1 = fw.f - p.y;
  const delta2 = delta1 * p.w5;
  const delta3 = delta1 * p.w6;
  // tanh′(h) = 1 − tanh²h, read off the forward values u = tanh h as the lecture does.
  const delta4 = delta2 * tanh.slopeFromOutput(fw.u1);
  const delta5 = delta3 * tanh.slopeFromOutput(fw.u2);
  return {
    delta1,
    delta2,
    delta3,
    delta4,
    delta5,
    gradients: {
      w1: delta4 * p.x1,
      w2: delta4 * p.x2,
      w3: delta5 * p.x1,
      w4: delta5 * p.x2,
      w5: delta1 * fw.u1,
      w6: delta1 * fw.u2,
      b1: delta4,
      b2: delta5,
      b3: delta1,
    },
  };
}

/** Central difference (E(w + ε) − E(w − ε)) / 2ε for one weight, to check the backward pass. */
export function tinyNetNumericalGradient(
  p: TinyNetParams,
  weight: TinyNetWeight,
  epsilon = 1e-5,
): number {
  const plus = tinyNetForward({ ...p, [weight]: p[weight] + epsilon }).error;
  const minus = tinyNetForward({ ...p, [weight]: p[weight] - epsilon }).error;
  return (plus - minus) / (2 * epsilon);
}
