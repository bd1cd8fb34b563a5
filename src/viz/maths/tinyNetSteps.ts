import {
  tinyNetBackward,
  tinyNetForward,
  type TinyNetParams,
  type TinyNetWeight,
} from '../../core/tinyNet';
import { texFactor as f, texNumber as n } from './format';

/** One step of the tiny network's walk-through: what is computed, how, and its value. */
export interface TinyNetStep {
  readonly pass: 'forward' | 'backward';
  /** What the step computes, in words. */
  readonly title: string;
  /** The formula with the numbers put in, as TeX (numbers only, no user text). */
  readonly tex: string;
  /** The value(s) the step produces, by name, for the network diagram and tests. */
  readonly values: Readonly<Record<string, number>>;
}

const grad = (w: TinyNetWeight) => `\\frac{\\partial E}{\\partial ${w[0]}_${w.slice(1)}}`;

/**
 * Every forward value and every delta of the 2-2-1 tanh network, in the order the
 * lecture computes them: h, u, f, E, then δ₁ … δ₅ and each weight's gradient.
 */
export function tinyNetSteps(p: TinyNetParams): TinyNetStep[] {
  const fw = tinyNetForward(p);
  const bw = tinyNetBackward(p, fw);
  const g = bw.gradients;
  const units = unitsOf(fw, bw);
  const forEachUnit = (step: (u: HiddenUnit) => TinyNetStep) => units.map(step);
  return [
    ...forEachUnit((u) => ({
      pass: 'forward',
      title: `Hidden unit ${u.k} adds up its weighted inputs`,
      tex: `h_${u.k} = x_1 w_${u.wa[1]} + x_2 w_${u.wb[1]} + b_${u.k} = ${f(p.x1)}\\cdot${f(p[u.wa])} + ${f(p.x2)}\\cdot${f(p[u.wb])} + ${f(p[u.b])} = ${n(u.h)}`,
      values: { [`h${u.k}`]: u.h },
    })),
    ...forEachUnit((u) => ({
      pass: 'forward',
      title: `Hidden unit ${u.k} squashes its sum with tanh`,
      tex: `u_${u.k} = \\tanh h_${u.k} = \\tanh ${f(u.h)} = ${n(u.u)}`,
      values: { [`u${u.k}`]: u.u },
    })),
    {
      pass: 'forward',
      title: 'The output is a weighted sum of the hidden units (no activation)',
      tex: `f(x) = u_1 w_5 + u_2 w_6 + b_3 = ${f(fw.u1)}\\cdot${f(p.w5)} + ${f(fw.u2)}\\cdot${f(p.w6)} + ${f(p.b3)} = ${n(fw.f)}`,
      values: { f: fw.f },
    },
    {
      pass: 'forward',
      title: 'The squared error against the target y',
      tex: `E = \\tfrac{1}{2}\\,(f(x) - y)^2 = \\tfrac{1}{2}\\,(${n(fw.f)} - ${f(p.y)})^2 = ${n(fw.error)}`,
      values: { E: fw.error },
    },
    {
      pass: 'backward',
      title: 'δ₁: how the error changes with the output',
      tex: `\\delta_1 = \\frac{\\partial E}{\\partial f} = f(x) - y = ${n(fw.f)} - ${f(p.y)} = ${n(bw.delta1)}`,
      values: { delta1: bw.delta1 },
    },
    {
      pass: 'backward',
      title: 'The output layer’s weights: δ₁ times what each weight multiplied',
      tex:
        `\\begin{aligned}${grad('w5')} &= \\delta_1\\, u_1 = ${f(bw.delta1)}\\cdot${f(fw.u1)} = ${n(g.w5)}\\\\` +
        `${grad('w6')} &= \\delta_1\\, u_2 = ${f(bw.delta1)}\\cdot${f(fw.u2)} = ${n(g.w6)}\\\\` +
        `${grad('b3')} &= \\delta_1 \\cdot 1 = ${n(g.b3)}\\end{aligned}`,
      values: { w5: g.w5, w6: g.w6, b3: g.b3 },
    },
    ...forEachUnit((u) => ({
      pass: 'backward',
      title: `δ${sub(u.up)}: the error gradient reaching hidden output u${sub(u.k)} through w${sub(u.out.slice(1))}`,
      tex: `\\delta_${u.up} = \\frac{\\partial E}{\\partial u_${u.k}} = \\delta_1 w_${u.out.slice(1)} = ${f(bw.delta1)}\\cdot${f(p[u.out])} = ${n(u.upDelta)}`,
      values: { [`delta${u.up}`]: u.upDelta },
    })),
    ...forEachUnit((u) => ({
      pass: 'backward',
      title: `δ${sub(u.down)}: through tanh of unit ${u.k}${u.k === 1 ? ' (its slope is 1 − tanh²)' : ''}`,
      tex: `\\delta_${u.down} = \\frac{\\partial E}{\\partial h_${u.k}} = \\delta_${u.up}\\,(1 - \\tanh^2 h_${u.k}) = ${f(u.upDelta)}\\cdot(1 - ${f(u.u)}^2) = ${n(u.delta)}`,
      values: { [`delta${u.down}`]: u.delta },
    })),
    ...forEachUnit((u) => ({
      pass: 'backward',
      title: `Hidden unit ${u.k}’s weights: δ${sub(u.down)} times each input`,
      tex:
        `\\begin{aligned}${grad(u.wa)} &= \\delta_${u.down}\\, x_1 = ${f(u.delta)}\\cdot${f(p.x1)} = ${n(g[u.wa])}\\\\` +
        `${grad(u.wb)} &= \\delta_${u.down}\\, x_2 = ${f(u.delta)}\\cdot${f(p.x2)} = ${n(g[u.wb])}\\\\` +
        `${grad(u.b)} &= \\delta_${u.down} = ${n(g[u.b])}\\end{aligned}`,
      values: { [u.wa]: g[u.wa], [u.wb]: g[u.wb], [u.b]: g[u.b] },
    })),
  ];
}

/** A number in subscript digits, for the step titles: 5 → ₅. */
const sub = (value: number | string): string =>
  String(value).replace(/\d/g, (d) => '₀₁₂₃₄₅₆₇₈₉'[Number(d)] ?? d);

/** The two hidden units in the lecture's names: weights in, the output weight, and their deltas. */
const UNITS = [
  { k: 1, wa: 'w1', wb: 'w2', b: 'b1', out: 'w5', up: 2, down: 4 },
  { k: 2, wa: 'w3', wb: 'w4', b: 'b2', out: 'w6', up: 3, down: 5 },
] as const satisfies readonly {
  k: number;
  wa: TinyNetWeight;
  wb: TinyNetWeight;
  b: TinyNetWeight;
  out: TinyNetWeight;
  up: number;
  down: number;
}[];

/** A hidden unit with its values: h, u = tanh h, δ_up = ∂E/∂u and δ_down = ∂E/∂h. */
type HiddenUnit = (typeof UNITS)[number] & {
  readonly h: number;
  readonly u: number;
  readonly upDelta: number;
  readonly delta: number;
};

function unitsOf(
  fw: ReturnType<typeof tinyNetForward>,
  bw: ReturnType<typeof tinyNetBackward>,
): HiddenUnit[] {
  return UNITS.map((names) => ({
    ...names,
    h: fw[`h${names.k}`],
    u: fw[`u${names.k}`],
    upDelta: bw[`delta${names.up}`],
    delta: bw[`delta${names.down}`],
  }));
}
