import { PAIR_POOL_GRAD_WASM } from './kernels/pairPoolGradWasm';
import type { tf } from './tf';
import { simdKernel, simdKernelOver } from './wasmSimdModule';

/**
 * The gradient of a 2×2, stride-2 max pool with every window inside the input, in a
 * WebAssembly SIMD function of our own (kernels/pairPoolGrad.wat), four channels at a
 * time with compares and masks in place of maxPoolGrad.ts's branches, and the same rule
 * for ties. Measured in Node, one call at a time on random values at batch 32, copies in
 * and out included: LeNet-5's two pools took 0.08 and 0.02 ms against 0.68 and 0.07 ms in
 * JavaScript, Mini VGG 32's first two 0.24 and 0.11 ms against 2.6 and 1.2 ms (the
 * branches of the JavaScript scan guess wrong about half the time). It needs at least
 * four channels (one vector); below that, and where the module cannot run, the caller
 * keeps to JavaScript.
 */
type PoolInfo = ReturnType<typeof tf.backend_util.computePool2DInfo>;

/** The compiled function, or null where this WebAssembly cannot run it. */
export const pairPoolGradKernel = () => simdKernel(PAIR_POOL_GRAD_WASM, 'pairPoolGrad');

/** The function over `heap` (tfjs's memory), or null where it cannot run there. */
export const pairPoolGradOver = (heap: WebAssembly.Memory) =>
  simdKernelOver(heap, PAIR_POOL_GRAD_WASM, 'pairPoolGrad');

/**
 * Fills dx (the input's shape) from the input and dy; false when the function does not
 * apply (fewer than four channels, no module, no memory) and dx was not touched. When all
 * three are views on `heap` (tfjs's memory), the function runs there, on them, with no
 * copies; otherwise it copies them into a memory of its own and dx back out.
 */
export function simdPairPoolGrad(
  input: Float32Array,
  dy: Float32Array,
  dx: Float32Array,
  info: PoolInfo,
  heap: WebAssembly.Memory | null = null,
): boolean {
  const { batchSize, inHeight, inWidth, inChannels: channels, outHeight, outWidth } = info;
  if (channels < 4 || batchSize < 1 || outHeight < 1 || outWidth < 1) return false;
  const row = inWidth * channels * 4;
  const sizes = [batchSize, outHeight, outWidth, channels, inHeight * row, row] as const;
  // The kernel writes every cell a window covers; zeros are needed only where none does
  // (an odd last row or column), and then the whole of dx is zeroed, which is simpler.
  const uncovered = inHeight > 2 * outHeight || inWidth > 2 * outWidth;
  const inPlace = heap && [input, dy, dx].every((a) => a.buffer === heap.buffer);
  const run = inPlace ? pairPoolGradOver(heap) : null;
  if (run) {
    if (uncovered) dx.fill(0);
    run(input.byteOffset, dy.byteOffset, dx.byteOffset, ...sizes);
    return true;
  }
  const kernel = pairPoolGradKernel();
  if (!kernel) return false;
  const dyAt = input.length * 4;
  const dxAt = dyAt + dy.length * 4;
  if (!kernel.reserve(dxAt + input.length * 4)) return false;
  const memory = new Float32Array(kernel.memory.buffer);
  memory.set(input, 0);
  memory.set(dy, dyAt / 4);
  if (uncovered) memory.fill(0, dxAt / 4, dxAt / 4 + input.length);
  kernel.run(0, dyAt, dxAt, ...sizes);
  dx.set(memory.subarray(dxAt / 4, dxAt / 4 + input.length));
  return true;
}
