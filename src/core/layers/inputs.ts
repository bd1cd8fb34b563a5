import { receptiveFieldAfterWindow, wholeInputField, type ReceptiveField } from '../receptiveField';
import { formatShape, isSpatial, type Pair, type Shape } from '../shape';
import type { LayerContext, LayerIssue, WindowGeometry } from './types';
import { windowFieldTerms } from './windowed';

/** The single input of a one-input layer. */
export function onlyInput(context: LayerContext): { shape: Shape; field: ReceptiveField | null } {
  return { shape: context.inputShapes[0] ?? [], field: context.inputFields[0] ?? null };
}

/** The error for a spatial layer that receives a flat vector. */
export function needsImageInput(label: string, shape: Shape): LayerIssue {
  return {
    severity: 'error',
    message: `${label} needs an image-shaped input (height×width×channels) but receives a vector of ${formatShape(shape)} values. Move it before the flatten layer, or give the network an [height, width, channels] input.`,
  };
}

/** Field after a window, or null when the input has no field (a vector input). */
export function fieldAfterWindow(
  field: ReceptiveField | null,
  geometry: WindowGeometry,
  stride: Pair,
): ReceptiveField | null {
  return field ? receptiveFieldAfterWindow(field, ...windowFieldTerms(geometry, stride)) : null;
}

/** Field of a unit that sees the whole image, or null when the network input is a vector. */
export function wholeImageField(context: LayerContext): ReceptiveField | null {
  const input = context.networkInput;
  return isSpatial(input) ? wholeInputField([input[0], input[1]]) : null;
}
