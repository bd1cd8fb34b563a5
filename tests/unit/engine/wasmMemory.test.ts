import '@tensorflow/tfjs-backend-wasm';
import { beforeAll, describe, expect, test } from 'vitest';
import { createRandom } from '../../../src/core/random';
import {
  nativeWasmCast,
  nativeWasmIdentity,
  registerWasmIdentity,
} from '../../../src/engine/wasmIdentity';
import { nativeWasmSlice, registerWasmSlices } from '../../../src/engine/wasmSlice';
import { tf, type Tensor } from '../../../src/engine/tf';
import { randomValues, useCpu } from './helpers';

/**
 * The WASM backend's sharing Identity and same-dtype Cast, its Cast to bool (x ≠ 0), and its
 * Slice and SplitV that copy only what they return, against the CPU backend's own kernels: the same values exactly (they only move
 * numbers), for every layout, dtype and kind of slice, and nothing leaked.
 */
interface SliceCase {
  readonly name: string;
  readonly shape: number[];
  readonly begin: number[];
  readonly size: number[];
  readonly dtype: 'float32' | 'int32' | 'bool';
}

const SLICES: SliceCase[] = [
  { name: 'a run of a vector', shape: [61706], begin: [2406], size: [48000], dtype: 'float32' },
  {
    name: 'whole rows (one run)',
    shape: [7, 5, 3],
    begin: [2, 0, 0],
    size: [3, 5, 3],
    dtype: 'float32',
  },
  {
    name: 'a block (not one run)',
    shape: [6, 8, 8, 4],
    begin: [1, 2, 3, 1],
    size: [2, 3, 4, 2],
    dtype: 'float32',
  },
  { name: 'size −1 to the end', shape: [9, 4], begin: [3, 0], size: [-1, 4], dtype: 'float32' },
  { name: 'int32 row', shape: [5, 6], begin: [4, 0], size: [1, 6], dtype: 'int32' },
  { name: 'bool run', shape: [12], begin: [5], size: [4], dtype: 'bool' },
  {
    name: 'rank 5 block',
    shape: [2, 3, 4, 5, 2],
    begin: [0, 1, 1, 2, 0],
    size: [2, 2, 2, 2, 1],
    dtype: 'float32',
  },
];

function source(c: SliceCase): Tensor {
  const n = c.shape.reduce((a, b) => a * b, 1);
  const values = randomValues(n, createRandom(c.name), 100);
  if (c.dtype === 'float32') return tf.tensor(values, c.shape);
  if (c.dtype === 'int32') return tf.tensor(Int32Array.from(values, Math.round), c.shape, 'int32');
  return tf.tensor(
    Uint8Array.from(values, (v) => (v > 0 ? 1 : 0)),
    c.shape,
    'bool',
  );
}

const SPLITS: [string, number[], number[], number][] = [
  [
    "LeNet-5's Adam step into its 10 weights",
    [61706],
    [150, 6, 2400, 16, 48000, 120, 10080, 84, 840, 10],
    0,
  ],
  ['columns of a matrix (not runs)', [6, 10], [3, 5, 2], 1],
  ['equal parts of the leading axis', [8, 3, 2], [2, 2, 2, 2], 0],
];

const onCpu = new Map<string, { shape: number[]; values: number[] }[]>();

function sliceAll(): Map<string, Tensor[]> {
  const out = new Map<string, Tensor[]>();
  for (const c of SLICES) {
    const x = source(c);
    out.set(c.name, [tf.slice(x, c.begin, c.size)]);
    x.dispose();
  }
  for (const [name, shape, sizes, axis] of SPLITS) {
    const n = shape.reduce((a, b) => a * b, 1);
    const x = tf.tensor(randomValues(n, createRandom(name)), shape);
    out.set(name, tf.split(x, sizes, axis));
    x.dispose();
  }
  return out;
}

beforeAll(async () => {
  await useCpu();
  for (const [name, pieces] of sliceAll()) {
    onCpu.set(
      name,
      await Promise.all(
        pieces.map(async (t) => ({ shape: t.shape, values: Array.from(await t.data()) })),
      ),
    );
    tf.dispose(pieces);
  }
  await tf.setBackend('wasm');
  await tf.ready();
  registerWasmIdentity();
  registerWasmSlices();
});

describe('Slice and SplitV on WASM', () => {
  test('replace the backend’s own kernels', () => {
    for (const name of ['Slice', 'SplitV'] as const) {
      expect(nativeWasmSlice(name)).toBeDefined();
      expect(tf.getKernel(name, 'wasm')?.kernelFunc).not.toBe(nativeWasmSlice(name)?.kernelFunc);
    }
  });

  test('give exactly the CPU backend’s pieces, leaking nothing', async () => {
    const before = tf.memory().numTensors;
    const ours = sliceAll();
    for (const [name, pieces] of ours) {
      const expected = onCpu.get(name) ?? [];
      expect(
        pieces.map((t) => t.shape),
        name,
      ).toEqual(expected.map((e) => e.shape));
      for (const [i, t] of pieces.entries()) {
        expect(Array.from(await t.data()), `${name}, piece ${i + 1}`).toEqual(expected[i]?.values);
      }
      tf.dispose(pieces);
    }
    expect(tf.memory().numTensors).toBe(before);
  });

  test('a slice is unchanged when its source is freed and its memory reused', async () => {
    const x = tf.range(0, 1000);
    const piece = tf.slice(x, [10], [5]);
    x.dispose();
    const other = tf.fill([1000], 7);
    expect(Array.from(await piece.data())).toEqual([10, 11, 12, 13, 14]);
    tf.dispose([piece, other]);
  });
});

describe('Identity on WASM', () => {
  test('replaces the backend’s own kernel', () => {
    expect(nativeWasmIdentity()).toBeDefined();
  });

  test('a clone shares its source’s memory, and either outlives the other', async () => {
    const buffers = tf.memory().numDataBuffers;
    const x = tf.tensor2d([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const y = tf.clone(x);
    expect(tf.memory().numDataBuffers).toBe(buffers + 1);
    x.dispose();
    expect(await y.array()).toEqual([
      [1, 2, 3],
      [4, 5, 6],
    ]);
    const z = tf.clone(y);
    y.dispose();
    expect(Array.from(await z.data())).toEqual([1, 2, 3, 4, 5, 6]);
    z.dispose();
    expect(tf.memory().numDataBuffers).toBe(buffers);
  });

  test('a variable assigned after a clone leaves the clone as it was', async () => {
    const v = tf.variable(tf.tensor1d([1, 2, 3]));
    const kept = tf.clone(v);
    v.assign(tf.tensor1d([7, 8, 9]));
    expect(Array.from(await kept.data())).toEqual([1, 2, 3]);
    expect(Array.from(await v.data())).toEqual([7, 8, 9]);
    tf.dispose([v, kept]);
  });

  test('gradients that keep tensors for the backward pass match the CPU backend', async () => {
    const f = (x: Tensor) => tf.sum(tf.mul(tf.relu(tf.mul(x, x)), tf.exp(tf.neg(x))));
    const values = randomValues(24, createRandom('identity-grad'));
    const run = async () => {
      const x = tf.tensor(values, [4, 6]);
      const g = tf.grad(f)(x);
      const out = Array.from(await g.data());
      tf.dispose([x, g]);
      return out;
    };
    const wasm = await run();
    await tf.setBackend('cpu');
    const cpu = await run();
    await tf.setBackend('wasm');
    wasm.forEach((v, i) => expect(v).toBeCloseTo(cpu[i] ?? NaN, 5));
  });

  test('a cast to the same dtype shares memory; a cast to another converts as the CPU does', async () => {
    expect(nativeWasmCast()).toBeDefined();
    const buffers = tf.memory().numDataBuffers;
    const x = tf.tensor1d([-1.5, 0, 2.25, 3]);
    const same = tf.cast(x, 'float32');
    expect(tf.memory().numDataBuffers).toBe(buffers + 1);
    const ints = tf.cast(x, 'int32');
    const flags = tf.cast(x, 'bool');
    const back = tf.cast(flags, 'float32');
    const onWasm = [same, ints, flags, back].map((t) => [t.dtype, Array.from(t.dataSync())]);
    x.dispose();
    expect(Array.from(await same.data())).toEqual([-1.5, 0, 2.25, 3]);
    await tf.setBackend('cpu');
    const y = tf.tensor1d([-1.5, 0, 2.25, 3]);
    const cpuFlags = tf.cast(y, 'bool');
    const cpuTensors = [y, tf.cast(y, 'float32'), tf.cast(y, 'int32'), cpuFlags];
    cpuTensors.push(tf.cast(cpuFlags, 'float32'));
    const onCpu = cpuTensors.slice(1).map((t) => [t.dtype, Array.from(t.dataSync())]);
    tf.dispose(cpuTensors);
    await tf.setBackend('wasm');
    expect(onWasm).toEqual(onCpu);
    tf.dispose([same, ints, flags, back]);
    expect(tf.memory().numDataBuffers).toBe(buffers);
  });
});
