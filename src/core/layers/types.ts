import type { Diagnostic } from '../diagnostics';
import type { FieldSpec, FieldValue } from '../fields';
import type { ReceptiveField } from '../receptiveField';
import type { Shape } from '../shape';
import type { WindowAxis } from '../window';

/** A layer's parsed fields, keyed by field name, every default filled in. */
export type LayerParams = Readonly<Record<string, FieldValue>>;

/** What a layer type is given to work out its output. */
export interface LayerContext {
  /** Output shapes of the layers (or the network input) feeding this layer, in order. */
  readonly inputShapes: readonly Shape[];
  /** Their receptive fields on the network input; null when the input is not an image. */
  readonly inputFields: readonly (ReceptiveField | null)[];
  /** The network input's shape, for layers whose field is the whole image. */
  readonly networkInput: Shape;
}

/** A problem the layer type reports; the analyser adds the layer's index and name. */
export type LayerIssue = Pick<Diagnostic, 'severity' | 'field' | 'message'>;

/** The sliding-window geometry of a conv or pooling layer, for the explainers. */
export interface WindowGeometry {
  readonly height: WindowAxis;
  readonly width: WindowAxis;
}

export interface LayerOutcome {
  /** Null when the layer cannot be computed (an error is among `issues`). */
  readonly outputShape: Shape | null;
  /** Trainable parameters. */
  readonly params: number;
  /** Non-trainable state, such as batch norm's running mean and variance. */
  readonly state: number;
  /** Multiply-accumulates for one sample (conv and dense layers; others count 0). */
  readonly macs: number;
  readonly receptiveField: ReceptiveField | null;
  readonly window?: WindowGeometry;
  readonly issues: readonly LayerIssue[];
}

/** One entry of the layer registry: everything the lab knows about a layer type. */
export interface LayerDefinition<P extends LayerParams = LayerParams> {
  readonly type: string;
  /** Name as a lecture would say it, e.g. "Convolution". */
  readonly label: string;
  /** One sentence on what the layer computes. */
  readonly summary: string;
  readonly fields: readonly FieldSpec[];
  /** True for layers that combine several inputs (`add`, `concat`). */
  readonly multiInput: boolean;
  /** True for layers that act on each value or channel without changing the shape. */
  readonly shapePreserving: boolean;
  evaluate(context: LayerContext, params: P): LayerOutcome;
}

/**
 * Registers a layer type with typed params. The parser fills params from the
 * type's own field list, so the cast to the registry's common type is sound.
 */
export function defineLayer<P extends LayerParams>(
  definition: LayerDefinition<P>,
): LayerDefinition {
  return definition as unknown as LayerDefinition;
}

/** The outcome of a layer that cannot be computed. */
export function failedOutcome(issues: readonly LayerIssue[]): LayerOutcome {
  return { outputShape: null, params: 0, state: 0, macs: 0, receptiveField: null, issues };
}
