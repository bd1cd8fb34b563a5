import type { ConvHyper } from '../../core/convHyper';
import type { RefTensor } from '../../core/reference';
import { windowAxis, type WindowAxis } from '../../core/window';

export type { ConvHyper };

export type ConvGeometry =
  | {
      readonly ok: true;
      /** The same arithmetic along both axes, since input and kernel are square. */
      readonly axis: WindowAxis;
      /** Output side length. */
      readonly out: number;
      /** Side of the input with its zero border: N + 2P. */
      readonly padded: number;
      /** Steps in one pass: one per output cell of every filter, K·out². */
      readonly steps: number;
    }
  | { readonly ok: false; readonly message: string };

/** Output size and step count, or a readable reason the kernel does not fit. */
export function convGeometryOf(h: ConvHyper): ConvGeometry {
  const result = windowAxis(h.inputSize, h.kernelSize, h.stride, h.dilation, h.padding);
  if (!result.ok) {
    const dilated =
      h.dilation > 1
        ? ` (a ${h.kernelSize}×${h.kernelSize} kernel with dilation ${h.dilation} spans ${result.effectiveKernel} cells)`
        : '';
    return {
      ok: false,
      message: `The kernel${dilated} is ${result.effectiveKernel} cells wide, but the padded input is only ${result.paddedInput} (${h.inputSize} + 2·${h.padding}), so it fits nowhere and there is no output. Use a smaller kernel or dilation, more padding, or a larger input.`,
    };
  }
  const out = result.axis.out;
  return {
    ok: true,
    axis: result.axis,
    out,
    padded: h.inputSize + 2 * h.padding,
    steps: h.filters * out * out,
  };
}

/** One step of the animation: filter `filter` writes output cell (oy, ox). */
export interface ConvStep {
  readonly index: number;
  readonly filter: number;
  readonly oy: number;
  readonly ox: number;
}

/** The step at `index`: filter by filter, each filling its map row by row. */
export function convStepAt(out: number, index: number): ConvStep {
  const perFilter = out * out;
  const filter = Math.floor(index / perFilter);
  const cell = index % perFilter;
  return { index, filter, oy: Math.floor(cell / out), ox: cell % out };
}

/** The index of the step at which `filter` writes (oy, ox). */
export function convStepIndex(out: number, filter: number, oy: number, ox: number): number {
  return filter * out * out + oy * out + ox;
}

/** One kernel tap of a window: kernel cell (i, j) over padded cell (py, px) = input cell (iy, ix). */
export interface Tap {
  readonly i: number;
  readonly j: number;
  /** Row and column in the padded grid (0 = first padding row when P > 0). */
  readonly py: number;
  readonly px: number;
  /** Row and column in the input, negative or ≥ N inside the zero padding. */
  readonly iy: number;
  readonly ix: number;
  readonly isPadding: boolean;
}

/** The F×F taps of the window of output cell (oy, ox), row-major: py = oy·S + i·D. */
export function tapsOf(h: ConvHyper, oy: number, ox: number): Tap[] {
  const taps: Tap[] = [];
  for (let i = 0; i < h.kernelSize; i++) {
    for (let j = 0; j < h.kernelSize; j++) {
      const py = oy * h.stride + i * h.dilation;
      const px = ox * h.stride + j * h.dilation;
      const iy = py - h.padding;
      const ix = px - h.padding;
      const isPadding = iy < 0 || ix < 0 || iy >= h.inputSize || ix >= h.inputSize;
      taps.push({ i, j, py, px, iy, ix, isPadding });
    }
  }
  return taps;
}

/** What one step computes: the products per channel and tap, their sums, the bias and the result. */
export interface StepDetail {
  readonly taps: readonly Tap[];
  /** inputs[c][t] and weights[c][t]: the two factors of tap t in channel c (0 in the padding). */
  readonly inputs: readonly (readonly number[])[];
  readonly weights: readonly (readonly number[])[];
  readonly products: readonly (readonly number[])[];
  readonly channelSums: readonly number[];
  readonly bias: number;
  /** Σ channels Σ taps x·w + b: the value written to the output cell. */
  readonly total: number;
}

/**
 * The arithmetic of one step, laid out for display: x[iy, ix, c] · K[i, j, c, f] for every
 * tap and channel (padding taps read 0), summed per channel, then over channels, plus b[f].
 * The input is N×N×C (HWC) and the kernel F×F×C×K (HWIO), as conv2dReference takes them.
 */
export function stepDetailOf(
  h: ConvHyper,
  input: RefTensor,
  kernel: RefTensor,
  bias: ArrayLike<number>,
  step: ConvStep,
): StepDetail {
  const taps = tapsOf(h, step.oy, step.ox);
  const { channels: C, filters: K, inputSize: N, kernelSize: F } = h;
  const inputs: number[][] = [];
  const weights: number[][] = [];
  const products: number[][] = [];
  for (let c = 0; c < C; c++) {
    const xs = taps.map((t) => (t.isPadding ? 0 : (input.data[(t.iy * N + t.ix) * C + c] ?? 0)));
    const ws = taps.map((t) => kernel.data[((t.i * F + t.j) * C + c) * K + step.filter] ?? 0);
    inputs.push(xs);
    weights.push(ws);
    // Adding 0 turns −0 (0 times a negative weight) into 0.
    products.push(xs.map((x, k) => x * (ws[k] ?? 0) + 0));
  }
  const channelSums = products.map((p) => p.reduce((s, v) => s + v, 0));
  const b = bias[step.filter] ?? 0;
  return {
    taps,
    inputs,
    weights,
    products,
    channelSums,
    bias: b,
    total: channelSums.reduce((s, v) => s + v, 0) + b,
  };
}

/**
 * Which input rows (the same for columns) some kernel tap ever reads. A row stays unread
 * when the stride does not tile the padded input (the last rows) or when dilation and
 * stride skip it (gaps between taps).
 */
export function readRowsOf(h: ConvHyper, out: number): boolean[] {
  const read = Array.from({ length: h.inputSize }, () => false);
  for (let oy = 0; oy < out; oy++) {
    for (let i = 0; i < h.kernelSize; i++) {
      const iy = oy * h.stride + i * h.dilation - h.padding;
      if (iy >= 0 && iy < h.inputSize) read[iy] = true;
    }
  }
  return read;
}

/** Learnable numbers and work of the layer: F·F·C·K weights + K biases; out²·F·F·C·K multiply-adds. */
export function convCostsOf(h: ConvHyper, out: number) {
  const weights = h.kernelSize * h.kernelSize * h.channels * h.filters;
  return {
    weights,
    biases: h.filters,
    params: weights + h.filters,
    macs: out * out * weights,
  };
}
