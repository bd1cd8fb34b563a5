import type { InitScheme } from './initialisation';

/** The activation functions a layer may apply, in the order the lab lists them. */
export const ACTIVATIONS = [
  'linear',
  'relu',
  'leakyrelu',
  'elu',
  'sigmoid',
  'tanh',
  'softplus',
  'softmax',
] as const;

export type Activation = (typeof ACTIVATIONS)[number];

/** Every activation but softmax, which couples the values of a vector. */
export type ElementwiseActivation = Exclude<Activation, 'softmax'>;

/** True when `name` is one of the lab's activation functions. */
export function isActivation(name: unknown): name is Activation {
  return typeof name === 'string' && (ACTIVATIONS as readonly string[]).includes(name);
}

/** Slope of leaky ReLU for negative inputs: f(x) = max(αx, x) with α = 0.01 (Maas et al. 2013). */
export const LEAKY_RELU_ALPHA = 0.01;

/** ELU's saturation value for very negative inputs: f(x) = α(eˣ − 1) for x ≤ 0, with α = 1. */
export const ELU_ALPHA = 1;

/** What the explainers write about an activation. */
export interface ActivationText {
  /** Its name in prose, e.g. "leaky ReLU". */
  readonly label: string;
  /** Its name as a TeX operator, e.g. \operatorname{ReLU}. */
  readonly texName: string;
  /** Its definition in TeX as a function of z. */
  readonly tex: string;
  /** The forward formula in plain text, a = f(z). */
  readonly forward: string;
  /** The backward formula in plain text, ∂L/∂z from ∂L/∂a. */
  readonly backward: string;
}

/** An element-wise activation: its text, its value, its derivative, and its slope from its output. */
export interface ElementwiseFacts extends ActivationText {
  value(x: number): number;
  derivative(x: number): number;
  /**
   * f′(z) read off the output a = f(z), for the activations whose explainer undoes the gate
   * from the output alone (absent for the others).
   */
  readonly slopeFromOutput?: (a: number) => number;
  /** The largest value f′ takes, written for a reader ("¼", "1"). */
  readonly maxSlope: string;
  /**
   * The initialisation that keeps the signal's variance through a layer of it: He for the
   * ReLU family, which zeroes or shrinks half of its inputs, Glorot for the rest.
   */
  readonly suitedInit: Extract<InitScheme, 'he' | 'glorot'>;
}

/** One row per activation: a missing or misspelt activation is a compile error. */
export type ActivationTable = {
  readonly [K in Activation]: K extends 'softmax' ? ActivationText : ElementwiseFacts;
};

const sigmoid = (x: number): number =>
  x >= 0 ? 1 / (1 + Math.exp(-x)) : Math.exp(x) / (1 + Math.exp(x));

/**
 * Every fact the lab states about an activation, in one place: the reference ops, the engine
 * (through the same constants), the network view's formulas and the maths panel read it.
 */
export const ACTIVATION_FACTS = {
  /** f(x) = x. */
  linear: {
    label: 'linear',
    texName: '\\operatorname{id}',
    tex: 'z',
    forward: 'a = z',
    backward: '∂L/∂z = ∂L/∂a',
    value: (x) => x,
    derivative: () => 1,
    slopeFromOutput: () => 1,
    maxSlope: '1',
    suitedInit: 'glorot',
  },
  /** f(x) = max(0, x); f′(x) = 1 for x > 0, else 0 (0 at the kink, as TensorFlow does). */
  relu: {
    label: 'ReLU',
    texName: '\\operatorname{ReLU}',
    tex: '\\max(0, z)',
    forward: 'a = max(0, z)',
    backward: '∂L/∂z = ∂L/∂a · [a > 0]   (zero where the unit was off)',
    value: (x) => (x > 0 ? x : 0),
    derivative: (x) => (x > 0 ? 1 : 0),
    slopeFromOutput: (a) => (a > 0 ? 1 : 0),
    maxSlope: '1',
    suitedInit: 'he',
  },
  /** f(x) = x for x > 0, αx otherwise. */
  leakyrelu: {
    label: 'leaky ReLU',
    texName: '\\operatorname{LeakyReLU}',
    tex: '\\max(0.01z, z)',
    forward: 'a = max(0.01·z, z)',
    backward: '∂L/∂z = ∂L/∂a · (1 if z > 0, else 0.01)',
    value: (x) => (x > 0 ? x : LEAKY_RELU_ALPHA * x),
    derivative: (x) => (x > 0 ? 1 : LEAKY_RELU_ALPHA),
    maxSlope: '1',
    suitedInit: 'he',
  },
  /** f(x) = x for x > 0, α(eˣ − 1) otherwise. */
  elu: {
    label: 'ELU',
    texName: '\\operatorname{ELU}',
    tex: 'z \\text{ if } z>0 \\text{ else } e^{z}-1',
    forward: 'a = z for z > 0, e^z − 1 otherwise',
    backward: '∂L/∂z = ∂L/∂a · (1 if z > 0, else a + 1)',
    value: (x) => (x > 0 ? x : ELU_ALPHA * Math.expm1(x)),
    derivative: (x) => (x > 0 ? 1 : ELU_ALPHA * Math.exp(x)),
    maxSlope: '1',
    suitedInit: 'he',
  },
  /** σ(x) = 1 / (1 + e⁻ˣ); σ′ = σ(1 − σ). */
  sigmoid: {
    label: 'sigmoid',
    texName: '\\sigma',
    tex: '1/(1+e^{-z})',
    forward: 'a = σ(z) = 1 / (1 + e^(−z))',
    backward: '∂L/∂z = ∂L/∂a · a(1 − a)   (at most ¼)',
    value: sigmoid,
    derivative: (x) => sigmoid(x) * (1 - sigmoid(x)),
    slopeFromOutput: (a) => a * (1 - a),
    maxSlope: '¼',
    suitedInit: 'glorot',
  },
  /** tanh(x); tanh′ = 1 − tanh². */
  tanh: {
    label: 'tanh',
    texName: '\\tanh',
    tex: '\\tanh z',
    forward: 'a = tanh(z)',
    backward: '∂L/∂z = ∂L/∂a · (1 − a²)',
    value: Math.tanh,
    derivative: (x) => 1 - Math.tanh(x) ** 2,
    slopeFromOutput: (a) => 1 - a * a,
    maxSlope: '1',
    suitedInit: 'glorot',
  },
  /** ς(x) = log(1 + eˣ), computed as max(x, 0) + log(1 + e^−|x|); ς′ = σ. */
  softplus: {
    label: 'softplus',
    texName: '\\operatorname{softplus}',
    tex: '\\log(1+e^{z})',
    forward: 'a = log(1 + e^z)',
    backward: '∂L/∂z = ∂L/∂a · σ(z)',
    value: (x) => Math.max(x, 0) + Math.log1p(Math.exp(-Math.abs(x))),
    derivative: sigmoid,
    maxSlope: '1',
    suitedInit: 'glorot',
  },
  /** pₖ = e^(zₖ) / Σⱼ e^(zⱼ); computed by softmaxReference, since it couples a vector's values. */
  softmax: {
    label: 'softmax',
    texName: '\\operatorname{softmax}_j',
    tex: 'e^{z_j}/\\textstyle\\sum_k e^{z_k}',
    forward: 'pₖ = e^(zₖ) / Σⱼ e^(zⱼ)',
    backward: '∂L/∂zₖ = pₖ − yₖ   (softmax with cross-entropy, y one-hot)',
  },
} as const satisfies ActivationTable;

/** True for the activations applied value by value (all but softmax). */
export const isElementwise = (fn: Activation): fn is ElementwiseActivation => fn !== 'softmax';

/** The element-wise activation `fn`, with its value and derivative. */
export const elementwiseOf = (fn: ElementwiseActivation): ElementwiseFacts => ACTIVATION_FACTS[fn];

/** An activation as a function of one number, for plotting f and f′. */
export interface ActivationCurve {
  value(x: number): number;
  derivative(x: number): number;
  /** What the curve stands for where f is not a function of one number (softmax). */
  readonly note?: string;
}

/**
 * Every activation as a curve of one variable z. The element-wise ones are f and f′ from the
 * table; softmax couples a vector, so its curve is its first output on the pair (z, 0),
 * p₁ = e^z / (e^z + e^0) = σ(z), with ∂p₁/∂z = p₁(1 − p₁) (the other input held at 0).
 */
export function activationCurveOf(fn: Activation): ActivationCurve {
  if (isElementwise(fn)) return elementwiseOf(fn);
  return {
    value: sigmoid,
    derivative: (x) => sigmoid(x) * (1 - sigmoid(x)),
    note: 'softmax of the pair (z, 0): its first output p₁ = e^z / (e^z + 1), and ∂p₁/∂z',
  };
}
