import type { TensorInfo } from '@tensorflow/tfjs-core';
import { heapMemory, outputWithScratch, type WasmHeap } from './backendKernels';
import { simdKernel, simdKernelOver, type SimdConvGeometry } from './wasmSimdModule';
import { WINOGRAD_WASM } from './kernels/winogradWasm';
import {
  copyPadded,
  tileTable,
  winogradFits,
  winogradTiling,
  type KernelRoom,
} from './wasmSimdWinograd';

/**
 * The filter gradient of a 3×3, stride-1 convolution by Winograd's F(4×4, 3×3)
 * (kernels/winograd.wat, `winogradFilterGrad`): with the forward tile Y = Aᵀ[Σ_c U_c ⊙
 * V_c]A, U_c = G g_c Gᵀ and V_c = Bᵀ d_c B (wasmSimdWinograd.ts),
 *   dW[·, ·, c, f] = Gᵀ M[c, f] G,   M[ξ][c][f] = Σ_tiles V[ξ][tile][c] · (A dY Aᵀ)[ξ][f],
 * 36 multiply-adds per tile and channel pair where the direct sum (wasmSimdFilterGrad.ts)
 * does 144. The kernel sums M over every tile of the batch, then applies Gᵀ · G.
 */

/** Tiles transformed at a time before their products are summed (winograd.wat's $bt). */
const TILES = 12;
const GROUP = 8;

/** The compiled function, or null where this WebAssembly cannot run it. */
export const winogradFilterGradKernel = () => simdKernel(WINOGRAD_WASM, 'winogradFilterGrad');

/** The function over `heap` (tfjs's memory), or null where it cannot run there. */
export const winogradFilterGradOver = (heap: WebAssembly.Memory) =>
  simdKernelOver(heap, WINOGRAD_WASM, 'winogradFilterGrad');

/** The filter gradient's scratch, in floats from its start, and its size. */
function gradLayout(g: SimdConvGeometry) {
  const { cp, fp, hp, wp, oh, ow, tilesY, tilesX } = winogradTiling(g);
  const blocks = Math.ceil((g.batch * tilesY * tilesX) / TILES);
  // x padded, dy padded (unless it is used where it is), zeros for missing tiles' dy, V,
  // Z, M, scratch, dW, the tables.
  const dyAt = g.batch * hp * wp * cp;
  const zerosAt = dyAt + g.batch * oh * ow * fp;
  const vAt = zerosAt + 4 * ow * fp;
  const zAt = vAt + 36 * TILES * cp;
  const mAt = zAt + 36 * TILES * fp;
  const tAt = mAt + 36 * cp * fp;
  const dwAt = tAt + 36 * 4;
  const tinAt = dwAt + 9 * cp * fp;
  const tdyAt = tinAt + blocks * TILES;
  return {
    blocks,
    dyAt,
    zerosAt,
    vAt,
    zAt,
    mAt,
    tAt,
    dwAt,
    tinAt,
    tdyAt,
    size: tdyAt + blocks * TILES,
  };
}

/** Floats of scratch the filter gradient of `g` needs in its room. */
export const winogradFilterGradScratch = (g: SimdConvGeometry) => gradLayout(g).size;

/**
 * dW (9·C·F values, in the filter's [3, 3, C, F] order) from x [N, H, W, C] and dy
 * [N, OH, OW, F], both channels last, in the kernel's own memory; null when the module is
 * not available or its memory cannot hold the call.
 */
export function simdWinogradFilterGradient(
  x: Float32Array,
  dy: Float32Array,
  g: SimdConvGeometry,
): Float32Array | null {
  const kernel = winogradFilterGradKernel();
  if (!kernel || !winogradFits(g) || !kernel.reserve(winogradFilterGradScratch(g) * 4)) {
    return null;
  }
  const room = { memory: kernel.memory, at: 0, run: kernel.run };
  return winogradFilterGradIn(room, x, dy, g, new Float32Array(9 * g.channels * g.filters));
}

/**
 * The filter gradient into `dW` with its scratch in `room` (winogradFilterGradScratch
 * floats from room.at). dy is read where it is when it is in the room's memory and is
 * whole tiles and filter groups (tfjs's heap, Mini VGG's layers), else copied in padded.
 */
export function winogradFilterGradIn(
  room: KernelRoom,
  x: Float32Array,
  dy: Float32Array,
  g: SimdConvGeometry,
  dW: Float32Array,
): Float32Array {
  const { batch, channels: C, filters: F } = g;
  const { cp, fp, hp, wp, oh, ow } = winogradTiling(g);
  const L = gradLayout(g);
  const { memory, at } = room;
  const heap = new Float32Array(memory.buffer);
  copyPadded(heap, at, x, g, [g.top, g.left, hp, wp, cp]);
  const inPlace =
    dy.buffer === memory.buffer && oh === g.outHeight && ow === g.outWidth && fp === F;
  const dyAt = inPlace ? dy.byteOffset / 4 : L.dyAt + at;
  // dy, with zeros past the real outputs and filters (they must add nothing).
  const dyShape = { batch, height: g.outHeight, width: g.outWidth, channels: F };
  if (!inPlace) copyPadded(heap, dyAt, dy, dyShape, [0, 0, oh, ow, fp]);
  heap.fill(0, L.zerosAt + at, L.vAt + at);
  heap.fill(0, L.mAt + at, L.tAt + at);
  const blocks = L.blocks;
  // Missing tiles (the last block's) read x's first tile, finite, times dy's zeros.
  const xTiles = [hp * wp * cp, 4 * wp * cp, 4 * cp, at] as const;
  tileTable(memory, L.tinAt + at, blocks * TILES, at, g, ...xTiles);
  const dyTiles = [oh * ow * fp, 4 * ow * fp, 4 * fp, L.zerosAt + at] as const;
  tileTable(memory, L.tdyAt + at, blocks * TILES, dyAt, g, ...dyTiles);
  const strides = [TILES, cp / 4, fp / GROUP, wp * cp * 4, cp * 4, ow * fp * 4, fp * 4];
  const scratch = [L.vAt, L.zAt, L.mAt, L.tAt, L.dwAt].map((f) => (f + at) * 4);
  room.run((L.tinAt + at) * 4, (L.tdyAt + at) * 4, blocks, ...strides, ...scratch);
  // dW = Gᵀ M G, made by the kernel as [9][cp][fp]: the real channels and filters.
  const dwAt = L.dwAt + at;
  if (cp === C && fp === F) dW.set(heap.subarray(dwAt, dwAt + 9 * C * F));
  else {
    for (let ij = 0; ij < 9; ij++) {
      for (let c = 0; c < C; c++) {
        const from = dwAt + (ij * cp + c) * fp;
        dW.set(heap.subarray(from, from + F), (ij * C + c) * F);
      }
    }
  }
  return dW;
}

/**
 * The filter gradient as a tfjs kernel's output of `shape`, run in tfjs's own memory on x
 * and dy where they are; null where it cannot run there, and the caller copies instead.
 */
export function winogradFilterGradInHeap(
  backend: unknown,
  [x, dy]: readonly [TensorInfo, TensorInfo],
  shape: readonly number[],
  g: SimdConvGeometry,
): TensorInfo | null {
  const memory = heapMemory(backend);
  const run = memory && winogradFilterGradOver(memory);
  if (!memory || !run) return null;
  const scratch = winogradFilterGradScratch(g);
  return outputWithScratch(backend as WasmHeap, [x, dy], shape, scratch, (v, out, at) =>
    winogradFilterGradIn({ memory, at, run }, v[0]!, v[1]!, g, out),
  );
}
