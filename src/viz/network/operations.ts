import { ACTIVATION_FACTS } from '../../core/activations';
import { finalActivationOf } from '../../core/reference/network';

/**
 * What each layer computes, named as a lecture would and written as a formula,
 * for the forward pass and for the backward pass.
 */
export interface LayerLike {
  readonly type: string;
  readonly params: Readonly<Record<string, unknown>> | null;
}

export interface Operation {
  /** The operations in order, e.g. ["convolution", "ReLU"]. */
  readonly steps: readonly string[];
  /** Forward formulas, one a line. */
  readonly forward: readonly string[];
  /** Backward formulas, one a line. */
  readonly backward: readonly string[];
}

/** Each layer type's own operation, before the activation it may apply at its end. */
const LAYER_OPERATIONS: Readonly<Record<string, Operation>> = {
  conv2d: {
    steps: ['convolution'],
    forward: ['z[i,j,k] = b[k] + Σ_(u,v,c) W[u,v,c,k] · x[s·i+u, s·j+v, c]'],
    backward: [
      '∂L/∂W[u,v,c,k] = Σ_(i,j) ∂L/∂z[i,j,k] · x[s·i+u, s·j+v, c]',
      '∂L/∂x = the same windows, run backwards: Σ ∂L/∂z · W',
    ],
  },
  dense: {
    steps: ['dense'],
    forward: ['z = W·x + b'],
    backward: ['∂L/∂W = ∂L/∂z · xᵀ,   ∂L/∂b = ∂L/∂z', '∂L/∂x = Wᵀ · ∂L/∂z'],
  },
  maxout: {
    steps: ['maxout'],
    forward: ['z[j,p] = (W·x + b)[j·k + p],   h[j] = max over the k pieces p of z[j,p]'],
    backward: [
      '∂L/∂z[j,p] = ∂L/∂h[j] for the winning piece, 0 for the others',
      '∂L/∂W, ∂L/∂x as for a dense layer, from ∂L/∂z',
    ],
  },
  activation: { steps: [], forward: [], backward: [] },
  maxpool2d: {
    steps: ['max pooling'],
    forward: ['y[i,j,c] = max of x[i,j,c] over the window'],
    backward: ['∂L/∂x = ∂L/∂y at the window’s largest input (the winner), 0 elsewhere'],
  },
  avgpool2d: {
    steps: ['average pooling'],
    forward: ['y[i,j,c] = mean of x over the window'],
    backward: ['∂L/∂x = ∂L/∂y / n for each of the window’s n inputs'],
  },
  globalavgpool2d: {
    steps: ['global average pooling'],
    forward: ['y[c] = mean over i, j of x[i,j,c]'],
    backward: ['∂L/∂x[i,j,c] = ∂L/∂y[c] / (H·W)'],
  },
  flatten: {
    steps: ['flatten'],
    forward: ['h×w×c values laid out as one vector (no arithmetic)'],
    backward: ['∂L/∂x = ∂L/∂y reshaped back to h×w×c'],
  },
  dropout: {
    steps: ['dropout'],
    forward: ['training: y = x · m / (1 − rate), m random 0/1; inspection: y = x'],
    backward: ['∂L/∂x = ∂L/∂y · m / (1 − rate)'],
  },
  batchnorm: {
    steps: ['batch normalisation'],
    forward: ['y = γ · (x − μ) / √(σ² + ε) + β   (per channel)'],
    backward: ['∂L/∂γ = Σ ∂L/∂y · x̂,   ∂L/∂β = Σ ∂L/∂y'],
  },
  add: {
    steps: ['addition (skip connection)'],
    forward: ['y = x₁ + x₂'],
    backward: ['∂L/∂x₁ = ∂L/∂x₂ = ∂L/∂y   (the skip carries the gradient unchanged)'],
  },
  concat: {
    steps: ['concatenation'],
    forward: ['y = [x₁, x₂] along the channels'],
    backward: ['each input gets its own slice of ∂L/∂y'],
  },
};

/**
 * The named operation and formulas of one layer: its own, then the activation's from core's
 * table (forward after, backward before, as the chain rule meets them); linear adds nothing.
 */
export function operationOf(layer: LayerLike): Operation {
  const own = LAYER_OPERATIONS[layer.type];
  if (!own) return { steps: [layer.type], forward: [], backward: [] };
  const fn = finalActivationOf(layer) ?? 'linear';
  if (fn === 'linear') return own;
  const facts = ACTIVATION_FACTS[fn];
  return {
    steps: [...own.steps, facts.label],
    forward: [...own.forward, facts.forward],
    backward: [facts.backward, ...own.backward],
  };
}

/** The operation as one phrase: "convolution → ReLU". */
export const operationName = (op: Operation): string => op.steps.join(' → ');
