import { WINOGRAD_WASM } from './kernels/winogradWasm';
import type { TensorInfo } from '@tensorflow/tfjs-core';
import { heapMemory, outputWithScratch, type WasmHeap } from './backendKernels';
import { simdKernel, simdKernelOver, type SimdConvGeometry } from './wasmSimdModule';

/**
 * A 3×3, stride-1 convolution (channels last, any padding) by Winograd's minimal filtering
 * algorithm F(4×4, 3×3) (Lavin and Gray, "Fast Algorithms for Convolutional Neural
 * Networks", CVPR 2016), in a WebAssembly SIMD function of our own (kernels/winograd.wat):
 * each 4×4 block of outputs takes 36 multiply-adds per pair of input and output channels
 * instead of the 144 of the direct sum, the rest being additions. Mini VGG's convolutions
 * are all of this kind, forwards and, turned round, backwards to their inputs.
 *
 * All three transforms run in the kernel, the filter's (U = G g Gᵀ) on every call too,
 * since the weights change every step. Floats: the transforms' sums round differently
 * from the direct sum's, to a few 1e-6 of the values' size (normwise) for Mini VGG's
 * layers; the tests compare with the definition to 1e-5.
 */

/** Tiles per block, and filters per group (winograd.wat). */
const BLOCK = 6;
const GROUP = 8;

/** The compiled function, or null where this WebAssembly cannot run it. */
export const winogradKernel = () => simdKernel(WINOGRAD_WASM, 'winograd');

/** The function over `heap` (tfjs's memory), or null where it cannot run there. */
export const winogradOver = (heap: WebAssembly.Memory) =>
  simdKernelOver(heap, WINOGRAD_WASM, 'winograd');

/** Whether a convolution is one this kernel does: 3×3 and stride 1 (dilation is never 2 here). */
export const winogradFits = (g: SimdConvGeometry) =>
  g.kh === 3 && g.kw === 3 && g.sh === 1 && g.sw === 1;

/**
 * Fewer input channels than this and XNNPACK's direct convolution is faster (Mini VGG's
 * first layer, 3 channels padded to 4: 1.9 ms here against 1.4 ms, Node, batch 32).
 */
export const WINOGRAD_MIN_CHANNELS = 8;

/** Whether the engine sends a convolution to this kernel. */
export const winogradChosen = (g: SimdConvGeometry) =>
  winogradFits(g) && g.channels >= WINOGRAD_MIN_CHANNELS;

/**
 * How the filter g[i, j, c, f] of the convolution is read from an array: `forward` is a
 * [3, 3, C, F] filter as it is; `turned` is the filter of the input gradient, read from
 * the forward filter W [3, 3, F, C] turned round: g[i, j, c, f] = W[2 − i, 2 − j, f, c].
 */
export type FilterLayout = 'forward' | 'turned';

/**
 * What the kernel applies to each output as it writes it: nothing, or ReLU's max(x, 0)
 * (a FusedConv2D with activation 'relu', convBias.ts), as a floor of −∞ or 0.
 */
export type WinogradActivation = 'linear' | 'relu';

const floorOf = (activation: WinogradActivation) => (activation === 'relu' ? 0 : -Infinity);

/** How a convolution's output is cut into 4×4 tiles, and the padded sizes that follow. */
export interface WinogradTiling {
  /** Channels and filters, padded to whole groups of 4 and 8. */
  readonly cp: number;
  readonly fp: number;
  readonly tilesY: number;
  readonly tilesX: number;
  /** The padded input: every tile's 6×6 window. */
  readonly hp: number;
  readonly wp: number;
  /** The output, in whole tiles. */
  readonly oh: number;
  readonly ow: number;
}

export function winogradTiling(g: SimdConvGeometry): WinogradTiling {
  const tilesY = Math.ceil(g.outHeight / 4);
  const tilesX = Math.ceil(g.outWidth / 4);
  return {
    cp: Math.ceil(g.channels / 4) * 4,
    fp: Math.ceil(g.filters / GROUP) * GROUP,
    tilesY,
    tilesX,
    hp: tilesY * 4 + 2,
    wp: tilesX * 4 + 2,
    oh: tilesY * 4,
    ow: tilesX * 4,
  };
}

/** An [N, H, W, C] array's sizes. */
type Shape = Pick<SimdConvGeometry, 'batch' | 'height' | 'width' | 'channels'>;

/**
 * x [N, H, W, C] into heap at `at` (floats) as [N, hp, wp, cp], placed `top` rows and
 * `left` columns in, with zeros around it (padding, the rest of the last tiles) and in
 * the padding channels.
 */
export function copyPadded(
  heap: Float32Array,
  at: number,
  x: Float32Array,
  { batch, height, width, channels: C }: Shape,
  [top, left, hp, wp, cp]: readonly [number, number, number, number, number],
): void {
  const rows = Math.min(height, hp - top);
  const cols = Math.min(width, wp - left);
  const row = wp * cp;
  const shared = x.buffer === heap.buffer;
  const xAt = (x.byteOffset - heap.byteOffset) / 4;
  // Zeros only where x does not go (every float is written once): the rows above and
  // below, and each row's columns left and right of it, or all of it with padding channels.
  for (let n = 0; n < batch; n++) {
    const image = at + n * hp * row;
    heap.fill(0, image, image + top * row);
    heap.fill(0, image + (top + rows) * row, image + hp * row);
    for (let iy = 0; iy < rows; iy++) {
      const from = (n * height + iy) * width * C;
      const start = image + (iy + top) * row;
      const to = start + left * cp;
      if (cp === C) {
        heap.fill(0, start, to);
        // Within one memory (tfjs's heap) a move, without a view made for every row.
        if (shared) heap.copyWithin(to, xAt + from, xAt + from + cols * C);
        else heap.set(x.subarray(from, from + cols * C), to);
        heap.fill(0, to + cols * C, start + row);
      } else {
        heap.fill(0, start, start + row);
        for (let ix = 0; ix < cols; ix++)
          for (let c = 0; c < C; c++) heap[to + ix * cp + c] = x[from + ix * C + c]!;
      }
    }
  }
}

/**
 * The byte address of each tile's top-left in an [N, …] array at `at` (floats) with the
 * given image, tile-row and tile-column strides (floats), tiles in (n, ty, tx) order, in
 * an i32 table of `length` at `tableAt` (floats); the rest point at `spare`.
 */
export function tileTable(
  memory: WebAssembly.Memory,
  tableAt: number,
  length: number,
  at: number,
  g: SimdConvGeometry,
  image: number,
  tileRow: number,
  tileColumn: number,
  spare = 0,
): void {
  const table = new Int32Array(memory.buffer, tableAt * 4, length);
  table.fill(spare * 4);
  const { tilesY, tilesX } = winogradTiling(g);
  for (let n = 0, t = 0; n < g.batch; n++) {
    for (let ty = 0; ty < tilesY; ty++) {
      for (let tx = 0; tx < tilesX; tx++, t++)
        table[t] = (at + n * image + ty * tileRow + tx * tileColumn) * 4;
    }
  }
}

/** Where a call works: a memory, the float its scratch starts at, and the function in it. */
export interface KernelRoom {
  readonly memory: WebAssembly.Memory;
  readonly at: number;
  readonly run: (...args: number[]) => void;
}

/**
 * The convolution's scratch, in floats from its start: x padded, U, bias, V, M, scratch,
 * output, a spare tile's output, g, the tables; and its size.
 */
function convLayout(g: SimdConvGeometry) {
  const { cp, fp, hp, wp, oh, ow, tilesY, tilesX } = winogradTiling(g);
  const blocks = Math.ceil((g.batch * tilesY * tilesX) / BLOCK);
  const uAt = g.batch * hp * wp * cp;
  const biasAt = uAt + 36 * cp * fp;
  const vAt = biasAt + fp;
  const mAt = vAt + 36 * BLOCK * cp;
  const tAt = mAt + 36 * BLOCK * fp;
  const outAt = tAt + 36 * 4;
  const spareAt = outAt + g.batch * oh * ow * fp;
  const wAt = spareAt + 4 * ow * fp;
  const tinAt = wAt + 9 * cp * fp;
  const toutAt = tinAt + blocks * BLOCK;
  const size = toutAt + blocks * BLOCK;
  return { blocks, uAt, biasAt, vAt, mAt, tAt, outAt, spareAt, wAt, tinAt, toutAt, size };
}

/** Floats of scratch a convolution of `g` needs in its room. */
export const winogradConvScratch = (g: SimdConvGeometry) => convLayout(g).size;

/**
 * y [N, OH, OW, F] = activation(x [N, H, W, C] ⊛ g + bias), with the geometry's padding, g
 * read from `w` as `layout` says, in the kernel's own memory; null when the module is not available
 * or its memory cannot hold the call. The result may be a view on the kernel's memory:
 * copy it out before the next call.
 */
export function simdWinogradConv(
  x: Float32Array,
  w: Float32Array,
  bias: Float32Array | null,
  g: SimdConvGeometry,
  layout: FilterLayout = 'forward',
  activation: WinogradActivation = 'linear',
): Float32Array | null {
  const kernel = winogradKernel();
  if (!kernel || !winogradFits(g) || !kernel.reserve(winogradConvScratch(g) * 4)) return null;
  const room = { memory: kernel.memory, at: 0, run: kernel.run };
  return winogradConvIn(room, x, w, bias, g, layout, null, activation);
}

/**
 * The convolution with its scratch in `room` (winogradConvScratch floats from room.at).
 * With `out` given, the result goes there, and the kernel writes it there itself when out
 * is in the room's memory and is whole tiles and filter groups (tfjs's heap, Mini VGG's
 * layers); otherwise it is the scratch's, cut to the real positions and filters.
 */
export function winogradConvIn(
  room: KernelRoom,
  x: Float32Array,
  w: Float32Array,
  bias: Float32Array | null,
  g: SimdConvGeometry,
  layout: FilterLayout,
  out: Float32Array | null,
  activation: WinogradActivation = 'linear',
): Float32Array {
  const { batch, channels: C, filters: F, outHeight: OH, outWidth: OW } = g;
  const { cp, fp, hp, wp, oh, ow } = winogradTiling(g);
  const L = convLayout(g);
  const { memory, at } = room;
  const xAt = at;
  const [biasAt, outAt, wAt] = [L.biasAt + at, L.outAt + at, L.wAt + at];
  const [tinAt, toutAt] = [L.tinAt + at, L.toutAt + at];
  const heap = new Float32Array(memory.buffer);
  copyPadded(heap, xAt, x, g, [g.top, g.left, hp, wp, cp]);

  // g as [9][cp][fp], zero for padding channels and filters; the kernel makes U of it.
  if (layout === 'forward' && cp === C && fp === F) heap.set(w.subarray(0, 9 * C * F), wAt);
  else {
    heap.fill(0, wAt, wAt + 9 * cp * fp);
    const turned = layout === 'turned';
    for (let i = 0; i < 3; i++) {
      for (let j = 0; j < 3; j++) {
        const to = wAt + (i * 3 + j) * cp * fp;
        const from = (turned ? (2 - i) * 3 + 2 - j : i * 3 + j) * C * F;
        for (let c = 0; c < C; c++) {
          for (let f = 0; f < F; f++)
            heap[to + c * fp + f] = w[from + (turned ? f * C + c : c * F + f)]!;
        }
      }
    }
  }
  heap.fill(0, biasAt, biasAt + fp);
  if (bias) heap.set(bias.subarray(0, F), biasAt);

  const whole = fp === F && ow === OW;
  const direct = out !== null && out.buffer === memory.buffer && whole && oh === OH;
  const yAt = direct ? out.byteOffset / 4 : outAt;
  // The last block's missing tiles redo tile 0 into the spare output.
  const blocks = L.blocks;
  const inTiles = [hp * wp * cp, 4 * wp * cp, 4 * cp, xAt] as const;
  tileTable(memory, tinAt, blocks * BLOCK, xAt, g, ...inTiles);
  const outTiles = [oh * ow * fp, 4 * ow * fp, 4 * fp, L.spareAt + at] as const;
  tileTable(memory, toutAt, blocks * BLOCK, yAt, g, ...outTiles);
  const strides = [cp / 4, fp / GROUP, wp * cp * 4, cp * 4, ow * fp * 4, fp * 4];
  const scratch = [L.uAt, L.biasAt, L.vAt, L.mAt, L.tAt, L.wAt].map((f) => (f + at) * 4);
  room.run(tinAt * 4, toutAt * 4, blocks, ...strides, ...scratch, floorOf(activation));
  if (direct) return out;

  // The output's part over the real positions and filters: the scratch's own when that is
  // all of it and there is no out.
  const size = batch * OH * OW * F;
  if (whole && oh === OH && !out) return heap.subarray(outAt, outAt + size);
  const y = out ?? new Float32Array(size);
  for (let n = 0; n < batch; n++) {
    for (let oy = 0; oy < OH; oy++) {
      const from = outAt + (n * oh + oy) * ow * fp;
      const to = (n * OH + oy) * OW * F;
      if (whole) y.set(heap.subarray(from, from + OW * F), to);
      else {
        for (let ox = 0; ox < OW; ox++)
          y.set(heap.subarray(from + ox * fp, from + ox * fp + F), to + ox * F);
      }
    }
  }
  return y;
}

/**
 * The convolution as a tfjs kernel's output of `shape`, run in tfjs's own memory on the
 * tensors x, w and bias where they are; null where it cannot run there (another backend,
 * tfjs's module with threads, a memory that cannot grow), and the caller copies instead.
 */
export function winogradConvInHeap(
  backend: unknown,
  [x, w, bias]: readonly [TensorInfo, TensorInfo, TensorInfo | null],
  shape: readonly number[],
  g: SimdConvGeometry,
  layout: FilterLayout,
  activation: WinogradActivation = 'linear',
): TensorInfo | null {
  const memory = heapMemory(backend);
  const run = memory && winogradOver(memory);
  if (!memory || !run) return null;
  const wasm = backend as WasmHeap;
  return outputWithScratch(wasm, [x, w, bias], shape, winogradConvScratch(g), (v, out, at) =>
    winogradConvIn({ memory, at, run }, v[0]!, v[1]!, v[2] ?? null, g, layout, out, activation),
  );
}
