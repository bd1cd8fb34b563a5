import { useMemo } from 'react';
import { SHIFT_NETWORKS, type ShiftOutcome } from '../../../core/shiftInvariance';
import { shiftChartLayout } from '../../../viz/shift/shiftLayout';
import { DIRECTION_WORDS, percent } from './shiftSettings';

const WIDTH = 460;
const HEIGHT = 260;

const labelOf = (id: string) => SHIFT_NETWORKS.find((n) => n.id === id)?.label ?? id;

/** Test accuracy against shift for the MLP and the CNN, the selected shift marked; the numbers in a table. */
export function ShiftChart({
  outcome,
  selected,
}: {
  readonly outcome: ShiftOutcome;
  readonly selected: number;
}) {
  const layout = useMemo(
    () =>
      shiftChartLayout(outcome.shifts, outcome.results, selected, {
        width: WIDTH,
        height: HEIGHT,
      }),
    [outcome, selected],
  );
  const { plot } = layout;
  const { request, results, shifts } = outcome;
  const summary = results
    .map(
      (r) =>
        `${labelOf(r.network)} ${percent(r.accuracy[0] ?? 0)} at 0 px, ${percent(r.accuracy.at(-1) ?? 0)} at ${shifts.at(-1)} px`,
    )
    .join('; ');
  return (
    <>
      <svg
        className="shift-chart"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`Test accuracy against shift ${DIRECTION_WORDS[request.direction]}: ${summary}.`}
        data-testid="shift-chart"
      >
        {layout.yTicks.map((t) => (
          <g key={`y${t.value}`} className="tick">
            <line x1={plot.left} x2={plot.right} y1={t.at} y2={t.at} />
            <text x={plot.left - 6} y={t.at} dy="0.35em" textAnchor="end">
              {Math.round(t.value * 100)}%
            </text>
          </g>
        ))}
        {layout.xTicks.map((t) => (
          <text key={`x${t.value}`} x={t.at} y={plot.bottom + 16} textAnchor="middle">
            {t.value}
          </text>
        ))}
        <text x={(plot.left + plot.right) / 2} y={plot.bottom + 32} textAnchor="middle">
          shift {DIRECTION_WORDS[request.direction]} (pixels)
        </text>
        <text
          transform={`translate(14 ${(plot.top + plot.bottom) / 2}) rotate(-90)`}
          textAnchor="middle"
        >
          test accuracy
        </text>
        <line
          className="chance-line"
          x1={plot.left}
          x2={plot.right}
          y1={layout.chanceY}
          y2={layout.chanceY}
        />
        {layout.markerX !== null && (
          <line
            className="shift-marker"
            x1={layout.markerX}
            x2={layout.markerX}
            y1={plot.top}
            y2={plot.bottom}
          />
        )}
        {layout.curves.map((c) => (
          <g key={c.id} className={`shift-curve ${c.id}`}>
            <path d={c.path} />
            {c.points.map((p) =>
              c.id === 'mlp' ? (
                <rect key={p.shift} x={p.x - 3.5} y={p.y - 3.5} width={7} height={7} />
              ) : (
                <circle key={p.shift} cx={p.x} cy={p.y} r={4} />
              ),
            )}
          </g>
        ))}
      </svg>
      <ul className="legend shift-legend" aria-label="Key of the shift chart">
        {results.map((r) => (
          <li key={r.network} className={`shift-curve ${r.network}`}>
            <svg className="key" viewBox="0 0 12 12" aria-hidden="true">
              {r.network === 'mlp' ? (
                <rect x={2} y={2} width={8} height={8} />
              ) : (
                <circle cx={6} cy={6} r={4.5} />
              )}
            </svg>
            {labelOf(r.network)} ({SHIFT_NETWORKS.find((n) => n.id === r.network)?.title})
          </li>
        ))}
        <li>
          <span className="line-key chance" aria-hidden="true" /> chance (10%)
        </li>
        <li>
          <span className="line-key marker" aria-hidden="true" /> selected shift
        </li>
      </ul>
    </>
  );
}

/** The chart's numbers: test accuracy of each network at each shift, the selected row marked. */
export function ShiftTable({
  outcome,
  selected,
}: {
  readonly outcome: ShiftOutcome;
  readonly selected: number;
}) {
  const { request, results, shifts } = outcome;
  return (
    <table className="shift-table" data-testid="shift-table">
      <caption>
        Test accuracy of {request.testCount.toLocaleString('en-US')} test digits at each shift
      </caption>
      <thead>
        <tr>
          <th scope="col">Shift (px)</th>
          {results.map((r) => (
            <th key={r.network} scope="col">
              {labelOf(r.network)}
            </th>
          ))}
        </tr>
      </thead>
      <tbody>
        {shifts.map((s, i) => (
          <tr key={s} data-shift={s} className={s === selected ? 'selected' : undefined}>
            <th scope="row">{s}</th>
            {results.map((r) => (
              <td key={r.network} data-network={r.network} data-accuracy={r.accuracy[i]}>
                {percent(r.accuracy[i] ?? 0)}
              </td>
            ))}
          </tr>
        ))}
      </tbody>
    </table>
  );
}
