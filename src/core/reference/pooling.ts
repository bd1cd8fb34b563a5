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

/** Max pooling: out[y, x, c] = max of the window's real cells (padding never wins). */
export function maxPool2dReference<V extends Values>(
  input: RefTensor<V>,
  options: PoolOptions,
): RefTensor<V> {
  return pool(input, options, 'maxpool2d', (cells) => Math.max(...cells));
}

/**
 * Average pooling: out[y, x, c] = (Σ real cells) / (number of real cells). Padding cells
 * are left out of the count, as TensorFlow does ("count_include_pad = False" in PyTorch's
 * terms), so a border window is not darkened by the zeros around the image.
 */
export function avgPool2dReference<V extends Values>(
  input: RefTensor<V>,
  options: PoolOptions,
): RefTensor<V> {
  return pool(input, options, 'avgpool2d', (cells) => {
    let sum = 0;
    for (const v of cells) sum += v;
    return sum / cells.length;
  });
}

/** L2 pooling: out[y, x, c] = √(Σ real cells²), the Euclidean length of the window. */
export function l2Pool2dReference<V extends Values>(
  input: RefTensor<V>,
  options: PoolOptions,
): RefTensor<V> {
  return pool(input, options, 'l2pool2d', (cells) => {
    let sum = 0;
    for (const v of cells) sum += v * v;
    return Math.sqrt(sum);
  });
}

/** Max, average or L2 pooling by name. */
export function pool2dReference<V extends Values>(
  op: PoolOp,
  input: RefTensor<V>,
  options: PoolOptions,
): RefTensor<V> {
  if (op === 'max') return maxPool2dReference(input, options);
  if (op === 'avg') return avgPool2dReference(input, options);
  return l2Pool2dReference(input, options);
}

/** Global average pooling: out[c] = (1 / HW) Σ_{y, x} in[y, x, c]. */
export function globalAvgPool2dReference<V extends Values>(input: RefTensor<V>): RefTensor<V> {
  expectRank(input, 3, 'globalavgpool2d', 'height×width×channels');
  const [height = 0, width = 0, channels = 0] = input.shape;
  const out = createValues(input.data, channels);
  input.data.forEach((v, i) => (out[i % channels] = (out[i % channels] ?? 0) + v));
  out.forEach((sum, c) => (out[c] = sum / (height * width)));
  return { shape: [channels], data: out };
}
