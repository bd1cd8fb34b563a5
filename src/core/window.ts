/**
 * The sliding-window arithmetic shared by convolution and pooling, along one axis.
 */
export interface WindowAxis {
  /** Output size along this axis (after frameworks' rounding down). */
  readonly out: number;
  /** Zero rows (or columns) added before and after the input. */
  readonly padBefore: number;
  readonly padAfter: number;
  /** Kernel size once dilation spreads it: d·(k − 1) + 1. */
  readonly effectiveKernel: number;
  /** (W − F + 2P) / S + 1 before rounding; equals `out` when the window tiles the input. */
  readonly formulaValue: number;
  /** Input rows (or columns) at the far edge that no window reaches, when it does not tile. */
  readonly leftover: number;
}

export type WindowAxisResult =
  | { readonly ok: true; readonly axis: WindowAxis }
  | { readonly ok: false; readonly effectiveKernel: number; readonly paddedInput: number };

/** Effective kernel size of a dilated kernel: d·(k − 1) + 1 input pixels. */
export function effectiveKernelSize(kernel: number, dilation: number): number {
  return dilation * (kernel - 1) + 1;
}

/**
 * Output size along one axis: floor((W − F_eff + 2P) / S) + 1 with explicit padding,
 * or ceil(W / S) with "same" padding (split as evenly as possible, the extra row after).
 */
export function windowAxis(
  input: number,
  kernel: number,
  stride: number,
  dilation: number,
  padding: 'same' | number,
): WindowAxisResult {
  const effectiveKernel = effectiveKernelSize(kernel, dilation);
  if (padding === 'same') {
    const out = Math.ceil(input / stride);
    const total = Math.max((out - 1) * stride + effectiveKernel - input, 0);
    const padBefore = Math.floor(total / 2);
    return {
      ok: true,
      axis: {
        out,
        padBefore,
        padAfter: total - padBefore,
        effectiveKernel,
        formulaValue: out,
        leftover: 0,
      },
    };
  }
  const paddedInput = input + 2 * padding;
  if (effectiveKernel > paddedInput) return { ok: false, effectiveKernel, paddedInput };
  const reach = paddedInput - effectiveKernel;
  return {
    ok: true,
    axis: {
      out: Math.floor(reach / stride) + 1,
      padBefore: padding,
      padAfter: padding,
      effectiveKernel,
      formulaValue: reach / stride + 1,
      leftover: reach % stride,
    },
  };
}
