import { ACTIVATION_FACTS, activationCurveOf, type Activation } from '../../core/activations';
import { activationPlotLayout } from '../../viz/activationPlot';
import { Tex } from '../maths/Tex';
import './activationPlot.css';

/** The derivative's formula in TeX for each activation (f′ as a reader would write it). */
const DERIVATIVE_TEX: Readonly<Record<Activation, string>> = {
  linear: '1',
  relu: '[z > 0]',
  leakyrelu: '1 \\text{ if } z>0 \\text{ else } 0.01',
  elu: '1 \\text{ if } z>0 \\text{ else } e^{z}',
  sigmoid: '\\sigma(z)\\,(1-\\sigma(z))',
  tanh: '1-\\tanh^2 z',
  softplus: '\\sigma(z)',
  softmax: 'p_1(1-p_1)',
};

/**
 * f and f′ of the chosen activation, plotted over z from −4 to 4 with both curves labelled
 * and the formulas written out, beside wherever a person picks an activation.
 */
export function ActivationPlot({
  fn,
  width = 260,
  height = 170,
  title,
}: {
  readonly fn: Activation;
  readonly width?: number;
  readonly height?: number;
  /** What the plot is for, e.g. "Layer 3 dense_1"; the activation's name follows. */
  readonly title?: string;
}) {
  const facts = ACTIVATION_FACTS[fn];
  const { note } = activationCurveOf(fn);
  const p = activationPlotLayout(fn, width, height);
  const { area } = p;
  const name = `${facts.label} and its derivative`;
  return (
    <figure className="activation-plot" data-testid="activation-plot" data-activation={fn}>
      <figcaption>
        {title ? `${title}: ` : ''}
        <strong>{facts.label}</strong>
      </figcaption>
      <div className="activation-plot-body">
        <svg
          viewBox={`0 0 ${p.width} ${p.height}`}
          width={p.width}
          height={p.height}
          role="img"
          aria-label={`Plot of ${name} for z from −4 to 4`}
        >
          <rect
            className="frame"
            x={area.left}
            y={area.top}
            width={area.right - area.left}
            height={area.bottom - area.top}
          />
          {p.xTicks.map((t) => (
            <g key={`x${t.value}`} className="tick">
              <line x1={t.at} x2={t.at} y1={area.bottom} y2={area.bottom + 3} />
              <text x={t.at} y={area.bottom + 14} textAnchor="middle">
                {t.label}
              </text>
            </g>
          ))}
          {p.yTicks.map((t) => (
            <g key={`y${t.value}`} className="tick">
              <line x1={area.left - 3} x2={area.left} y1={t.at} y2={t.at} />
              <text x={area.left - 5} y={t.at + 3} textAnchor="end">
                {t.label}
              </text>
            </g>
          ))}
          <line className="axis" x1={area.left} x2={area.right} y1={p.zeroY} y2={p.zeroY} />
          <line className="axis" x1={p.zeroX} x2={p.zeroX} y1={area.top} y2={area.bottom} />
          <path className="curve value" d={p.valuePath} />
          <path className="curve derivative" d={p.derivativePath} />
          <text className="curve-label value" x={area.right + 3} y={p.valueLabelY + 4}>
            f
          </text>
          <text className="curve-label derivative" x={area.right + 3} y={p.derivativeLabelY + 4}>
            f′
          </text>
          <text className="axis-label" x={area.right} y={area.bottom - 4} textAnchor="end">
            z
          </text>
        </svg>
        <div className="activation-formulas">
          <div>
            <span className="swatch value" aria-hidden="true" />
            <Tex tex={`f(z) = ${facts.tex}`} />
          </div>
          <div>
            <span className="swatch derivative" aria-hidden="true" />
            <Tex tex={`f'(z) = ${DERIVATIVE_TEX[fn]}`} />
          </div>
          {note ? <p className="muted small">Plotted: {note}.</p> : null}
        </div>
      </div>
    </figure>
  );
}
