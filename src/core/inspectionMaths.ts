import type { NetworkReport } from './analyze';
import type { InspectionData, WeightValues } from './inspection';
import { elementwiseOf, type Activation } from './activations';
import { softmaxReference } from './reference/activations';
import { finalActivationOf } from './reference/network';

/**
 * The numbers the maths panel writes into its formulas, worked out again from what the
 * engine reported for one input, so each can be set next to the engine's own value.
 */

/** A dense layer as the engine ran it: its input vector, kernel [in, out], bias, activation. */
export interface DenseContext {
  readonly layerIndex: number;
  readonly name: string;
  readonly inputName: string;
  readonly input: Float32Array;
  readonly kernel: WeightValues;
  readonly bias: WeightValues | null;
  readonly inputs: number;
  readonly units: number;
  readonly activation: Activation;
  /** True for the network's last layer: its pre-activations are the logits. */
  readonly isLast: boolean;
}

const weightOf = (list: readonly WeightValues[], layerIndex: number, role: string) =>
  list.find((w) => w.layerIndex === layerIndex && w.role === role) ?? null;

/** The dense layers whose input is another layer's output (not the raw network input). */
export function denseLayersOf(report: NetworkReport): number[] {
  return report.layers
    .filter((l) => l.type === 'dense' && l.inputNames.length === 1 && l.inputNames[0] !== 'input')
    .map((l) => l.index);
}

/** The dense layer at `layerIndex` with its input and weights, or null when something is missing. */
export function denseContextOf(
  report: NetworkReport,
  inspection: InspectionData,
  layerIndex: number,
): DenseContext | null {
  const layer = report.layers[layerIndex];
  if (!layer || layer.type !== 'dense' || layer.inputNames.length !== 1) return null;
  const inputName = layer.inputNames[0] ?? '';
  const source = report.layers.find((l) => l.name === inputName);
  const input = source ? inspection.activations[source.index]?.data : undefined;
  const kernel = weightOf(inspection.weights, layerIndex, 'kernel');
  if (!input || !kernel || kernel.shape.length !== 2) return null;
  const [inputs = 0, units = 0] = kernel.shape;
  if (inputs !== input.length) return null;
  return {
    layerIndex,
    name: layer.name,
    inputName,
    input,
    kernel,
    bias: weightOf(inspection.weights, layerIndex, 'bias'),
    inputs,
    units,
    activation: finalActivationOf(layer) ?? 'linear',
    isLast: layerIndex === report.layers.length - 1,
  };
}

/** pⱼ = e^(zⱼ − max z) / Σₖ e^(zₖ − max z) of one vector, by the reference op. */
const softmaxOfVector = (z: Float64Array): Float64Array =>
  softmaxReference({ shape: [z.length], data: z }).data;

/** One unit of a dense layer: z_j = Σᵢ xᵢ·W[i, j] + b_j, h_j = act(z_j). */
export interface DenseUnitBreakdown {
  readonly unit: number;
  /** Every product xᵢ·W[i, j], in input order. */
  readonly terms: readonly { readonly i: number; readonly x: number; readonly w: number }[];
  readonly sum: number;
  readonly bias: number;
  readonly preActivation: number;
  /** act(z_j); for softmax the unit's probability given every unit's z. */
  readonly output: number;
  /** What the engine reported for this unit (its output, or the probability for softmax). */
  readonly engineOutput: number;
}

/** The pre-activations z = xW + b of every unit of a dense layer. */
export function densePreActivations(ctx: DenseContext): Float64Array {
  const z = new Float64Array(ctx.units);
  for (let j = 0; j < ctx.units; j++) {
    let sum = ctx.bias ? (ctx.bias.data[j] ?? 0) : 0;
    for (let i = 0; i < ctx.inputs; i++)
      sum += (ctx.input[i] ?? 0) * (ctx.kernel.data[i * ctx.units + j] ?? 0);
    z[j] = sum;
  }
  return z;
}

/** Unit `unit` of a dense layer, term by term, next to the engine's activation for it. */
export function denseUnitBreakdown(
  ctx: DenseContext,
  inspection: InspectionData,
  unit: number,
): DenseUnitBreakdown {
  const j = Math.max(0, Math.min(ctx.units - 1, Math.trunc(unit)));
  const terms = Array.from({ length: ctx.inputs }, (_, i) => ({
    i,
    x: ctx.input[i] ?? 0,
    w: ctx.kernel.data[i * ctx.units + j] ?? 0,
  }));
  const sum = terms.reduce((s, t) => s + t.x * t.w, 0);
  const bias = ctx.bias ? (ctx.bias.data[j] ?? 0) : 0;
  const preActivation = sum + bias;
  const output =
    ctx.activation === 'softmax'
      ? (softmaxOfVector(densePreActivations(ctx))[j] ?? NaN)
      : elementwiseOf(ctx.activation).value(preActivation);
  const engineOutput = inspection.activations[ctx.layerIndex]?.data[j] ?? NaN;
  return { unit: j, terms, sum, bias, preActivation, output, engineOutput };
}

/** One class's row of softmax and cross-entropy. */
export interface SoftmaxRow {
  readonly logit: number;
  /** e^(z − max z), the numerator before dividing by the sum. */
  readonly exp: number;
  readonly probability: number;
  /** 1 for the target class, 0 otherwise. */
  readonly target: number;
  /** ∂L/∂z = p − y. */
  readonly gradient: number;
  /** ∂L/∂z the engine computed by backprop for this class (NaN when it reported none). */
  readonly engineGradient: number;
}

export interface SoftmaxBreakdown {
  readonly rows: readonly SoftmaxRow[];
  /** The largest logit, subtracted before exp so nothing overflows. */
  readonly maxLogit: number;
  readonly expSum: number;
  readonly label: number;
  /** L = −log p_y. */
  readonly loss: number;
  readonly engineLoss: number;
}

/** Softmax, one-hot target and cross-entropy for the inspected input, from its logits. */
export function softmaxBreakdown(inspection: InspectionData): SoftmaxBreakdown {
  const z = inspection.logits;
  let maxLogit = -Infinity;
  for (const v of z) maxLogit = Math.max(maxLogit, v);
  const exps = Array.from(z, (v) => Math.exp(v - maxLogit));
  const expSum = exps.reduce((a, b) => a + b, 0);
  const last = inspection.outputGradients[inspection.outputGradients.length - 1];
  const usable = last && last.data.length === z.length ? last.data : null;
  const rows = exps.map((exp, k) => {
    const probability = exp / expSum;
    const target = k === inspection.label ? 1 : 0;
    return {
      logit: z[k] ?? 0,
      exp,
      probability,
      target,
      gradient: probability - target,
      engineGradient: usable ? (usable[k] ?? NaN) : NaN,
    };
  });
  const py = rows[inspection.label]?.probability ?? NaN;
  return {
    rows,
    maxLogit,
    expSum,
    label: inspection.label,
    loss: -Math.log(py),
    engineLoss: inspection.loss,
  };
}

/** The softmax table's checks: Σₖ pₖ (1), Σₖ (pₖ − yₖ) (0), and max |(p − y) − engine's ∂L/∂z| over the classes the engine reported. */
export function softmaxSums(s: SoftmaxBreakdown): {
  probabilitySum: number;
  gradientSum: number;
  largestGradientDifference: number;
} {
  let probabilitySum = 0;
  let gradientSum = 0;
  let largestGradientDifference = 0;
  for (const r of s.rows) {
    probabilitySum += r.probability;
    gradientSum += r.gradient;
    if (!Number.isNaN(r.engineGradient))
      largestGradientDifference = Math.max(
        largestGradientDifference,
        Math.abs(r.gradient - r.engineGradient),
      );
  }
  return { probabilitySum, gradientSum, largestGradientDifference };
}

/** ∂L/∂W[i, j] of a dense layer as a product of factors, next to the engine's gradient. */
export interface ChainRuleBreakdown {
  readonly i: number;
  readonly j: number;
  /** xᵢ = ∂z_j/∂W[i, j], the input the weight multiplies. */
  readonly input: number;
  readonly preActivation: number;
  /**
   * For the last softmax layer: p_j − y_j (= ∂L/∂z_j directly).
   * Otherwise ∂L/∂h_j, the gradient arriving at the unit's output.
   */
  readonly upstream: number;
  /** How upstream was formed for a hidden unit: Σₖ W'[j, k]·δ'ₖ over the next layer, if dense. */
  readonly upstreamFromNext: number | null;
  /** act′(z_j); 1 for the softmax layer (its derivative is folded into p − y). */
  readonly derivative: number;
  /** δ_j = ∂L/∂z_j = upstream · act′(z_j). */
  readonly delta: number;
  /** δ_j · xᵢ. */
  readonly product: number;
  readonly engineGradient: number;
}

/** The next layer when it is dense and fed only by this one (so ∂L/∂h = W'·δ' can be shown). */
function nextDense(report: NetworkReport, inspection: InspectionData, ctx: DenseContext) {
  const next = report.layers.find((l) => l.inputNames.includes(ctx.name));
  const users = report.layers.filter((l) => l.inputNames.includes(ctx.name)).length;
  if (!next || users !== 1) return null;
  return denseContextOf(report, inspection, next.index);
}

/** δ of every unit of a dense layer: ∂L/∂z = ∂L/∂h · act′(z), or p − y for the softmax output. */
export function denseDeltas(ctx: DenseContext, inspection: InspectionData): Float64Array {
  const z = densePreActivations(ctx);
  const grad = inspection.outputGradients[ctx.layerIndex]?.data;
  if (ctx.activation === 'softmax') return Float64Array.from(grad ?? z.map(() => NaN));
  const { derivative } = elementwiseOf(ctx.activation);
  return z.map((v, j) => (grad?.[j] ?? NaN) * derivative(v));
}

/** The chain rule for W[i, j] of a dense layer, factor by factor. */
export function chainRuleBreakdown(
  report: NetworkReport,
  inspection: InspectionData,
  ctx: DenseContext,
  i: number,
  j: number,
): ChainRuleBreakdown {
  const z = densePreActivations(ctx)[j] ?? NaN;
  const upstream = inspection.outputGradients[ctx.layerIndex]?.data[j] ?? NaN;
  const softmax = ctx.activation === 'softmax';
  const derivative = softmax ? 1 : elementwiseOf(ctx.activation).derivative(z);
  let upstreamFromNext: number | null = null;
  const next = softmax ? null : nextDense(report, inspection, ctx);
  if (next) {
    const deltas = denseDeltas(next, inspection);
    upstreamFromNext = 0;
    for (let k = 0; k < next.units; k++)
      upstreamFromNext += (next.kernel.data[j * next.units + k] ?? 0) * (deltas[k] ?? 0);
  }
  const input = ctx.input[i] ?? NaN;
  const delta = upstream * derivative;
  const gradient = weightOf(inspection.weightGradients, ctx.layerIndex, 'kernel');
  return {
    i,
    j,
    input,
    preActivation: z,
    upstream,
    upstreamFromNext,
    derivative,
    delta,
    product: delta * input,
    engineGradient: gradient?.data[i * ctx.units + j] ?? NaN,
  };
}

/**
 * True when a number worked out here matches the engine's to float32 rounding:
 * |a − b| < 10⁻⁶, or a relative difference below `tolerance`.
 */
export function agreesWithEngine(ours: number, engine: number, tolerance = 1e-4): boolean {
  return Math.abs(ours - engine) < 1e-6 || relativeDifference(ours, engine) < tolerance;
}

/**
 * True when a gradient check found no gradient at all, |backprop| < 10⁻⁹ and
 * |numerical| < 10⁻⁶: the weight does not affect the loss for this input.
 */
export function isZeroGradientCheck(r: { readonly backprop: number; readonly numerical: number }) {
  return Math.abs(r.backprop) < 1e-9 && Math.abs(r.numerical) < 1e-6;
}

/** Relative difference |a − b| / max(|a|, |b|, tiny), 0 when both are 0. */
export function relativeDifference(a: number, b: number): number {
  const scale = Math.max(Math.abs(a), Math.abs(b));
  return scale === 0 ? 0 : Math.abs(a - b) / Math.max(scale, 1e-30);
}
