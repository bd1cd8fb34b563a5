import { convStepIndex, readRowsOf, tapsOf, type ConvHyper, type ConvStep } from './convSteps';

/** How one cell of the padded input grid is drawn at a step. */
export interface InputCellMark {
  /** A zero of the padding border, not an input value. */
  readonly padding: boolean;
  /** Read by a kernel tap of the current window. */
  readonly tap: boolean;
  /** Inside the current window's span (with dilation, the cells between taps too). */
  readonly span: boolean;
  /** An input cell no window ever reads (the stride does not tile, or dilation skips it). */
  readonly unread: boolean;
}

/** The marks of every cell of the (N + 2P)² padded grid, row by row, for the window of `step`. */
export function inputCellMarks(h: ConvHyper, out: number, step: ConvStep): InputCellMark[][] {
  const padded = h.inputSize + 2 * h.padding;
  const read = readRowsOf(h, out);
  const taps = new Set(tapsOf(h, step.oy, step.ox).map((t) => t.py * padded + t.px));
  const span = (h.kernelSize - 1) * h.dilation;
  const top = step.oy * h.stride;
  const left = step.ox * h.stride;
  return Array.from({ length: padded }, (_, py) =>
    Array.from({ length: padded }, (_, px) => {
      const iy = py - h.padding;
      const ix = px - h.padding;
      const padding = iy < 0 || ix < 0 || iy >= h.inputSize || ix >= h.inputSize;
      return {
        padding,
        tap: taps.has(py * padded + px),
        span: py >= top && py <= top + span && px >= left && px <= left + span,
        unread: !padding && (!read[iy] || !read[ix]),
      };
    }),
  );
}

export type OutputCellState = 'done' | 'current' | 'pending';

/** Whether output cell (oy, ox) of `filter` has been written by step `index`, is being written, or not yet. */
export function outputCellState(
  out: number,
  filter: number,
  oy: number,
  ox: number,
  index: number,
): OutputCellState {
  const at = convStepIndex(out, filter, oy, ox);
  return at < index ? 'done' : at === index ? 'current' : 'pending';
}

/** Image rows (1-based, as a person counts) that no window reads; the same list holds for columns. */
export function unreadRowNumbers(h: ConvHyper, out: number): number[] {
  return readRowsOf(h, out).flatMap((read, row) => (read ? [] : [row + 1]));
}
