import type { KernelConfig, KernelFunc, MaxPoolGradAttrs, TensorInfo } from '@tensorflow/tfjs-core';
import { heapMemory, replaceKernel, type WasmHeap } from './backendKernels';
import { tf } from './tf';
import { simdPairPoolGrad } from './wasmSimdPoolGrad';

/**
 * MaxPoolGrad for the WASM backend, in plain JavaScript on the backend's own memory (the
 * common 2×2, stride-2 pool of four or more channels in WebAssembly SIMD instead).
 * tfjs-backend-wasm 4.22's kernel routes gradients to the wrong cells when there is more
 * than one channel (a 2×2 pool on a 7×7×3 input is off by 20–50%), so every pooled conv
 * net would train on wrong gradients there. Each window's gradient goes to its first
 * largest input, as on the CPU backend; overlapping windows add up.
 */
export const MAX_POOL_GRAD = 'MaxPoolGrad';

/** A pool's geometry, as tfjs computes it. */
type PoolInfo = ReturnType<typeof tf.backend_util.computePool2DInfo>;

/**
 * dx[n, argmax of window, c] += dy[n, y, x, c] for every window (y, x) and channel c.
 * Each window is scanned cell by cell with the channels innermost, so the reads run along
 * memory (NHWC) and every channel keeps its own best so far: 3 to 4 times faster than
 * scanning one channel at a time through the window (a stride of C between reads).
 * `simd: false` keeps the 2×2 case in JavaScript too (the tests compare the two).
 */
export function maxPoolGradValues(
  input: Float32Array,
  dy: Float32Array,
  dx: Float32Array,
  info: PoolInfo,
  { simd = true, heap = null }: { simd?: boolean; heap?: WebAssembly.Memory | null } = {},
): void {
  const { batchSize, inHeight, inWidth, inChannels: channels, outHeight, outWidth } = info;
  const { strideHeight, strideWidth, dilationHeight, dilationWidth } = info;
  const { effectiveFilterHeight: kh, effectiveFilterWidth: kw } = info;
  const { top, left } = info.padInfo;
  const tiles = kh === 2 && kw === 2 && strideHeight === 2 && strideWidth === 2;
  if (tiles && top === 0 && left === 0 && outHeight * 2 <= inHeight && outWidth * 2 <= inWidth) {
    // Four channels at a time in WebAssembly SIMD where it can (wasmSimdPoolGrad.ts).
    if (!simd || !simdPairPoolGrad(input, dy, dx, info, heap)) pairPoolGrad(input, dy, dx, info);
    return;
  }
  const best = new Float32Array(channels);
  const at = new Int32Array(channels);
  dx.fill(0);
  for (let n = 0; n < batchSize; n++) {
    const base = n * inHeight * inWidth * channels;
    for (let oy = 0; oy < outHeight; oy++) {
      for (let ox = 0; ox < outWidth; ox++) {
        best.fill(-Infinity);
        at.fill(-1);
        for (let fy = 0; fy < kh; fy += dilationHeight) {
          const iy = oy * strideHeight - top + fy;
          if (iy < 0 || iy >= inHeight) continue;
          for (let fx = 0; fx < kw; fx += dilationWidth) {
            const ix = ox * strideWidth - left + fx;
            if (ix < 0 || ix >= inWidth) continue;
            const cell = base + (iy * inWidth + ix) * channels;
            for (let c = 0; c < channels; c++) {
              const value = input[cell + c] as number;
              if (value > (best[c] as number)) {
                best[c] = value;
                at[c] = cell + c;
              }
            }
          }
        }
        const dyBase = ((n * outHeight + oy) * outWidth + ox) * channels;
        for (let c = 0; c < channels; c++) {
          const index = at[c] as number;
          if (index >= 0) dx[index] = (dx[index] as number) + (dy[dyBase + c] as number);
        }
      }
    }
  }
}

/**
 * The 2×2, stride 2 pool with every window inside the input (the common case): windows do
 * not overlap, so each one's gradient is written once to its first largest cell, scanned in
 * the same order as above, (0, 0), (0, 1), (1, 0), (1, 1); 2.5 to 3 times as fast.
 */
function pairPoolGrad(
  input: Float32Array,
  dy: Float32Array,
  dx: Float32Array,
  info: PoolInfo,
): void {
  const { batchSize, inHeight, inWidth, inChannels: channels, outHeight, outWidth } = info;
  const row = inWidth * channels;
  dx.fill(0);
  let g = 0;
  for (let n = 0; n < batchSize; n++) {
    for (let oy = 0; oy < outHeight; oy++) {
      const top = (n * inHeight + oy * 2) * row;
      for (let ox = 0; ox < outWidth; ox++) {
        const corner = top + ox * 2 * channels;
        for (let c = 0; c < channels; c++, g++) {
          const a = corner + c;
          const b = a + channels;
          // Unrolled (an array of the four cells per window would be allocated each time).
          let at = -1;
          let best = -Infinity;
          const va = input[a] as number;
          const vb = input[b] as number;
          const vc = input[a + row] as number;
          const vd = input[b + row] as number;
          if (va > best) {
            best = va;
            at = a;
          }
          if (vb > best) {
            best = vb;
            at = b;
          }
          if (vc > best) {
            best = vc;
            at = a + row;
          }
          if (vd > best) at = b + row;
          if (at >= 0) dx[at] = dy[g] as number;
        }
      }
    }
  }
}

const maxPoolGrad: KernelFunc = ({ inputs, backend, attrs }) => {
  const { dy, input } = inputs as { dy: TensorInfo; input: TensorInfo };
  const { filterSize, strides, pad, dimRoundingMode } = attrs as unknown as MaxPoolGradAttrs;
  const info = tf.backend_util.computePool2DInfo(
    input.shape as [number, number, number, number],
    filterSize,
    strides,
    1,
    pad,
    dimRoundingMode,
  );
  const wasm = backend as unknown as WasmHeap;
  const dx = wasm.makeOutput([...input.shape], 'float32');
  // Views after makeOutput: allocating may grow (and so move) the WASM memory.
  maxPoolGradValues(
    wasm.typedArrayFromHeap(input),
    wasm.typedArrayFromHeap(dy),
    wasm.typedArrayFromHeap(dx),
    info,
    { heap: heapMemory(backend) },
  );
  return dx;
};

const replaced = new Map<string, KernelConfig>();
let registered = false;

/** The WASM backend's own MaxPoolGrad, once replaced (for comparison in tests). */
export function nativeWasmMaxPoolGrad(): KernelConfig | undefined {
  return replaced.get('wasm');
}

/**
 * Puts the JavaScript MaxPoolGrad in place of the WASM backend's (import the backend
 * first: a later import would register its own again); true once it is there.
 */
export function registerWasmMaxPoolGrad(): boolean {
  if (registered) return true;
  const native = replaceKernel(MAX_POOL_GRAD, 'wasm', () => maxPoolGrad);
  if (native) replaced.set('wasm', native);
  registered = true;
  return true;
}
