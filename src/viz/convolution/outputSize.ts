import type { ConvHyper, ConvGeometry } from './convSteps';
import { formatCell } from './format';
import { unreadRowNumbers } from './highlight';

/** The output-size formula with the current numbers, and what happens when it is not whole. */
export interface OutputSizeText {
  /** e.g. "(7 − 3 + 2·0)/3 + 1 = 2.33". */
  readonly formula: string;
  /** With dilation: "D·(F − 1) + 1 = 2·(3 − 1) + 1 = 5", the kernel's span, which the formula uses as F; else null. */
  readonly dilatedKernel: string | null;
  readonly tiles: boolean;
  /** What frameworks do and what is lost, in sentences (empty when the window tiles and reads every row). */
  readonly notes: readonly string[];
}

const list = (numbers: readonly number[]): string =>
  numbers.length === 1
    ? String(numbers[0])
    : `${numbers.slice(0, -1).join(', ')} and ${numbers[numbers.length - 1]}`;

/** Explains (W − F + 2P)/S + 1 for the explainer's settings. */
export function outputSizeTextOf(
  h: ConvHyper,
  geometry: Extract<ConvGeometry, { ok: true }>,
): OutputSizeText {
  const { axis, out } = geometry;
  const formula = `(${h.inputSize} − ${axis.effectiveKernel} + 2·${h.padding})/${h.stride} + 1 = ${formatCell(axis.formulaValue)}`;
  const dilatedKernel =
    h.dilation > 1
      ? `D·(F − 1) + 1 = ${h.dilation}·(${h.kernelSize} − 1) + 1 = ${axis.effectiveKernel}`
      : null;
  const tiles = axis.leftover === 0;
  const notes: string[] = [];
  const unread = unreadRowNumbers(h, out);
  const tail = unread.filter((r) => r > (out - 1) * h.stride + axis.effectiveKernel - h.padding);
  const gaps = unread.filter((r) => !tail.includes(r));
  if (!tiles) {
    const what = axis.leftover === 1 ? 'row and column' : `${axis.leftover} rows and columns`;
    const input = h.padding > 0 ? 'the padded input' : 'the input';
    notes.push(
      `It is not a whole number: the stride does not tile ${input}. Frameworks (PyTorch, TensorFlow, Keras) round down to ${out}, and the last ${what} of ${input} are never covered by a window.`,
    );
    notes.push(
      tail.length > 0
        ? `That loses image ${tail.length === 1 ? 'row' : 'rows'} ${list(tail)} (and the same ${tail.length === 1 ? 'column' : 'columns'}): no output depends on ${tail.length === 1 ? 'it' : 'them'}.`
        : 'Only zero padding is left over, so no image pixel is lost.',
    );
  }
  if (gaps.length > 0) {
    notes.push(
      `With dilation ${h.dilation} and stride ${h.stride}, image ${gaps.length === 1 ? 'row' : 'rows'} ${list(gaps)} (and the same ${gaps.length === 1 ? 'column' : 'columns'}) fall between the taps of every window and are never read.`,
    );
  }
  return { formula, dilatedKernel, tiles, notes };
}
