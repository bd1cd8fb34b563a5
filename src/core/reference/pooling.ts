import type { Padding } from '../fields';
import type { Pair } from '../shape';
import type { WindowAxis } from '../window';
import { createValues, expectRank, type RefTensor, type Values } from './tensor';
import { windowAxesOf } from './window';

/** Window size, stride (defaults to the size) and padding of a pooling layer. */
export interface PoolOptions {
  readonly size: Pair;
  readonly stride?: Pair;
  readonly padding?: Padding;
}

/** The three pooling reductions the lab teaches. */
export type PoolOp = 'max' | 'avg' | 'l2';

/** Where every pooling window of an H×W map lies: the real (non-padding) cells it reduces. */
export interface PoolWindows {
  readonly rows: WindowAxis;
  readonly cols: WindowAxis;
  /**
   * For output position oy·outWidth + ox, the spatial indices iy·W + ix of the input cells
   * its window covers, in row-major order; padding cells are left out.
   */
  readonly cells: readonly (readonly number[])[];
}

/** The windows of a pooling layer over an H×W map (throws a readable error when they do not fit). */
export function poolWindowsOf(
  input: readonly [number, number],
  options: PoolOptions,
  op = 'pool2d',
): PoolWindows {
  const [height, width] = input;
  const stride = options.stride ?? options.size;
  const [rows, cols] = windowAxesOf(
    input,
    options.size,
    { stride, padding: options.padding ?? [0, 0] },
    op,
  );
  const cells: number[][] = [];
  for (let oy = 0; oy < rows.out; oy++) {
    for (let ox = 0; ox < cols.out; ox++) {
      const window: number[] = [];
      for (let i = 0; i < options.size[0]; i++) {
        const iy = oy * stride[0] + i - rows.padBefore;
        if (iy < 0 || iy >= height) continue;
        for (let j = 0; j < options.size[1]; j++) {
          const ix = ox * stride[1] + j - cols.padBefore;
          if (ix < 0 || ix >= width) continue;
          window.push(iy * width + ix);
        }
      }
      cells.push(window);
    }
  }
  return { rows, cols, cells };
}

/** Slides a pooling window over one HWC image and reduces its real cells, channel by channel. */
function pool<V extends Values>(
  input: RefTensor<V>,
  options: PoolOptions,
  op: string,
  reduce: (cells: number[]) => number,
): RefTensor<V> {
  expectRank(input, 3, op, 'height×width×channels');
  const [height = 0, width = 0, channels = 0] = input.shape;
  const { rows, cols, cells: windows } = poolWindowsOf([height, width], options, op);
  const out = createValues(input.data, rows.out * cols.out * channels);
  const cells: number[] = [];
  windows.forEach((window, o) => {
    for (let c = 0; c < channels; c++) {
      cells.length = 0;
      for (const p of window) cells.push(input.data[p * channels + c] ?? 0);
      out[o * channels + c] = reduce(cells);
    }
  });
  return { shape: [rows.out, cols.out, channels], data: out };
}

/** A pooling of one HWC image; the values keep their type (float64 or float32). */
export type Pooling = <V extends Values>(input: RefTensor<V>, options: PoolOptions) => RefTensor<V>;

/** Σ f(v) over a window's cells, in float64 whatever the values' type. */
function sumOver(cells: readonly number[], f: (v: number) => number): number {
  let sum = 0;
  for (const v of cells) sum += f(v);
  return sum;
}

/** Each reduction of a window's real cells, with the layer name its errors use. */
const REDUCTIONS: Readonly<Record<PoolOp, { name: string; reduce(cells: number[]): number }>> = {
  max: { name: 'maxpool2d', reduce: (cells) => Math.max(...cells) },
  avg: { name: 'avgpool2d', reduce: (cells) => sumOver(cells, (v) => v) / cells.length },
  l2: { name: 'l2pool2d', reduce: (cells) => Math.sqrt(sumOver(cells, (v) => v * v)) },
};

/** Max, average or L2 pooling by name. */
export function pool2dReference<V extends Values>(
  op: PoolOp,
  input: RefTensor<V>,
  options: PoolOptions,
): RefTensor<V> {
  const { name, reduce } = REDUCTIONS[op];
  return pool(input, options, name, reduce);
}

/** Max pooling: out[y, x, c] = max of the window's real cells (padding never wins). */
export const maxPool2dReference: Pooling = (input, options) =>
  pool2dReference('max', input, options);

/**
 * Average pooling: out[y, x, c] = (Σ real cells) / (number of real cells). Padding cells
 * are left out of the count, as TensorFlow does ("count_include_pad = False" in PyTorch's
 * terms), so a border window is not darkened by the zeros around the image.
 */
export const avgPool2dReference: Pooling = (input, options) =>
  pool2dReference('avg', input, options);

/** L2 pooling: out[y, x, c] = √(Σ real cells²), the Euclidean length of the window. */
export const l2Pool2dReference: Pooling = (input, options) => pool2dReference('l2', input, options);

/** Global average pooling: out[c] = (1 / HW) Σ_{y, x} in[y, x, c]. */
export function globalAvgPool2dReference<V extends Values>(input: RefTensor<V>): RefTensor<V> {
  expectRank(input, 3, 'globalavgpool2d', 'height×width×channels');
  const [height = 0, width = 0, channels = 0] = input.shape;
  const out = createValues(input.data, channels);
  input.data.forEach((v, i) => (out[i % channels] = (out[i % channels] ?? 0) + v));
  out.forEach((sum, c) => (out[c] = sum / (height * width)));
  return { shape: [channels], data: out };
}
