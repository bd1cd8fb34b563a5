import { useMemo } from 'react';
import type { PolyData } from '../../../core/polyfit';
import { fitLayout } from '../../../viz/overfitting/polyfitLayout';

const WIDTH = 440;
const HEIGHT = 300;

/**
 * The points and the fitted curve. Training points are filled circles, held-out points
 * hollow squares: told apart by shape as well as colour, for colour-blind readers and print.
 */
export function FitChart({
  coefficients,
  data,
  degree,
}: {
  readonly coefficients: Float64Array;
  readonly data: PolyData;
  readonly degree: number;
}) {
  const layout = useMemo(
    () => fitLayout(coefficients, data.train, data.test, { width: WIDTH, height: HEIGHT }),
    [coefficients, data],
  );
  const { plot } = layout;
  return (
    <>
      <svg
        className="overfit-chart"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`A degree ${degree} polynomial fitted to ${data.train.x.length} training points of sin(πx), with ${data.test.x.length} held-out points.`}
        data-testid="overfit-fit-chart"
      >
        {layout.yTicks.map((t) => (
          <g key={`y${t.value}`} className="tick">
            <line x1={plot.left} x2={plot.right} y1={t.at} y2={t.at} />
            <text x={plot.left - 6} y={t.at} dy="0.35em" textAnchor="end">
              {t.label}
            </text>
          </g>
        ))}
        {layout.xTicks.map((t) => (
          <text
            key={`x${t.value}`}
            className="tick-label"
            x={t.at}
            y={plot.bottom + 18}
            textAnchor="middle"
          >
            {t.label}
          </text>
        ))}
        <clipPath id="overfit-plot-clip">
          <rect
            x={plot.left}
            y={plot.top}
            width={plot.right - plot.left}
            height={plot.bottom - plot.top}
          />
        </clipPath>
        <g clipPath="url(#overfit-plot-clip)">
          <path className="target-curve" d={layout.targetPath} />
          <path className="fit-curve" d={layout.fitPath} />
        </g>
        {layout.test.map((p, i) => (
          <rect
            key={`t${i}`}
            className="test-point"
            x={p.x - 3.5}
            y={p.y - 3.5}
            width={7}
            height={7}
          />
        ))}
        {layout.train.map((p, i) => (
          <circle key={`p${i}`} className="train-point" cx={p.x} cy={p.y} r={4} />
        ))}
      </svg>
      <ul className="legend overfit-legend" aria-label="Key of the fit">
        <li>
          <svg className="key" viewBox="0 0 12 12" aria-hidden="true">
            <circle className="train-point" cx={6} cy={6} r={4} />
          </svg>
          training point
        </li>
        <li>
          <svg className="key" viewBox="0 0 12 12" aria-hidden="true">
            <rect className="test-point" x={2.5} y={2.5} width={7} height={7} />
          </svg>
          held-out point
        </li>
        <li>
          <span className="line-key fit" aria-hidden="true" /> fit
        </li>
        <li>
          <span className="line-key target" aria-hidden="true" /> true curve sin(πx)
        </li>
      </ul>
    </>
  );
}
