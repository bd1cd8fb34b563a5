import type { Pair } from './shape';

/**
 * Where a unit looks on the network's input, following the usual recursion
 * (Araujo et al., 2019): r_out = r_in + (k_eff − 1)·j_in, j_out = j_in·s,
 * start_out = start_in − p·j_in. All values are in input pixels, per axis.
 */
export interface ReceptiveField {
  /** Side lengths of the field of one unit, [height, width]. */
  readonly size: Pair;
  /** Distance on the input between the fields of neighbouring units. */
  readonly jump: Pair;
  /** Input coordinate of the top-left corner of unit (0, 0)'s field; negative means padding. */
  readonly start: Pair;
}

/** The input itself: each pixel sees one pixel. */
export const INPUT_FIELD: ReceptiveField = { size: [1, 1], jump: [1, 1], start: [0, 0] };

const perAxis = (f: (axis: 0 | 1) => number): Pair => [f(0), f(1)];

/** Field after a sliding window of effective size k, stride s and leading padding p. */
export function receptiveFieldAfterWindow(
  field: ReceptiveField,
  effectiveKernel: Pair,
  stride: Pair,
  padBefore: Pair,
): ReceptiveField {
  return {
    size: perAxis((a) => field.size[a] + (effectiveKernel[a] - 1) * field.jump[a]),
    jump: perAxis((a) => field.jump[a] * stride[a]),
    start: perAxis((a) => field.start[a] - padBefore[a] * field.jump[a]),
  };
}

/** Field of a unit that sees every position of the input image (dense, flatten, global pooling). */
export function wholeInputField(inputSize: Pair): ReceptiveField {
  return { size: inputSize, jump: inputSize, start: [0, 0] };
}

/** Of several paths into a layer, the one whose field is largest (by area). */
export function largestField(fields: readonly ReceptiveField[]): ReceptiveField | null {
  let best: ReceptiveField | null = null;
  for (const f of fields) {
    if (!best || f.size[0] * f.size[1] > best.size[0] * best.size[1]) best = f;
  }
  return best;
}

/** Input rectangle (inclusive rows and columns, possibly outside the image) seen by unit (row, col). */
export function fieldOfUnit(
  field: ReceptiveField,
  row: number,
  col: number,
): { top: number; left: number; bottom: number; right: number } {
  const top = field.start[0] + row * field.jump[0];
  const left = field.start[1] + col * field.jump[1];
  return { top, left, bottom: top + field.size[0] - 1, right: left + field.size[1] - 1 };
}
