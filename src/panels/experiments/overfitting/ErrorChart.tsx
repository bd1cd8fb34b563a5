import { useMemo } from 'react';
import type { DegreeErrors } from '../../../core/polyfit';
import { errorChartLayout } from '../../../viz/overfitting/polyfitLayout';
import { formatError } from './overfittingSettings';

const WIDTH = 440;
const HEIGHT = 260;

/**
 * Training and held-out MSE for every degree on a log scale, the current degree marked.
 * A click on a degree's column picks that degree; the numbers are in the table below too.
 */
export function ErrorChart({
  errors,
  degree,
  onPick,
}: {
  readonly errors: readonly DegreeErrors[];
  readonly degree: number;
  onPick(degree: number): void;
}) {
  const layout = useMemo(
    () => errorChartLayout(errors, degree, { width: WIDTH, height: HEIGHT }),
    [errors, degree],
  );
  const { plot } = layout;
  const spacing = (layout.points[1]?.x ?? plot.right) - (layout.points[0]?.x ?? plot.left);
  return (
    <>
      <svg
        className="overfit-chart"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`Training and held-out error for degrees 0 to ${errors.length - 1} on a log scale; degree ${degree} is marked.`}
        data-testid="overfit-error-chart"
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
        <text
          className="tick-label"
          x={(plot.left + plot.right) / 2}
          y={plot.bottom + 34}
          textAnchor="middle"
        >
          degree
        </text>
        <line
          className="degree-marker"
          x1={layout.markerX}
          x2={layout.markerX}
          y1={plot.top}
          y2={plot.bottom}
        />
        <path className="train-line" d={layout.trainPath} />
        <path className="test-line" d={layout.testPath} />
        {layout.points.map((p) => (
          <g key={p.degree}>
            <circle className="train-point" cx={p.x} cy={p.trainY} r={3.5} />
            <rect className="test-point" x={p.x - 3} y={p.testY - 3} width={6} height={6} />
            <rect
              className="pick-band"
              x={p.x - spacing / 2}
              width={spacing}
              y={plot.top}
              height={plot.bottom - plot.top}
              onClick={() => onPick(p.degree)}
            >
              <title>degree {p.degree}</title>
            </rect>
          </g>
        ))}
      </svg>
      <ul className="legend overfit-legend" aria-label="Key of the error chart">
        <li>
          <svg className="key" viewBox="0 0 12 12" aria-hidden="true">
            <circle className="train-point" cx={6} cy={6} r={4} />
          </svg>
          training error
        </li>
        <li>
          <svg className="key" viewBox="0 0 12 12" aria-hidden="true">
            <rect className="test-point" x={2.5} y={2.5} width={7} height={7} />
          </svg>
          held-out error
        </li>
        <li>
          <span className="line-key marker" aria-hidden="true" /> current degree
        </li>
      </ul>
      <details>
        <summary>The numbers</summary>
        <table className="overfit-table" data-testid="overfit-error-table">
          <thead>
            <tr>
              <th scope="col">Degree</th>
              <th scope="col">Training MSE</th>
              <th scope="col">Held-out MSE</th>
            </tr>
          </thead>
          <tbody>
            {errors.map((e) => (
              <tr key={e.degree} className={e.degree === degree ? 'selected' : undefined}>
                <th scope="row">{e.degree}</th>
                <td>{formatError(e.train)}</td>
                <td>{formatError(e.test)}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}
