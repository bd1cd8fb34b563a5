import type { Padding } from '../fields';
import type { Pair } from '../shape';
import { createValues, expectRank, type RefTensor, type Values } from './tensor';
import { windowAxesOf } from './window';

/** Window size, stride (defaults to the size) and padding of a pooling layer. */
export interface PoolOptions {
  readonly size: Pair;
  readonly stride?: Pair;
  readonly padding?: Padding;
}

/**
 * Slides a pooling window over one HWC image and reduces the real (non-padding) cells
 * of each window, channel by channel.
 */
function pool<V extends Values>(
  input: RefTensor<V>,
  options: PoolOptions,
  op: string,
  reduce: (cells: number[]) => number,
): RefTensor<V> {
  expectRank(input, 3, op, 'height×width×channels');
  const [height = 0, width = 0, channels = 0] = input.shape;
  const stride = options.stride ?? options.size;
  const [rows, cols] = windowAxesOf(
    [height, width],
    options.size,
    { stride, padding: options.padding ?? [0, 0] },
    op,
  );
  const out = createValues(input.data, rows.out * cols.out * channels);
  const cells: number[] = [];
  for (let oy = 0; oy < rows.out; oy++) {
    for (let ox = 0; ox < cols.out; ox++) {
      for (let c = 0; c < channels; c++) {
        cells.length = 0;
        for (let i = 0; i < options.size[0]; i++) {
          const iy = oy * stride[0] + i - rows.padBefore;
          if (iy < 0 || iy >= height) continue;
          for (let j = 0; j < options.size[1]; j++) {
            const ix = ox * stride[1] + j - cols.padBefore;
            if (ix < 0 || ix >= width) continue;
            cells.push(input.data[(iy * width + ix) * channels + c] ?? 0);
          }
        }
        out[(oy * cols.out + ox) * channels + c] = reduce(cells);
      }
    }
  }
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

/** Global average pooling: out[c] = (1 / HW) Σ_{y, x} in[y, x, c]. */
export function globalAvgPool2dReference<V extends Values>(input: RefTensor<V>): RefTensor<V> {
  expectRank(input, 3, 'globalavgpool2d', 'height×width×channels');
  const [height = 0, width = 0, channels = 0] = input.shape;
  const out = createValues(input.data, channels);
  input.data.forEach((v, i) => (out[i % channels] = (out[i % channels] ?? 0) + v));
  out.forEach((sum, c) => (out[c] = sum / (height * width)));
  return { shape: [channels], data: out };
}
