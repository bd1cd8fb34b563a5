import '@tensorflow/tfjs-backend-cpu';
import { describe, expect, test } from 'vitest';
import {
  CONV2D_BACKPROP_INPUT,
  registerConv2DBackpropInput,
} from '../../../src/engine/convBackpropInput';
import { chooseBackend } from '../../../src/engine/backend';
import { tf } from '../../../src/engine/tf';

/**
 * The composed Conv2DBackpropInput pretrain registers on WASM, against the CPU backend's own
 * kernel: the gradient of a convolution with respect to its input, for the paddings the
 * catalogue uses, an asymmetric one, and stride 2 (handed back to WASM's own kernel).
 * Tolerance 1e-5 normwise relative error (the same float32 sums, added in another order).
 */
type Pad = 'valid' | 'same' | number | [[0, 0], [number, number], [number, number], [0, 0]];
const CASES: { name: string; x: number[]; kernel: number[]; stride: number; pad: Pad }[] = [
  { name: 'Mini VGG 3×3, pad 1', x: [4, 8, 8, 3], kernel: [3, 3, 3, 5], stride: 1, pad: 1 },
  { name: 'LeNet-5 C1 5×5, pad 2', x: [2, 28, 28, 1], kernel: [5, 5, 1, 6], stride: 1, pad: 2 },
  {
    name: 'LeNet-5 C3 5×5, valid',
    x: [2, 14, 14, 6],
    kernel: [5, 5, 6, 16],
    stride: 1,
    pad: 'valid',
  },
  { name: '3×2 kernel, same', x: [2, 7, 6, 3], kernel: [3, 2, 3, 4], stride: 1, pad: 'same' },
  {
    name: 'asymmetric explicit padding',
    x: [2, 7, 7, 3],
    kernel: [3, 3, 3, 4],
    stride: 1,
    pad: [
      [0, 0],
      [2, 0],
      [0, 1],
      [0, 0],
    ],
  },
  {
    name: 'stride 2 (native kernel)',
    x: [2, 9, 9, 4],
    kernel: [3, 3, 4, 2],
    stride: 2,
    pad: 'same',
  },
];

const values = (n: number, f: (i: number) => number) =>
  Float32Array.from({ length: n }, (_, i) => f(i));
const size = (shape: number[]) => shape.reduce((a, b) => a * b, 1);

/** dx for dy = sin(0.37 i) through each case's convolution, on the current backend. */
async function inputGradients(): Promise<Float32Array[]> {
  const out: Float32Array[] = [];
  for (const c of CASES) {
    const shape = c.x as [number, number, number, number];
    const w = tf.tensor4d(
      values(size(c.kernel), (i) => Math.cos(0.7 * i)),
      c.kernel as typeof shape,
    );
    const outShape = tf.conv2d(tf.zeros(shape) as tf.Tensor4D, w, c.stride, c.pad).shape;
    const dy = tf.tensor4d(
      values(size(outShape), (i) => Math.sin(0.37 * i)),
      outShape,
    );
    const dx = tf.conv2dTranspose(dy, w, shape, c.stride, c.pad);
    out.push(Float32Array.from(await dx.data()));
    tf.dispose([w, dy, dx]);
  }
  return out;
}

function relativeError(actual: Float32Array, expected: Float32Array): number {
  let difference = 0;
  let scale = 1e-6;
  expected.forEach((b, i) => {
    difference = Math.max(difference, Math.abs((actual[i] ?? NaN) - b));
    scale = Math.max(scale, Math.abs(b));
  });
  return difference / scale;
}

describe('composed Conv2DBackpropInput', () => {
  test('matches the CPU kernel on WASM', async () => {
    tf.env().set('IS_TEST', true);
    await tf.setBackend('cpu');
    const expected = await inputGradients();
    const choice = await chooseBackend({ preferred: 'wasm', exclude: ['webgpu', 'webgl'] });
    expect(choice.name).toBe('wasm');
    expect(registerConv2DBackpropInput('wasm')).toBe(true);
    expect(tf.getKernel(CONV2D_BACKPROP_INPUT, 'wasm')).toBeDefined();
    const actual = await inputGradients();
    CASES.forEach((c, i) => {
      const a = actual[i] ?? new Float32Array();
      const e = expected[i] ?? new Float32Array();
      expect(a.length, c.name).toBe(e.length);
      expect(relativeError(a, e), c.name).toBeLessThan(1e-5);
    });
    await tf.setBackend('cpu');
  }, 30_000);
});
