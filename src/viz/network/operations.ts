import { ACTIVATION_FACTS, type Activation } from '../../core/activations';
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

/** Adds the activation's name and formulas; a linear layer adds nothing. */
const withActivation = (
  steps: string[],
  forward: string[],
  backward: string[],
  fn: Activation,
): Operation => {
  if (fn === 'linear') return { steps, forward, backward };
  const facts = ACTIVATION_FACTS[fn];
  return {
    steps: [...steps, facts.label],
    forward: [...forward, facts.forward],
    backward: [facts.backward, ...backward],
  };
};

/** The named operation and formulas of one layer. */
export function operationOf(layer: LayerLike): Operation {
  const fn = finalActivationOf(layer) ?? 'linear';
  switch (layer.type) {
    case 'conv2d':
      return withActivation(
        ['convolution'],
        ['z[i,j,k] = b[k] + Σ_(u,v,c) W[u,v,c,k] · x[s·i+u, s·j+v, c]'],
        [
          '∂L/∂W[u,v,c,k] = Σ_(i,j) ∂L/∂z[i,j,k] · x[s·i+u, s·j+v, c]',
          '∂L/∂x = the same windows, run backwards: Σ ∂L/∂z · W',
        ],
        fn,
      );
    case 'dense':
      return withActivation(
        ['dense'],
        ['z = W·x + b'],
        ['∂L/∂W = ∂L/∂z · xᵀ,   ∂L/∂b = ∂L/∂z', '∂L/∂x = Wᵀ · ∂L/∂z'],
        fn,
      );
    case 'activation':
      return withActivation([], [], [], fn);
    case 'maxpool2d':
      return {
        steps: ['max pooling'],
        forward: ['y[i,j,c] = max of x[i,j,c] over the window'],
        backward: ['∂L/∂x = ∂L/∂y at the window’s largest input (the winner), 0 elsewhere'],
      };
    case 'avgpool2d':
      return {
        steps: ['average pooling'],
        forward: ['y[i,j,c] = mean of x over the window'],
        backward: ['∂L/∂x = ∂L/∂y / n for each of the window’s n inputs'],
      };
    case 'globalavgpool2d':
      return {
        steps: ['global average pooling'],
        forward: ['y[c] = mean over i, j of x[i,j,c]'],
        backward: ['∂L/∂x[i,j,c] = ∂L/∂y[c] / (H·W)'],
      };
    case 'flatten':
      return {
        steps: ['flatten'],
        forward: ['h×w×c values laid out as one vector (no arithmetic)'],
        backward: ['∂L/∂x = ∂L/∂y reshaped back to h×w×c'],
      };
    case 'dropout':
      return {
        steps: ['dropout'],
        forward: ['training: y = x · m / (1 − rate), m random 0/1; inspection: y = x'],
        backward: ['∂L/∂x = ∂L/∂y · m / (1 − rate)'],
      };
    case 'batchnorm':
      return {
        steps: ['batch normalisation'],
        forward: ['y = γ · (x − μ) / √(σ² + ε) + β   (per channel)'],
        backward: ['∂L/∂γ = Σ ∂L/∂y · x̂,   ∂L/∂β = Σ ∂L/∂y'],
      };
    case 'add':
      return {
        steps: ['addition (skip connection)'],
        forward: ['y = x₁ + x₂'],
        backward: ['∂L/∂x₁ = ∂L/∂x₂ = ∂L/∂y   (the skip carries the gradient unchanged)'],
      };
    case 'concat':
      return {
        steps: ['concatenation'],
        forward: ['y = [x₁, x₂] along the channels'],
        backward: ['each input gets its own slice of ∂L/∂y'],
      };
    default:
      return { steps: [layer.type], forward: [], backward: [] };
  }
}

/** The operation as one phrase: "convolution → ReLU". */
export const operationName = (op: Operation): string => op.steps.join(' → ');
