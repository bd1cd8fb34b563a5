import { elementwiseOf, type ElementwiseActivation } from './activations';
import { createRandom } from './random';

/**
 * A small fully connected network on two inputs, computed by hand in float64: the
 * neuron playground draws every unit and weight of it. Forward and backward passes
 * follow the textbook formulas, so each number shown can be checked by hand.
 */

/** Hidden activations the playground offers (every element-wise one). */
export type HiddenActivation = ElementwiseActivation;
export const HIDDEN_ACTIVATIONS: readonly HiddenActivation[] = [
  'relu',
  'tanh',
  'sigmoid',
  'linear',
  'leakyrelu',
  'elu',
  'softplus',
];

/** One sigmoid unit giving p(class 1), or two softmax units giving p(class 0) and p(class 1). */
export type OutputKind = 'sigmoid' | 'softmax';
export const OUTPUT_KINDS: readonly OutputKind[] = ['sigmoid', 'softmax'];

export const MAX_HIDDEN_LAYERS = 4;
export const MAX_HIDDEN_UNITS = 8;

export interface SmallMlpSpec {
  /** Units of each hidden layer; empty for a single-layer perceptron. */
  readonly hidden: readonly number[];
  readonly activation: HiddenActivation;
  readonly output: OutputKind;
}

export interface SmallMlp {
  readonly spec: SmallMlpSpec;
  /** Units per layer, inputs first: [2, ...hidden, 1 or 2]. */
  readonly sizes: readonly number[];
  /** weights[l][j · n_l + i] is the weight from unit i of layer l to unit j of layer l + 1. */
  readonly weights: Float64Array[];
  readonly biases: Float64Array[];
}

/** Units per layer, inputs first. */
export function layerSizesOf(spec: SmallMlpSpec): number[] {
  return [2, ...spec.hidden, spec.output === 'softmax' ? 2 : 1];
}

/**
 * Seeded initial weights, biases zero. He (std √(2/n_in)) for the ReLU family, Glorot
 * (std √(2/(n_in + n_out))) otherwise; each layer draws from its own fork of the seed.
 */
export function createSmallMlp(spec: SmallMlpSpec, seed: string | number): SmallMlp {
  const sizes = layerSizesOf(spec);
  const random = createRandom(`small-mlp/${seed}`);
  const he = elementwiseOf(spec.activation).suitedInit === 'he';
  const weights: Float64Array[] = [];
  const biases: Float64Array[] = [];
  for (let l = 0; l + 1 < sizes.length; l++) {
    const fanIn = sizes[l] ?? 1;
    const fanOut = sizes[l + 1] ?? 1;
    const std = he ? Math.sqrt(2 / fanIn) : Math.sqrt(2 / (fanIn + fanOut));
    const layerRandom = random.fork(`layer${l}`);
    weights.push(Float64Array.from({ length: fanIn * fanOut }, () => layerRandom.normal(0, std)));
    biases.push(new Float64Array(fanOut));
  }
  return { spec, sizes, weights, biases };
}

/** Every value of one forward pass. */
export interface ForwardTrace {
  /** Pre-activations z of layers 1..L (index l − 1 for layer l). */
  readonly pre: Float64Array[];
  /** Activations a of layers 0..L; a⁰ is the input point. */
  readonly post: Float64Array[];
  /** p(class 1) for this point. */
  readonly probability: number;
}

const sigmoid = elementwiseOf('sigmoid').value;

/** Forward pass: zˡ = Wˡ aˡ⁻¹ + bˡ, aˡ = f(zˡ); the last layer applies sigmoid or softmax. */
export function forwardSmallMlp(net: SmallMlp, x: number, y: number): ForwardTrace {
  const hidden = elementwiseOf(net.spec.activation).value;
  const post: Float64Array[] = [Float64Array.of(x, y)];
  const pre: Float64Array[] = [];
  const last = net.weights.length - 1;
  for (let l = 0; l <= last; l++) {
    const input = post[l] ?? new Float64Array(0);
    const w = net.weights[l] ?? new Float64Array(0);
    const b = net.biases[l] ?? new Float64Array(0);
    const n = input.length;
    const z = new Float64Array(b.length);
    for (let j = 0; j < b.length; j++) {
      let sum = b[j] ?? 0;
      for (let i = 0; i < n; i++) sum += (w[j * n + i] ?? 0) * (input[i] ?? 0);
      z[j] = sum;
    }
    pre.push(z);
    post.push(l < last ? z.map(hidden) : outputOf(net.spec.output, z));
  }
  const out = post[post.length - 1] ?? new Float64Array(1);
  const probability = net.spec.output === 'softmax' ? (out[1] ?? 0) : (out[0] ?? 0);
  return { pre, post, probability };
}

function outputOf(kind: OutputKind, z: Float64Array): Float64Array {
  if (kind === 'sigmoid') return z.map(sigmoid);
  const z0 = z[0] ?? 0;
  const z1 = z[1] ?? 0;
  const p1 = sigmoid(z1 - z0); // two-way softmax: e^z1 / (e^z0 + e^z1) = σ(z1 − z0)
  return Float64Array.of(1 - p1, p1);
}

/** Cross-entropy of one point: −log p(label), computed from the logits so it never overflows. */
export function lossOfTrace(net: SmallMlp, trace: ForwardTrace, label: number): number {
  const z = trace.pre[trace.pre.length - 1] ?? new Float64Array(1);
  // −log σ(s) = softplus(−s), with s the logit in favour of the true class.
  const s =
    net.spec.output === 'softmax'
      ? (label === 1 ? 1 : -1) * ((z[1] ?? 0) - (z[0] ?? 0))
      : (label === 1 ? 1 : -1) * (z[0] ?? 0);
  return elementwiseOf('softplus').value(-s);
}

/** Gradients of one point's loss. */
export interface PointGradients {
  /** δˡ = ∂L/∂zˡ for layers 1..L (index l − 1), the "error" of every unit. */
  readonly delta: Float64Array[];
  /** ∂L/∂Wˡ, laid out as the weights. */
  readonly weights: Float64Array[];
  readonly biases: Float64Array[];
}

/**
 * Backward pass by the chain rule: at the output δ = p − y (sigmoid or softmax with
 * cross-entropy); then δˡ = f′(zˡ) ⊙ (Wˡ⁺¹)ᵀ δˡ⁺¹, ∂L/∂Wˡ = δˡ (aˡ⁻¹)ᵀ, ∂L/∂bˡ = δˡ.
 */
export function backwardSmallMlp(
  net: SmallMlp,
  trace: ForwardTrace,
  label: number,
): PointGradients {
  const derivative = elementwiseOf(net.spec.activation).derivative;
  const L = net.weights.length;
  const delta: Float64Array[] = new Array<Float64Array>(L);
  const out = trace.post[L] ?? new Float64Array(1);
  delta[L - 1] =
    net.spec.output === 'softmax'
      ? Float64Array.of(
          (out[0] ?? 0) - (label === 0 ? 1 : 0),
          (out[1] ?? 0) - (label === 1 ? 1 : 0),
        )
      : Float64Array.of((out[0] ?? 0) - label);
  for (let l = L - 2; l >= 0; l--) {
    const z = trace.pre[l] ?? new Float64Array(0);
    const next = delta[l + 1] ?? new Float64Array(0);
    const w = net.weights[l + 1] ?? new Float64Array(0);
    const d = new Float64Array(z.length);
    for (let i = 0; i < z.length; i++) {
      let sum = 0;
      for (let j = 0; j < next.length; j++) sum += (w[j * z.length + i] ?? 0) * (next[j] ?? 0);
      d[i] = sum * derivative(z[i] ?? 0);
    }
    delta[l] = d;
  }
  const weights = delta.map((d, l) => {
    const a = trace.post[l] ?? new Float64Array(0);
    const g = new Float64Array(d.length * a.length);
    for (let j = 0; j < d.length; j++)
      for (let i = 0; i < a.length; i++) g[j * a.length + i] = (d[j] ?? 0) * (a[i] ?? 0);
    return g;
  });
  return { delta, weights, biases: delta.map((d) => d.slice()) };
}

/** Mean loss and mean gradients over some points (indices into the xy/labels arrays). */
export function batchGradientsOf(
  net: SmallMlp,
  xy: Float64Array,
  labels: Uint8Array,
  indices: ArrayLike<number>,
): { loss: number; weights: Float64Array[]; biases: Float64Array[] } {
  const weights = net.weights.map((w) => new Float64Array(w.length));
  const biases = net.biases.map((b) => new Float64Array(b.length));
  let loss = 0;
  const n = indices.length;
  for (let k = 0; k < n; k++) {
    const p = indices[k] ?? 0;
    const label = labels[p] ?? 0;
    const trace = forwardSmallMlp(net, xy[2 * p] ?? 0, xy[2 * p + 1] ?? 0);
    loss += lossOfTrace(net, trace, label) / n;
    const g = backwardSmallMlp(net, trace, label);
    addScaled(weights, g.weights, 1 / n);
    addScaled(biases, g.biases, 1 / n);
  }
  return { loss, weights, biases };
}

/** target += scale · source, array by array. */
export function addScaled(target: Float64Array[], source: Float64Array[], scale: number): void {
  target.forEach((t, l) => {
    const s = source[l];
    if (s) for (let i = 0; i < t.length; i++) t[i] = (t[i] ?? 0) + scale * (s[i] ?? 0);
  });
}
