import type { WeightRole } from './weights';

/**
 * What the engine reports about one input, as plain data shared by the worker,
 * the store and the panels (the engine's own records have the same shape).
 */
export interface LayerValues {
  readonly layerIndex: number;
  readonly name: string;
  /** Without the batch axis: [h, w, c] or [n]; weights keep their own shapes. */
  readonly shape: readonly number[];
  readonly data: Float32Array;
}

export interface WeightValues extends LayerValues {
  readonly role: WeightRole;
}

export interface InspectionData {
  /** The label the loss was computed against (the true class, or the predicted one for an own image). */
  readonly label: number;
  readonly predicted: number;
  readonly loss: number;
  readonly logits: Float32Array;
  readonly probabilities: Float32Array;
  readonly activations: readonly LayerValues[];
  /** ∂L/∂(layer output), layer by layer. */
  readonly outputGradients: readonly LayerValues[];
  readonly weights: readonly WeightValues[];
  readonly weightGradients: readonly WeightValues[];
  /** The training step the network had reached. */
  readonly step: number;
}

/** The gradient check for one weight: the loss nudged both ways, the central difference, backprop. */
export interface GradientCheckResult {
  readonly weight: number;
  readonly epsilon: number;
  readonly loss: number;
  readonly lossPlus: number;
  readonly lossMinus: number;
  /** (L(w + ε) − L(w − ε)) / 2ε */
  readonly numerical: number;
  readonly backprop: number;
  /** |numerical − backprop| / max(|numerical|, |backprop|, 1e-12) */
  readonly relativeError: number;
}
