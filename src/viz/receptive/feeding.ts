import type { LayerReport, NetworkReport } from '../../core/analyze';
import { isSpatial, type Pair } from '../../core/shape';

/**
 * An inclusive rectangle of unit indices of one feature map (or input pixels):
 * rows top..bottom, columns left..right. It may reach outside the map, where
 * the units are padding.
 */
export interface IndexRect {
  readonly top: number;
  readonly left: number;
  readonly bottom: number;
  readonly right: number;
}

/** The index the network input goes by among the layers (its sources list it as -1). */
export const INPUT_INDEX = -1;

/** The smallest rectangle holding both. */
export function unionRect(a: IndexRect, b: IndexRect): IndexRect {
  return {
    top: Math.min(a.top, b.top),
    left: Math.min(a.left, b.left),
    bottom: Math.max(a.bottom, b.bottom),
    right: Math.max(a.right, b.right),
  };
}

/** Rows and columns of a rectangle: [bottom − top + 1, right − left + 1]. */
export function rectSize(rect: IndexRect): Pair {
  return [rect.bottom - rect.top + 1, rect.right - rect.left + 1];
}

/** [height, width] of a layer's feature map, or null when its output is not H×W×C. */
export function mapSizeOf(layer: LayerReport | undefined): Pair | null {
  const shape = layer?.outputShape;
  return shape && isSpatial(shape) ? [shape[0], shape[1]] : null;
}

/** Layers whose output is an H×W×C feature map with a receptive field on the input: the ones with units to click. */
export function spatialLayerIndices(report: NetworkReport): number[] {
  return report.layers
    .filter((l) => mapSizeOf(l) !== null && l.receptiveField !== null)
    .map((l) => l.index);
}

/** Indices of the layers feeding each layer (-1 for the network input), from the report's input names. */
export function sourcesByLayer(report: NetworkReport): number[][] {
  const indexByName = new Map<string, number>([['input', INPUT_INDEX]]);
  return report.layers.map((layer) => {
    const sources = layer.inputNames.map((name) => indexByName.get(name) ?? Number.NaN);
    if (!indexByName.has(layer.name)) indexByName.set(layer.name, layer.index);
    return sources.filter((s) => Number.isInteger(s) && s < layer.index);
  });
}

const isPair = (v: unknown): v is Pair =>
  Array.isArray(v) && v.length === 2 && v.every((n) => Number.isInteger(n) && n > 0);

/**
 * The units of a layer's input that feed the output units in `rect`. A sliding
 * window (kernel or pooling) with stride s, leading padding p and effective size
 * k_eff = d·(k − 1) + 1 maps output rows a..b to input rows a·s − p .. b·s − p + k_eff − 1
 * (per axis); layers that keep positions (activation, batch norm, add, concat…) pass
 * the rectangle through. Null when the layer is not spatial.
 */
export function rectBeforeLayer(layer: LayerReport, rect: IndexRect): IndexRect | null {
  if (!mapSizeOf(layer)) return null;
  const window = layer.window;
  if (!window) return rect;
  const stride = layer.params?.['stride'];
  if (!isPair(stride)) return null;
  const [sh, sw] = stride;
  const { height, width } = window;
  return {
    top: rect.top * sh - height.padBefore,
    left: rect.left * sw - width.padBefore,
    bottom: rect.bottom * sh - height.padBefore + height.effectiveKernel - 1,
    right: rect.right * sw - width.padBefore + width.effectiveKernel - 1,
  };
}

/**
 * For one unit (row, col) of layer `layerIndex`, the rectangle of units of every
 * layer on a path into it that feed it, and of input pixels (key -1), found by
 * walking the window geometry backwards. Where several paths meet (residual `add`,
 * `concat`), a layer's rectangle is the hull of what each path needs. Rectangles
 * keep the positions that fall into padding, so at the input this equals the core's
 * fieldOfUnit for a chain of layers.
 */
export function feedingRects(
  report: NetworkReport,
  layerIndex: number,
  unit: { readonly row: number; readonly col: number },
): Map<number, IndexRect> {
  const rects = new Map<number, IndexRect>();
  if (!mapSizeOf(report.layers[layerIndex])) return rects;
  const sources = sourcesByLayer(report);
  rects.set(layerIndex, { top: unit.row, left: unit.col, bottom: unit.row, right: unit.col });
  for (let k = layerIndex; k >= 0; k--) {
    const rect = rects.get(k);
    const layer = report.layers[k];
    if (!rect || !layer) continue;
    const before = rectBeforeLayer(layer, rect);
    if (!before) continue;
    for (const s of sources[k] ?? []) {
      const known = rects.get(s);
      rects.set(s, known ? unionRect(known, before) : before);
    }
  }
  return rects;
}
