import '@tensorflow/tfjs-backend-cpu';
import type { KernelFunc } from '@tensorflow/tfjs-core';
import { describe, expect, test } from 'vitest';
import type { TensorInfo } from '@tensorflow/tfjs-core';
import {
  heapMemory,
  kernelOf,
  outputWithScratch,
  replaceKernel,
  type WasmHeap,
} from '../../../src/engine/backendKernels';
import { tf } from '../../../src/engine/tf';

// A kernel name of this test's own, so the real registry's kernels stay as they are.
const NAME = 'BackendKernelsTestOnly';
const first: KernelFunc = ({ inputs }) => inputs.x as never;
const second: KernelFunc = ({ inputs }) => inputs.x as never;

describe('replaceKernel', () => {
  test('registers a kernel where there was none, then sets the previous one aside', () => {
    const given: unknown[] = [];
    const create = (native: unknown) => (given.push(native), first);
    expect(replaceKernel(NAME, 'cpu', create)).toBeUndefined();
    expect(given).toEqual([undefined]);
    expect(kernelOf(NAME, 'cpu')).toBe(first);
    const native = replaceKernel(NAME, 'cpu', () => second);
    expect(native?.kernelFunc).toBe(first);
    expect(kernelOf(NAME, 'cpu')).toBe(second);
    tf.unregisterKernel(NAME, 'cpu');
  });

  test('kernelOf names the backend and the kernel it lacks', () => {
    expect(() => kernelOf('NoSuchKernel', 'cpu')).toThrow(
      'The cpu backend has no NoSuchKernel kernel.',
    );
  });
});

/**
 * A WASM heap of the test's own: tensors laid out one after another in a memory, from
 * byte `start` (0 plays an allocator that could not grow the memory), and what was freed.
 */
function fakeHeap(start: number) {
  const memory = new WebAssembly.Memory({ initial: 1 });
  const offsets = new Map<object, [number, number]>();
  const freed: object[] = [];
  let next = start;
  const wasm: WasmHeap = {
    makeOutput: (shape) => {
      const dataId = {};
      const size = shape.reduce((p, q) => p * q, 1);
      offsets.set(dataId, [start === 0 ? 0 : next, size]);
      next += 4 * size;
      return { dataId, shape, dtype: 'float32' } as TensorInfo;
    },
    typedArrayFromHeap: (t) => new Float32Array(memory.buffer, ...offsets.get(t.dataId)!),
    disposeData: (dataId) => void freed.push(dataId),
  };
  return { wasm, memory, freed };
}

describe('outputWithScratch', () => {
  test('gives the kernel views of its inputs, its output and scratch after both are made, and frees the scratch', () => {
    const { wasm, memory, freed } = fakeHeap(64);
    const input = wasm.makeOutput([3], 'float32');
    wasm.typedArrayFromHeap(input).set([1, 2, 3]);
    let scratchAt = -1;
    const out = outputWithScratch(wasm, [input, null], [3], 5, ([x, none], y, at) => {
      expect(none).toBeNull();
      y.set(x!.map((v) => v * 10));
      scratchAt = at;
    });
    expect(Array.from(wasm.typedArrayFromHeap(out!))).toEqual([10, 20, 30]);
    // The scratch comes after the output (12 bytes in), and is all that was freed.
    expect(scratchAt).toBe((64 + 12 + 12) / 4);
    expect(freed).toHaveLength(1);
    expect(heapMemory({ wasm: { asm: { memory } } })).toBe(memory);
    expect(heapMemory({ wasm: {} })).toBeNull();
    expect(heapMemory(null)).toBeNull();
  });

  test('is null, with nothing kept and the kernel not run, when the memory could not grow', () => {
    const { wasm, freed } = fakeHeap(0);
    let ran = false;
    expect(outputWithScratch(wasm, [], [4], 8, () => (ran = true))).toBeNull();
    expect(ran).toBe(false);
    expect(freed).toHaveLength(2);
  });
});
