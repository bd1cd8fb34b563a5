import '@tensorflow/tfjs-backend-wasm';
import { describe, expect, test } from 'vitest';
import { createRandom } from '../../../src/core/random';
import { chooseBackend } from '../../../src/engine/backend';
import { heapMemory } from '../../../src/engine/backendKernels';
import { maxPoolGradValues } from '../../../src/engine/maxPoolGrad';
import { tf } from '../../../src/engine/tf';
import { pairPoolGradKernel, simdPairPoolGrad } from '../../../src/engine/wasmSimdPoolGrad';

/**
 * The 2×2, stride-2 max-pool gradient in our WebAssembly SIMD function against the rule
 * written out in the test (each window's dy to its first largest cell, scanned row by
 * row with a strict > from −∞) and against the JavaScript kernel, value for value: both
 * must route every gradient to the same cell, ties, NaNs and −∞ windows included.
 */
type Shape = [number, number, number, number];

/** The rule, one window and one channel at a time. */
function reference(input: Float32Array, dy: Float32Array, [n, h, w, c]: Shape): Float32Array {
  const dx = new Float32Array(input.length);
  const [oh, ow] = [Math.floor(h / 2), Math.floor(w / 2)];
  for (let b = 0; b < n; b++)
    for (let y = 0; y < oh; y++)
      for (let x = 0; x < ow; x++)
        for (let k = 0; k < c; k++) {
          let best = -Infinity;
          let at = -1;
          for (const [dy0, dx0] of [
            [0, 0],
            [0, 1],
            [1, 0],
            [1, 1],
          ] as const) {
            const i = ((b * h + 2 * y + dy0) * w + 2 * x + dx0) * c + k;
            if ((input[i] ?? NaN) > best) [best, at] = [input[i] ?? NaN, i];
          }
          if (at >= 0) dx[at] = dy[((b * oh + y) * ow + x) * c + k] ?? NaN;
        }
  return dx;
}

/** Values with many ties (ReLU zeros, halves), and a few NaNs and −∞. */
function awkward(size: number, seed: string): Float32Array {
  const random = createRandom(seed);
  return Float32Array.from({ length: size }, () => {
    const u = random.next();
    if (u < 0.02) return NaN;
    if (u < 0.04) return -Infinity;
    if (u < 0.4) return 0;
    return Math.round((u - 0.4) * 8) / 2;
  });
}

const SHAPES: Shape[] = [
  [32, 28, 28, 6], // LeNet-5's first pool
  [32, 10, 10, 16], // and its second
  [3, 7, 9, 5], // odd height and width: the last row and column get no gradient
  [2, 4, 6, 4],
  [1, 2, 2, 8],
  [2, 6, 4, 13],
];

describe('the 2×2 max-pool gradient in our SIMD function', () => {
  test('compiles here (Node 20 and Chromium have WebAssembly SIMD)', () => {
    expect(pairPoolGradKernel()).not.toBeNull();
  });

  test.each(SHAPES.map((s) => [s.join('×'), s] as const))(
    'routes every gradient as the rule and the JavaScript kernel do: %s',
    (name, shape) => {
      const info = tf.backend_util.computePool2DInfo(shape, [2, 2], [2, 2], 1, 'valid');
      const input = awkward(
        shape.reduce((p, q) => p * q, 1),
        name,
      );
      const dy = Float32Array.from(
        { length: shape[0] * info.outHeight * info.outWidth * shape[3] },
        (_, i) => 1 + (i % 97),
      );
      const simd = new Float32Array(input.length).fill(7); // dx need not start at zero
      // Nor the kernel's memory: NaN there shows any cell of dx it leaves unwritten.
      const memory = pairPoolGradKernel()?.memory.buffer;
      if (memory) new Float32Array(memory).fill(Number.NaN);
      expect(simdPairPoolGrad(input, dy, simd, info)).toBe(true);
      const js = new Float32Array(input.length);
      maxPoolGradValues(input, dy, js, info, { simd: false });
      const expected = reference(input, dy, shape);
      expect(Array.from(simd)).toEqual(Array.from(expected));
      expect(Array.from(js)).toEqual(Array.from(expected));
    },
  );

  test.each(SHAPES.map((s) => [s.join('×'), s] as const))(
    'works in place on views of a memory it is given, touching only dx: %s',
    (name, shape) => {
      const info = tf.backend_util.computePool2DInfo(shape, [2, 2], [2, 2], 1, 'valid');
      const size = shape.reduce((p, q) => p * q, 1);
      const dySize = shape[0] * info.outHeight * info.outWidth * shape[3];
      // input, a gap, dy, a gap, dx, a gap, at byte offsets tfjs's allocator might give.
      const memory = new WebAssembly.Memory({ initial: Math.ceil((12 * size + 64) / 65536) });
      const all = new Float32Array(memory.buffer).fill(Number.NaN);
      const input = new Float32Array(memory.buffer, 16, size);
      input.set(awkward(size, name));
      const dy = new Float32Array(memory.buffer, 32 + 4 * size, dySize);
      dy.set(Float32Array.from({ length: dySize }, (_, i) => 1 + (i % 97)));
      const dxAt = 48 + 4 * (size + dySize);
      const dx = new Float32Array(memory.buffer, dxAt, size);
      const before = Float32Array.from(all);
      expect(simdPairPoolGrad(input, dy, dx, info, memory)).toBe(true);
      expect(Array.from(dx)).toEqual(Array.from(reference(input, dy, shape)));
      // Every float outside dx is as it was (NaN ≠ NaN, so compare bits).
      const bits = (a: Float32Array) => new Uint32Array(a.buffer, a.byteOffset, a.length);
      const rest = (a: Float32Array) => [
        ...bits(a.subarray(0, dxAt / 4)),
        ...bits(a.subarray(dxAt / 4 + size)),
      ];
      expect(rest(all)).toEqual(rest(before));
    },
  );

  test("runs in tfjs's own memory on WASM: MaxPoolGrad's tensors are worked on where they are", async () => {
    await chooseBackend({ preferred: 'wasm' });
    const heap = heapMemory(tf.backend());
    expect(heap).toBeInstanceOf(WebAssembly.Memory);
    // The copying path's own memory, poisoned: still all NaN after, so it was not used.
    const own = new Float32Array(pairPoolGradKernel()!.memory.buffer).fill(Number.NaN);
    const shape: Shape = [2, 6, 4, 13];
    const x = tf.tensor4d(awkward(2 * 6 * 4 * 13, 'tfjs'), shape);
    const r = tf.tensor4d(
      Float32Array.from({ length: 2 * 3 * 2 * 13 }, (_, i) => i - 20),
      [2, 3, 2, 13],
    );
    const dx = tf.grad((a: tf.Tensor) =>
      tf.sum(tf.mul(tf.maxPool(a as tf.Tensor4D, 2, 2, 'valid'), r)),
    )(x);
    const expected = reference(
      (await x.data()) as Float32Array,
      (await r.data()) as Float32Array,
      shape,
    );
    expect(Array.from(await dx.data())).toEqual(Array.from(expected));
    expect(own.every(Number.isNaN)).toBe(true);
    tf.dispose([x, r, dx]);
  });

  test('leaves fewer than four channels to JavaScript', () => {
    const shape: Shape = [1, 4, 4, 3];
    const info = tf.backend_util.computePool2DInfo(shape, [2, 2], [2, 2], 1, 'valid');
    const dx = new Float32Array(48);
    expect(simdPairPoolGrad(new Float32Array(48), new Float32Array(12), dx, info)).toBe(false);
  });
});
