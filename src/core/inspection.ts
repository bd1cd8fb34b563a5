import type { TrainableRole, WeightRole } from './weights';

/**
 * What the engine reports about one input, as plain data shared by the worker,
 * the store and the panels; the engine's records and a checkpoint's decoded weights are
 * these same types.
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

/**
 * An optimiser's state as plain records: its name, its update count (Adam's t) and, per
 * trainable weight in the model's order, its slots (momentum's v; Adam's m then v), each
 * named and shaped like the weight it belongs to. Plain SGD has no slots.
 */
export interface OptimizerValues {
  readonly name: string;
  readonly iterations: number;
  readonly slots: readonly (readonly WeightValues[])[];
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

/** One learned weight: its layer, its role (kernel, bias…) and its flat index in that tensor. */
export interface WeightRef {
  readonly layerIndex: number;
  readonly role: TrainableRole;
  readonly index: number;
}

/** One image's strongest response in a channel: where (row, column of the feature map) and how strong. */
export interface ChannelResponse {
  /** The image's index in the set searched (the test split). */
  readonly index: number;
  readonly value: number;
  readonly row: number;
  readonly col: number;
}
