import type { NetworkReport } from '../../core/analyze';
import type { InspectionData } from '../../core/inspection';
import {
  denseContextOf,
  denseDeltas,
  denseLayersOf,
  type DenseContext,
} from '../../core/inspectionMaths';

/** The weight W[i, j] the chain-rule card explains; null parts are chosen automatically. */
export interface ChainChoice {
  readonly layerIndex: number | null;
  readonly i: number | null;
  readonly j: number | null;
}

export interface ResolvedChain {
  readonly ctx: DenseContext;
  /** The dense layers the card offers: the last and the one before it. */
  readonly layers: readonly number[];
  readonly i: number;
  readonly j: number;
  /** The kernel's flat index i·units + j, as the gradient check takes it. */
  readonly index: number;
}

const argMaxAbs = (values: ArrayLike<number>): number => {
  let best = 0;
  for (let k = 1; k < values.length; k++)
    if (Math.abs(values[k] ?? 0) > Math.abs(values[best] ?? 0)) best = k;
  return best;
};

const clamp = (v: number, n: number) => Math.max(0, Math.min(n - 1, Math.trunc(v)));

/**
 * The weight to explain. By default: the last dense layer, output unit j = the true class,
 * input i = the strongest input; on the hidden layer, the unit whose δ is largest, so the
 * example is one where the gradient is not gated to zero.
 */
export function resolveChain(
  report: NetworkReport,
  inspection: InspectionData,
  choice: ChainChoice,
): ResolvedChain | null {
  const layers = denseLayersOf(report).slice(-2);
  const last = layers[layers.length - 1];
  const layerIndex =
    choice.layerIndex !== null && layers.includes(choice.layerIndex) ? choice.layerIndex : last;
  if (layerIndex === undefined) return null;
  const ctx = denseContextOf(report, inspection, layerIndex);
  if (!ctx) return null;
  const autoJ = ctx.isLast ? inspection.label : argMaxAbs(denseDeltas(ctx, inspection));
  const j = clamp(choice.j ?? autoJ, ctx.units);
  const i = clamp(choice.i ?? argMaxAbs(ctx.input), ctx.inputs);
  return { ctx, layers, i, j, index: i * ctx.units + j };
}
