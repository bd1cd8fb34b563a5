import { ACTIVATION_FACTS, type Activation } from '../../core/activations';
import type {
  ChainRuleBreakdown,
  DenseUnitBreakdown,
  SoftmaxBreakdown,
} from '../../core/inspectionMaths';
import { texFactor as f, texNumber as n } from './format';

/** TeX for the maths panel's formulas, filled with numbers (and only numbers). */

/** How many of a unit's products the dense formula writes out before summing the rest. */
export const SHOWN_TERMS = 4;

const texNameOf = (act: Activation): string => ACTIVATION_FACTS[act].texName;

/** The products with the largest magnitude, in input order: the ones worth writing out. */
export function largestTerms(b: DenseUnitBreakdown, count = SHOWN_TERMS) {
  const ranked = [...b.terms].sort((p, q) => Math.abs(q.x * q.w) - Math.abs(p.x * p.w));
  return ranked.slice(0, count).sort((p, q) => p.i - q.i);
}

/** z_j = Σᵢ xᵢ W_ij + b_j with the largest products written out and the rest summed. */
export function denseSumTex(b: DenseUnitBreakdown): string {
  const shown = largestTerms(b);
  const shownSum = shown.reduce((s, t) => s + t.x * t.w, 0);
  const rest = b.terms.length - shown.length;
  const products = shown.map((t) => `${f(t.x)}\\cdot${f(t.w)}`).join(' + ');
  const restTex =
    rest > 0 ? ` + \\underbrace{${n(b.sum - shownSum)}}_{\\text{${rest} more terms}}` : '';
  const j = b.unit;
  return (
    `\\begin{aligned}z_{${j}} &= \\textstyle\\sum_{i} x_i\\, W_{i,${j}} + b_{${j}}\\\\` +
    `&= ${products}${restTex} + ${f(b.bias)}\\\\` +
    `&= ${n(b.sum)} + ${f(b.bias)} = ${n(b.preActivation)}\\end{aligned}`
  );
}

/** h_j = act(z_j) with the function written out. */
export function denseActivationTex(b: DenseUnitBreakdown, act: Activation): string {
  const j = b.unit;
  const value =
    act === 'softmax'
      ? `\\operatorname{softmax}(z)_{${j}} = ${n(b.output)}`
      : `${texNameOf(act)}(${n(b.preActivation)}) = ${n(b.output)}`;
  return `h_{${j}} = ${texNameOf(act)}(z_{${j}}),\\quad ${texNameOf(act)}(z) = ${ACTIVATION_FACTS[act].tex};\\qquad h_{${j}} = ${value}`;
}

/** The label's probability written out as the softmax fraction. */
export function softmaxTex(s: SoftmaxBreakdown): string {
  const row = s.rows[s.label];
  if (!row) return '';
  const y = s.label;
  return (
    `p_{${y}} = \\frac{e^{z_{${y}} - m}}{\\sum_k e^{z_k - m}} = \\frac{e^{${n(row.logit)} - ${f(s.maxLogit)}}}{${n(s.expSum)}}` +
    ` = \\frac{${n(row.exp)}}{${n(s.expSum)}} = ${n(row.probability)},\\qquad m = \\max_k z_k = ${n(s.maxLogit)}`
  );
}

/** L = −log p_y with the numbers. */
export function lossTex(s: SoftmaxBreakdown): string {
  const p = s.rows[s.label]?.probability ?? NaN;
  return `L = -\\sum_k y_k \\log p_k = -\\log p_{${s.label}} = -\\log ${n(p, 6)} = ${n(s.loss)}`;
}

/** ∂L/∂W_ij of the output layer (softmax fused into the loss): (p_j − y_j)·h_i. */
export function outputChainTex(c: ChainRuleBreakdown): string {
  const { i, j } = c;
  return (
    `\\frac{\\partial L}{\\partial W_{${i},${j}}} = \\underbrace{\\frac{\\partial L}{\\partial z_{${j}}}}_{p_{${j}} - y_{${j}}}` +
    `\\cdot \\underbrace{\\frac{\\partial z_{${j}}}{\\partial W_{${i},${j}}}}_{h_{${i}}}` +
    ` = ${f(c.delta)}\\cdot${f(c.input)} = ${n(c.product)}`
  );
}

/** ∂L/∂W_ij of a hidden layer: ∂L/∂h_j · act′(z_j) · x_i. */
export function hiddenChainTex(c: ChainRuleBreakdown, act: Activation): string {
  const { i, j } = c;
  const d = act === 'relu' ? `[z_{${j}} > 0]` : `${texNameOf(act)}'(z_{${j}})`;
  return (
    `\\frac{\\partial L}{\\partial W_{${i},${j}}} = \\underbrace{\\frac{\\partial L}{\\partial h_{${j}}}}_{\\text{from above}}` +
    `\\cdot \\underbrace{\\frac{\\partial h_{${j}}}{\\partial z_{${j}}}}_{${d}}` +
    `\\cdot \\underbrace{\\frac{\\partial z_{${j}}}{\\partial W_{${i},${j}}}}_{x_{${i}}}` +
    ` = ${f(c.upstream)}\\cdot${f(c.derivative)}\\cdot${f(c.input)} = ${n(c.product)}`
  );
}

/** ∂L/∂h_j = Σ_k W'_jk δ'_k: the gradient arriving from the next dense layer. */
export function upstreamTex(c: ChainRuleBreakdown, nextIsOutput: boolean): string {
  const delta = nextIsOutput ? '(p_k - y_k)' : "\\delta'_k";
  return `\\frac{\\partial L}{\\partial h_{${c.j}}} = \\sum_k W'_{${c.j},k}\\, ${delta} = ${n(c.upstreamFromNext ?? NaN)}`;
}

/** The central difference, written out. */
export function finiteDifferenceTex(r: {
  lossPlus: number;
  lossMinus: number;
  epsilon: number;
  numerical: number;
}): string {
  return (
    `\\frac{L(w+\\varepsilon) - L(w-\\varepsilon)}{2\\varepsilon} = \\frac{${n(r.lossPlus, 7)} - ${n(r.lossMinus, 7)}}{2\\cdot ${n(r.epsilon)}}` +
    ` = ${n(r.numerical, 7)}`
  );
}

/** The relative error between the two gradients. */
export function relativeErrorTex(r: {
  numerical: number;
  backprop: number;
  relativeError: number;
}): string {
  return (
    `\\frac{|g_\\text{num} - g_\\text{bp}|}{\\max(|g_\\text{num}|, |g_\\text{bp}|)} = \\frac{\\left|${n(r.numerical, 7)} - ${f(r.backprop, 7)}\\right|}{\\max(\\ldots)}` +
    ` = ${n(r.relativeError, 3)}`
  );
}
