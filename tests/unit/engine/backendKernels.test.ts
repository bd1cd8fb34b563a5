import '@tensorflow/tfjs-backend-cpu';
import type { KernelFunc } from '@tensorflow/tfjs-core';
import { describe, expect, test } from 'vitest';
import { kernelOf, replaceKernel } from '../../../src/engine/backendKernels';
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
