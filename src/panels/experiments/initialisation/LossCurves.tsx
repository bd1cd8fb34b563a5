import { useMemo } from 'react';
import { curvesLayout, tickText } from '../../../viz/initialisation/histogramLayout';

const WIDTH = 420;
const HEIGHT = 230;

interface Curve {
  readonly label: string;
  readonly losses: readonly number[];
  /** `without` or `with`: the line's colour and dash, also in the key. */
  readonly className: string;
}

/** Two runs' training loss against the step, on shared axes, with a key. */
export function LossCurves({ curves }: { readonly curves: readonly Curve[] }) {
  const layout = useMemo(
    () =>
      curvesLayout(
        curves.map((c) => c.losses),
        { width: WIDTH, height: HEIGHT },
      ),
    [curves],
  );
  const { plot } = layout;
  const last = (c: Curve) => c.losses.at(-1) ?? NaN;
  return (
    <>
      <svg
        className="init-curves"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`Training loss per step: ${curves.map((c) => `${c.label} ends at ${tickText(last(c))}`).join('; ')}.`}
        data-testid="init-bn-chart"
        data-curves={layout.paths.filter((p) => p !== '').length}
      >
        {layout.yTicks.map((t) => (
          <g key={`y${t.value}`} className="tick">
            <line x1={plot.left} x2={plot.right} y1={t.at} y2={t.at} />
            <text x={plot.left - 6} y={t.at} dy="0.35em" textAnchor="end">
              {t.text}
            </text>
          </g>
        ))}
        {layout.xTicks.map((t) => (
          <text key={`x${t.value}`} x={t.at} y={plot.bottom + 18} textAnchor="middle">
            {t.text}
          </text>
        ))}
        <text x={plot.right} y={plot.bottom + 36} textAnchor="end">
          training step
        </text>
        <text x={plot.left} y={plot.top} dy="-0.2em" className="axis-title">
          loss
        </text>
        {layout.paths.map((d, i) => (
          <path key={curves[i]?.label} className={`curve ${curves[i]?.className ?? ''}`} d={d} />
        ))}
      </svg>
      <ul className="legend init-legend" aria-label="Key of the loss chart">
        {curves.map((c) => (
          <li key={c.label}>
            <span className={`line-key ${c.className}`} aria-hidden="true" /> {c.label} (last{' '}
            {tickText(last(c))})
          </li>
        ))}
      </ul>
    </>
  );
}
