import type { Padding } from '../fields';
import { formatPair, formatShape, type Pair, type Shape } from '../shape';
import { windowAxis, type WindowAxis } from '../window';
import type { LayerIssue, WindowGeometry } from './types';

interface WindowSpec {
  /** How the message names the window: "kernel" or "pooling window". */
  readonly noun: string;
  readonly kernel: Pair;
  readonly stride: Pair;
  readonly dilation: Pair;
  readonly padding: Padding;
}

const AXIS_NAMES = ['height', 'width'] as const;
const formatStride = (s: Pair): string => (s[0] === s[1] ? String(s[0]) : formatPair(s));
const round2 = (x: number): string => String(Math.round(x * 100) / 100);

/** Explains one axis of the output-size formula with its numbers, e.g. (7 − 3 + 2·0)/3 + 1. */
function formulaText(input: number, axis: WindowAxis, padding: number, stride: number): string {
  return `(${input} − ${axis.effectiveKernel} + 2·${padding})/${stride} + 1 = ${round2(axis.formulaValue)}`;
}

/**
 * Slides a window over an H×W×C input: output size per axis, or the error that
 * the window does not fit, plus a warning when it does not tile the input evenly.
 */
export function slideWindow(
  input: Shape,
  spec: WindowSpec,
): { geometry: WindowGeometry | null; issues: LayerIssue[] } {
  const axes: WindowAxis[] = [];
  const issues: LayerIssue[] = [];
  for (const a of [0, 1] as const) {
    const pad = spec.padding === 'same' ? 'same' : spec.padding[a];
    const result = windowAxis(input[a] ?? 0, spec.kernel[a], spec.stride[a], spec.dilation[a], pad);
    if (!result.ok) {
      const dilated = spec.dilation[a] > 1 ? ` (${result.effectiveKernel} once dilated)` : '';
      const padNote = spec.padding === 'same' ? '' : ` (${input[a]} + 2·${spec.padding[a]})`;
      issues.push({
        severity: 'error',
        field: 'kernel',
        message: `the ${formatPair(spec.kernel)} ${spec.noun}${dilated} is larger than its padded input: ${result.effectiveKernel} > ${result.paddedInput}${padNote} along the ${AXIS_NAMES[a]} of the ${formatShape(input)} input. Use a smaller ${spec.noun}, add padding, or remove a downsampling layer before this one.`,
      });
      return { geometry: null, issues };
    }
    axes.push(result.axis);
  }
  const [height, width] = axes as [WindowAxis, WindowAxis];
  const uneven = ([0, 1] as const).filter((a) => axes[a]!.leftover > 0);
  const padOf = (a: 0 | 1): number => (spec.padding === 'same' ? 0 : spec.padding[a]);
  const numbersOf = (a: 0 | 1): string =>
    `${formulaText(input[a] ?? 0, axes[a]!, padOf(a), spec.stride[a])} ${axes[a]!.leftover} ${axes[a]!.padAfter}`;
  // One warning when both axes have the same numbers, else one per uneven axis with its own.
  const both = uneven.length === 2 && numbersOf(0) === numbersOf(1);
  for (const a of both ? [0 as const] : uneven) {
    const axis = axes[a]!;
    const pad = padOf(a);
    const where = both ? 'both axes' : `the ${AXIS_NAMES[a]}`;
    const one = axis.leftover === 1;
    const lines = [a === 0 || both ? 'row' : '', a === 1 || both ? 'column' : '']
      .filter(Boolean)
      .map((w) => (one ? w : `${w}s`))
      .join(' and ');
    const count = one ? lines : `${axis.leftover} ${lines}`;
    const verb = one && !both ? 'is' : 'are';
    const lost =
      axis.leftover <= axis.padAfter
        ? `; ${one && !both ? 'it is' : 'they are'} only padding, so no image pixel is lost`
        : '';
    issues.push({
      severity: 'warning',
      field: 'stride',
      message: `the ${formatPair(spec.kernel)} ${spec.noun} with stride ${formatStride(spec.stride)} does not tile the ${formatShape(input)} input evenly: ${formulaText(input[a] ?? 0, axis, pad, spec.stride[a])} along ${where}. Frameworks round down to ${axis.out}, so the last ${count} ${verb} never covered${lost}.`,
    });
  }
  return { geometry: { height, width }, issues };
}

/** The effective kernel, stride and leading padding of a window, per axis, for the field recursion. */
export function windowFieldTerms(geometry: WindowGeometry, stride: Pair): [Pair, Pair, Pair] {
  return [
    [geometry.height.effectiveKernel, geometry.width.effectiveKernel],
    stride,
    [geometry.height.padBefore, geometry.width.padBefore],
  ];
}
