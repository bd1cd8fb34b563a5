import type { Padding } from '../fields';
import type { Pair } from '../shape';
import { windowAxis, type WindowAxis } from '../window';

/** Stride, padding and dilation of a sliding window; left out, they are 1, 0 and 1. */
export interface WindowOptions {
  readonly stride?: Pair;
  readonly padding?: Padding;
  readonly dilation?: Pair;
}

/**
 * The output size and leading padding of a window along both axes, exactly as the
 * layer registry computes them (so 'same' splits its padding the same way).
 */
export function windowAxesOf(
  input: readonly [number, number],
  kernel: Pair,
  options: WindowOptions,
  op: string,
): [WindowAxis, WindowAxis] {
  const stride = options.stride ?? [1, 1];
  const dilation = options.dilation ?? [1, 1];
  const padding = options.padding ?? [0, 0];
  const axes = ([0, 1] as const).map((a) => {
    const result = windowAxis(
      input[a],
      kernel[a],
      stride[a],
      dilation[a],
      padding === 'same' ? 'same' : padding[a],
    );
    if (!result.ok) {
      throw new RangeError(
        `${op}: the window (${result.effectiveKernel} once dilated) is larger than the padded input (${result.paddedInput}).`,
      );
    }
    return result.axis;
  });
  return axes as [WindowAxis, WindowAxis];
}
