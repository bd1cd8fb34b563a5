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
  const hidden = (k: 1 | 2) => {
    const [wa, wb, b] = k === 1 ? [p.w1, p.w2, p.b1] : [p.w3, p.w4, p.b2];
    const [na, nb] = k === 1 ? ['w_1', 'w_2'] : ['w_3', 'w_4'];
    const h = k === 1 ? fw.h1 : fw.h2;
    return `h_${k} = x_1 ${na} + x_2 ${nb} + b_${k} = ${f(p.x1)}\\cdot${f(wa)} + ${f(p.x2)}\\cdot${f(wb)} + ${f(b)} = ${n(h)}`;
  };
  const tanhStep = (k: 1 | 2) => {
    const [h, u] = k === 1 ? [fw.h1, fw.u1] : [fw.h2, fw.u2];
    return `u_${k} = \\tanh h_${k} = \\tanh ${f(h)} = ${n(u)}`;
  };
  const hiddenDelta = (k: 1 | 2) => {
    const [up, u, d, out] =
      k === 1 ? [bw.delta2, fw.u1, 'delta_2', bw.delta4] : [bw.delta3, fw.u2, 'delta_3', bw.delta5];
    const name = k === 1 ? '\\delta_4' : '\\delta_5';
    return `${name} = \\frac{\\partial E}{\\partial h_${k}} = \\${d}\\,(1 - \\tanh^2 h_${k}) = ${f(up)}\\cdot(1 - ${f(u)}^2) = ${n(out)}`;
  };
  const firstLayer = (k: 1 | 2) => {
    const [d, dn] = k === 1 ? [bw.delta4, '\\delta_4'] : [bw.delta5, '\\delta_5'];
    const [wa, wb, b]: [TinyNetWeight, TinyNetWeight, TinyNetWeight] =
      k === 1 ? ['w1', 'w2', 'b1'] : ['w3', 'w4', 'b2'];
    return (
      `\\begin{aligned}${grad(wa)} &= ${dn}\\, x_1 = ${f(d)}\\cdot${f(p.x1)} = ${n(g[wa])}\\\\` +
      `${grad(wb)} &= ${dn}\\, x_2 = ${f(d)}\\cdot${f(p.x2)} = ${n(g[wb])}\\\\` +
      `${grad(b)} &= ${dn} = ${n(g[b])}\\end{aligned}`
    );
  };
  return [
    {
      pass: 'forward',
      title: 'Hidden unit 1 adds up its weighted inputs',
      tex: hidden(1),
      values: { h1: fw.h1 },
    },
    {
      pass: 'forward',
      title: 'Hidden unit 2 adds up its weighted inputs',
      tex: hidden(2),
      values: { h2: fw.h2 },
    },
    {
      pass: 'forward',
      title: 'Hidden unit 1 squashes its sum with tanh',
      tex: tanhStep(1),
      values: { u1: fw.u1 },
    },
    {
      pass: 'forward',
      title: 'Hidden unit 2 squashes its sum with tanh',
      tex: tanhStep(2),
      values: { u2: fw.u2 },
    },
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
    {
      pass: 'backward',
      title: 'δ₂: the error gradient reaching hidden output u₁ through w₅',
      tex: `\\delta_2 = \\frac{\\partial E}{\\partial u_1} = \\delta_1 w_5 = ${f(bw.delta1)}\\cdot${f(p.w5)} = ${n(bw.delta2)}`,
      values: { delta2: bw.delta2 },
    },
    {
      pass: 'backward',
      title: 'δ₃: the error gradient reaching hidden output u₂ through w₆',
      tex: `\\delta_3 = \\frac{\\partial E}{\\partial u_2} = \\delta_1 w_6 = ${f(bw.delta1)}\\cdot${f(p.w6)} = ${n(bw.delta3)}`,
      values: { delta3: bw.delta3 },
    },
    {
      pass: 'backward',
      title: 'δ₄: through tanh of unit 1 (its slope is 1 − tanh²)',
      tex: hiddenDelta(1),
      values: { delta4: bw.delta4 },
    },
    {
      pass: 'backward',
      title: 'δ₅: through tanh of unit 2',
      tex: hiddenDelta(2),
      values: { delta5: bw.delta5 },
    },
    {
      pass: 'backward',
      title: 'Hidden unit 1’s weights: δ₄ times each input',
      tex: firstLayer(1),
      values: { w1: g.w1, w2: g.w2, b1: g.b1 },
    },
    {
      pass: 'backward',
      title: 'Hidden unit 2’s weights: δ₅ times each input',
      tex: firstLayer(2),
      values: { w3: g.w3, w4: g.w4, b2: g.b2 },
    },
  ];
}
