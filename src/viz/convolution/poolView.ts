import { messageOf } from '../../core/errors';
import { createRandom } from '../../core/random';
import {
  pool2dBackwardReference,
  pool2dReference,
  poolCellShares,
  poolWindowsOf,
  type PoolOp,
  type PoolWindows,
  type RefTensor,
} from '../../core/reference';

/** The pooling explainer's settings: the reduction, a square window, its stride and the input side. */
export interface PoolHyper {
  readonly op: PoolOp;
  readonly size: number;
  readonly stride: number;
  readonly inputSize: number;
}

export type GradientPattern = 'ones' | 'random';

/**
 * A scene wider than the input by one column, like a feature map with a few detections:
 * mostly 0, some 1, and about one cell in eight a strong response 5…9. The input is its N
 * right-most columns; shifted, its N left-most, so the content moves one pixel to the right.
 */
export function poolSceneOf(seed: number, size: number): Float64Array {
  const random = createRandom(`pool-explainer/${seed}/scene/${size}`);
  return Float64Array.from({ length: size * (size + 1) }, () => {
    const u = random.next();
    return u < 0.12 ? 5 + random.int(5) : u < 0.3 ? 1 : 0;
  });
}

/** The N×N input cut from the scene, moved one pixel to the right when shifted. */
export function poolInputOf(
  scene: Float64Array,
  size: number,
  shifted: boolean,
): RefTensor<Float64Array> {
  const data = new Float64Array(size * size);
  const first = shifted ? 0 : 1;
  for (let y = 0; y < size; y++) {
    for (let x = 0; x < size; x++) data[y * size + x] = scene[y * (size + 1) + first + x] ?? 0;
  }
  return { shape: [size, size, 1], data };
}

/** The gradient arriving at each output: all ones, or seeded whole numbers 1…4. */
export function outputGradientOf(
  pattern: GradientPattern,
  seed: number,
  count: number,
): Float64Array {
  if (pattern === 'ones') return new Float64Array(count).fill(1);
  const random = createRandom(`pool-explainer/${seed}/gradient/${count}`);
  return Float64Array.from({ length: count }, () => 1 + random.int(4));
}

export type PoolView =
  | { readonly ok: false; readonly message: string }
  | {
      readonly ok: true;
      readonly windows: PoolWindows;
      /** Output side length. */
      readonly out: number;
      readonly output: Float64Array;
      /** For max pooling, the input cell (iy·N + ix) that won each window; −1 for the others. */
      readonly winners: readonly number[];
      /** For each output, the share ∂out/∂x of each cell of its window (same order as its cells). */
      readonly shares: readonly (readonly number[])[];
      readonly outputGradient: Float64Array;
      /** dL/dx for the whole input: each output's gradient routed back, overlaps added. */
      readonly inputGradient: Float64Array;
    };

/** Everything the pooling explainer shows, from the core's pooling ops and their backward pass. */
export function poolViewOf(
  h: PoolHyper,
  input: RefTensor<Float64Array>,
  pattern: GradientPattern,
  seed: number,
): PoolView {
  const options = { size: [h.size, h.size] as const, stride: [h.stride, h.stride] as const };
  let windows: PoolWindows;
  try {
    windows = poolWindowsOf([h.inputSize, h.inputSize], options, `${h.op} pooling`);
  } catch (error) {
    return { ok: false, message: messageOf(error) };
  }
  const out = windows.rows.out;
  const output = pool2dReference(h.op, input, options).data;
  const shares = windows.cells.map((cells) =>
    poolCellShares(
      h.op,
      cells.map((p) => input.data[p] ?? 0),
    ),
  );
  const winners = windows.cells.map((cells, o) =>
    h.op === 'max' ? (cells[(shares[o] ?? []).indexOf(1)] ?? -1) : -1,
  );
  const outputGradient = outputGradientOf(pattern, seed, out * out);
  const inputGradient = pool2dBackwardReference(
    h.op,
    input,
    { shape: [out, out, 1], data: outputGradient },
    options,
  ).data;
  return { ok: true, windows, out, output, winners, shares, outputGradient, inputGradient };
}

/** Which outputs keep their value when the input moves one pixel: same[o] for each output o. */
export function shiftComparisonOf(h: PoolHyper, scene: Float64Array) {
  const options = { size: [h.size, h.size] as const, stride: [h.stride, h.stride] as const };
  const before = pool2dReference(h.op, poolInputOf(scene, h.inputSize, false), options).data;
  const after = pool2dReference(h.op, poolInputOf(scene, h.inputSize, true), options).data;
  const same = Array.from(before, (v, o) => Math.abs(v - (after[o] ?? NaN)) < 1e-9);
  return { before, after, same, sameCount: same.filter(Boolean).length };
}
