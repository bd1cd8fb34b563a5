import { simdKernel, type SimdConvGeometry } from './wasmSimdModule';
import { WINOGRAD_WASM } from './kernels/winogradWasm';
import { copyPadded, tileTable, winogradFits, winogradTiling } from './wasmSimdWinograd';

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

/**
 * dW (9·C·F values, in the filter's [3, 3, C, F] order) from x [N, H, W, C] and dy
 * [N, OH, OW, F], both channels last; null when the module is not available or its memory
 * cannot hold the call.
 */
export function simdWinogradFilterGradient(
  x: Float32Array,
  dy: Float32Array,
  g: SimdConvGeometry,
): Float32Array | null {
  const kernel = winogradFilterGradKernel();
  if (!kernel || !winogradFits(g)) return null;
  const { batch, channels: C, filters: F } = g;
  const { cp, fp, hp, wp, oh, ow, tilesY, tilesX } = winogradTiling(g);
  const blocks = Math.ceil((batch * tilesY * tilesX) / TILES);
  // Memory (floats): x, dy, zeros for missing tiles' dy, V, Z, M, scratch, dW, the tables.
  const xAt = 0;
  const dyAt = xAt + batch * hp * wp * cp;
  const zerosAt = dyAt + batch * oh * ow * fp;
  const vAt = zerosAt + 4 * ow * fp;
  const zAt = vAt + 36 * TILES * cp;
  const mAt = zAt + 36 * TILES * fp;
  const tAt = mAt + 36 * cp * fp;
  const dwAt = tAt + 36 * 4;
  const tinAt = dwAt + 9 * cp * fp;
  const tdyAt = tinAt + blocks * TILES;
  if (!kernel.reserve((tdyAt + blocks * TILES) * 4)) return null;
  const heap = new Float32Array(kernel.memory.buffer);
  copyPadded(heap, xAt, x, g, [g.top, g.left, hp, wp, cp]);
  // dy, with zeros past the real outputs and filters (they must add nothing).
  const dyShape = { batch, height: g.outHeight, width: g.outWidth, channels: F };
  copyPadded(heap, dyAt, dy, dyShape, [0, 0, oh, ow, fp]);
  heap.fill(0, zerosAt, vAt);
  heap.fill(0, mAt, tAt);
  tileTable(kernel.memory, tinAt, blocks * TILES, xAt, g, hp * wp * cp, 4 * wp * cp, 4 * cp);
  const dyTiles = [oh * ow * fp, 4 * ow * fp, 4 * fp] as const;
  tileTable(kernel.memory, tdyAt, blocks * TILES, dyAt, g, ...dyTiles, zerosAt);
  kernel.run(
    tinAt * 4,
    tdyAt * 4,
    blocks,
    TILES,
    cp / 4,
    fp / GROUP,
    wp * cp * 4,
    cp * 4,
    ow * fp * 4,
    fp * 4,
    vAt * 4,
    zAt * 4,
    mAt * 4,
    tAt * 4,
    dwAt * 4,
  );
  // dW = Gᵀ M G, made by the kernel as [9][cp][fp]: the real channels and filters.
  if (cp === C && fp === F) return heap.slice(dwAt, dwAt + 9 * C * F);
  const dW = new Float32Array(9 * C * F);
  for (let ij = 0; ij < 9; ij++) {
    for (let c = 0; c < C; c++) {
      const from = dwAt + (ij * cp + c) * fp;
      dW.set(heap.subarray(from, from + F), (ij * C + c) * F);
    }
  }
  return dW;
}
