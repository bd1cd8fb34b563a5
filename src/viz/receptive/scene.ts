import type { NetworkReport } from '../../core/analyze';
import { isSpatial, type Pair } from '../../core/shape';
import { feedingRects, INPUT_INDEX, mapSizeOf, unionRect, type IndexRect } from './feeding';

/** One feature map (or the input) with the units that feed the chosen unit marked. */
export interface FieldMap {
  /** Layer index, or -1 for the network input. */
  readonly key: number;
  readonly name: string;
  /** [height, width] of the map. */
  readonly size: Pair;
  /** Every unit that feeds the chosen one, padding positions included. */
  readonly rect: IndexRect;
  /** The part of `rect` inside the map, or null when it lies wholly in the padding. */
  readonly inside: IndexRect | null;
  /** The parts of `rect` outside the map (padding), as up to four bands. */
  readonly padding: readonly IndexRect[];
  /**
   * The area to show: the map plus the padding any unit of the chosen layer reaches,
   * so the picture keeps its scale while the chosen unit moves.
   */
  readonly view: IndexRect;
}

const wholeMap = (size: Pair): IndexRect => ({
  top: 0,
  left: 0,
  bottom: size[0] - 1,
  right: size[1] - 1,
});

/** The part of `rect` inside a map of this size, or null. */
export function clipRect(rect: IndexRect, size: Pair): IndexRect | null {
  const top = Math.max(rect.top, 0);
  const left = Math.max(rect.left, 0);
  const bottom = Math.min(rect.bottom, size[0] - 1);
  const right = Math.min(rect.right, size[1] - 1);
  return top <= bottom && left <= right ? { top, left, bottom, right } : null;
}

/** The parts of `rect` outside a map of this size: bands above and below, then left and right of the middle. */
export function paddingParts(rect: IndexRect, size: Pair): IndexRect[] {
  const inside = clipRect(rect, size);
  if (!inside) return [rect];
  const parts: IndexRect[] = [];
  if (rect.top < 0) parts.push({ ...rect, bottom: -1 });
  if (rect.bottom >= size[0]) parts.push({ ...rect, top: size[0] });
  const middle = { top: inside.top, bottom: inside.bottom };
  if (rect.left < 0) parts.push({ ...middle, left: rect.left, right: -1 });
  if (rect.right >= size[1]) parts.push({ ...middle, left: size[1], right: rect.right });
  return parts;
}

/**
 * What the receptive-field drawing shows for unit (row, col) of layer `layerIndex`:
 * the input, then every spatial layer on a path into it, in network order, ending
 * with the chosen layer itself. Empty when that layer has no feature map.
 */
export function fieldScene(
  report: NetworkReport,
  layerIndex: number,
  unit: { readonly row: number; readonly col: number },
): FieldMap[] {
  const size = mapSizeOf(report.layers[layerIndex]);
  const input = report.input;
  if (!size || !input || !isSpatial(input)) return [];
  const rects = feedingRects(report, layerIndex, unit);
  // The rectangles move monotonically with the unit, so the two far corners bound them all.
  const first = feedingRects(report, layerIndex, { row: 0, col: 0 });
  const last = feedingRects(report, layerIndex, { row: size[0] - 1, col: size[1] - 1 });
  const keys = [...rects.keys()].sort((a, b) => a - b);
  const maps: FieldMap[] = [];
  for (const key of keys) {
    const rect = rects.get(key);
    const mapSize: Pair | null =
      key === INPUT_INDEX ? [input[0], input[1]] : mapSizeOf(report.layers[key]);
    if (!rect || !mapSize) continue;
    let view = wholeMap(mapSize);
    for (const corner of [first.get(key), last.get(key)])
      if (corner) view = unionRect(view, corner);
    maps.push({
      key,
      name: key === INPUT_INDEX ? 'input' : (report.layers[key]?.name ?? `layer ${key}`),
      size: mapSize,
      rect,
      inside: clipRect(rect, mapSize),
      padding: paddingParts(rect, mapSize),
      view,
    });
  }
  return maps;
}

/** A unit clamped into a map of this size. */
export function clampUnit(
  unit: { readonly row: number; readonly col: number },
  size: Pair,
): { row: number; col: number } {
  const clamp = (v: number, n: number) => Math.max(0, Math.min(Math.trunc(v) || 0, n - 1));
  return { row: clamp(unit.row, size[0]), col: clamp(unit.col, size[1]) };
}

/** Moves a unit by an arrow key (Home / End jump to the row's ends, PageUp / PageDown to the column's). */
export function moveUnit(
  unit: { readonly row: number; readonly col: number },
  key: string,
  size: Pair,
): { row: number; col: number } | null {
  const moves: Record<string, [number, number]> = {
    ArrowUp: [unit.row - 1, unit.col],
    ArrowDown: [unit.row + 1, unit.col],
    ArrowLeft: [unit.row, unit.col - 1],
    ArrowRight: [unit.row, unit.col + 1],
    Home: [unit.row, 0],
    End: [unit.row, size[1] - 1],
    PageUp: [0, unit.col],
    PageDown: [size[0] - 1, unit.col],
  };
  const next = moves[key];
  return next ? clampUnit({ row: next[0], col: next[1] }, size) : null;
}
