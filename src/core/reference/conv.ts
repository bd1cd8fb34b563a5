import { createValues, expectRank, type RefTensor, type Values } from './tensor';
import { windowAxesOf, type WindowOptions } from './window';

/**
 * 2-D convolution of one HWC image with a [KH, KW, C, F] kernel (TensorFlow's HWIO layout):
 * out[y, x, f] = b[f] + Σ_{i, j, c} in[y·sₕ + i·dₕ − pₜ, x·s_w + j·d_w − pₗ, c] · K[i, j, c, f],
 * where taps that fall in the zero padding add nothing. Output size per axis as the registry's.
 */
export function conv2dReference<V extends Values>(
  input: RefTensor<V>,
  kernel: RefTensor,
  bias: Values | null,
  options: WindowOptions = {},
): RefTensor<V> {
  expectRank(input, 3, 'conv2d', 'height×width×channels');
  expectRank(kernel, 4, 'conv2d', 'kernel-height×kernel-width×in-channels×filters');
  const [height = 0, width = 0, channels = 0] = input.shape;
  const [kh = 0, kw = 0, kc = 0, filters = 0] = kernel.shape;
  if (kc !== channels) {
    throw new RangeError(`conv2d: the kernel expects ${kc} channels, the input has ${channels}.`);
  }
  const [rows, cols] = windowAxesOf([height, width], [kh, kw], options, 'conv2d');
  const [sh, sw] = options.stride ?? [1, 1];
  const [dh, dw] = options.dilation ?? [1, 1];
  const out = createValues(input.data, rows.out * cols.out * filters);
  const x = input.data;
  const k = kernel.data;
  for (let oy = 0; oy < rows.out; oy++) {
    for (let ox = 0; ox < cols.out; ox++) {
      for (let f = 0; f < filters; f++) {
        let sum = bias ? (bias[f] ?? 0) : 0;
        for (let i = 0; i < kh; i++) {
          const iy = oy * sh + i * dh - rows.padBefore;
          if (iy < 0 || iy >= height) continue;
          for (let j = 0; j < kw; j++) {
            const ix = ox * sw + j * dw - cols.padBefore;
            if (ix < 0 || ix >= width) continue;
            const inBase = (iy * width + ix) * channels;
            const kBase = (i * kw + j) * channels * filters + f;
            for (let c = 0; c < channels; c++) {
              sum += (x[inBase + c] ?? 0) * (k[kBase + c * filters] ?? 0);
            }
          }
        }
        out[(oy * cols.out + ox) * filters + f] = sum;
      }
    }
  }
  return { shape: [rows.out, cols.out, filters], data: out };
}
