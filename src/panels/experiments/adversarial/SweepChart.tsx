import { useMemo } from 'react';
import type { SweepOutcome } from '../../../core/adversarial';
import { sweepChartLayout } from '../../../viz/adversarial/adversarialLayout';

const WIDTH = 440;
const HEIGHT = 240;

/** Flipped and misclassified test images against ε, the attack's current ε marked. */
export function SweepChart({
  outcome,
  epsilon,
}: {
  readonly outcome: SweepOutcome;
  readonly epsilon: number;
}) {
  const layout = useMemo(
    () => sweepChartLayout(outcome, epsilon, { width: WIDTH, height: HEIGHT }),
    [outcome, epsilon],
  );
  const { plot } = layout;
  const last = outcome.flipped.at(-1) ?? 0;
  return (
    <>
      <svg
        className="adv-chart"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`Of ${outcome.count} test images, ${last} flip at ε ${outcome.epsilons.at(-1)?.toFixed(2)}; none at ε 0.`}
        data-testid="adv-sweep-chart"
        data-flipped={outcome.flipped.join(',')}
        data-epsilons={outcome.epsilons.map((e) => e.toFixed(4)).join(',')}
      >
        {layout.yTicks.map((t) => (
          <g key={`y${t.value}`} className="tick">
            <line x1={plot.left} x2={plot.right} y1={t.at} y2={t.at} />
            <text x={plot.left - 6} y={t.at} dy="0.35em" textAnchor="end">
              {t.value}
            </text>
          </g>
        ))}
        {layout.xTicks.map((t) => (
          <text key={`x${t.value}`} x={t.at} y={plot.bottom + 16} textAnchor="middle">
            {t.value}
          </text>
        ))}
        <text x={plot.right} y={plot.bottom + 30} textAnchor="end">
          ε (pixel units, 0..1)
        </text>
        {layout.markerX !== null && (
          <line
            className="epsilon-marker"
            x1={layout.markerX}
            x2={layout.markerX}
            y1={plot.top}
            y2={plot.bottom}
          />
        )}
        <path className="wrong-line" d={layout.wrongPath} />
        <path className="flipped-line" d={layout.flippedPath} />
        {layout.points.map((p) => (
          <g key={p.epsilon}>
            <rect className="wrong-point" x={p.x - 3} y={p.wrongY - 3} width={6} height={6} />
            <circle className="flipped-point" cx={p.x} cy={p.flippedY} r={3.5} />
          </g>
        ))}
      </svg>
      <ul className="legend adv-legend" aria-label="Key of the sweep chart">
        <li>
          <svg className="key" viewBox="0 0 12 12" aria-hidden="true">
            <circle className="flipped-point" cx={6} cy={6} r={4} />
          </svg>
          prediction flipped
        </li>
        <li>
          <svg className="key" viewBox="0 0 12 12" aria-hidden="true">
            <rect className="wrong-point" x={2.5} y={2.5} width={7} height={7} />
          </svg>
          classified wrongly
        </li>
        <li>
          <span className="line-key marker" aria-hidden="true" /> current ε
        </li>
      </ul>
      <details>
        <summary>The numbers</summary>
        <table className="adv-table">
          <thead>
            <tr>
              <th scope="col">ε</th>
              <th scope="col">Flipped</th>
              <th scope="col">Wrong</th>
            </tr>
          </thead>
          <tbody>
            {outcome.epsilons.map((e, i) => (
              <tr key={e}>
                <th scope="row">{e.toFixed(3)}</th>
                <td>{outcome.flipped[i]}</td>
                <td>{outcome.wrong[i]}</td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </>
  );
}
