import { useMemo } from 'react';
import {
  finalPoint,
  TRANSFER_RUNS,
  type TransferPoint,
  type TransferRunId,
} from '../../../core/transfer';
import { curvesLayout } from '../../../viz/transfer/transferLayout';

const WIDTH = 520;
const HEIGHT = 260;

const percent = (accuracy: number) => `${(accuracy * 100).toFixed(1)} %`;

/**
 * Test accuracy against steps for both runs, drawn together (the fine-tuned run solid with
 * circles, from scratch dashed with squares, so the two differ without colour), with a key
 * and a table of the final figures for a screen reader or a slide.
 */
export function TransferChart({
  curves,
  steps,
  testCount,
}: {
  readonly curves: Readonly<Record<TransferRunId, readonly TransferPoint[]>>;
  readonly steps: number;
  readonly testCount: number;
}) {
  const layout = useMemo(
    () =>
      curvesLayout(
        TRANSFER_RUNS.map((r) => ({ id: r.id, points: curves[r.id] })),
        steps,
        { width: WIDTH, height: HEIGHT },
      ),
    [curves, steps],
  );
  const { plot } = layout;
  const finals = TRANSFER_RUNS.map((r) => ({ ...r, last: finalPoint(curves[r.id]) }));
  const summary = finals
    .map(
      (f) =>
        `${f.label}: ${f.last ? `${percent(f.last.accuracy)} at step ${f.last.step}` : 'not run yet'}`,
    )
    .join('; ');
  return (
    <>
      <svg
        className="tl-chart"
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`Test accuracy on ${testCount} held-out Fashion-MNIST images against steps. ${summary}.`}
        data-testid="transfer-chart"
      >
        {layout.yTicks.map((t) => (
          <g key={`y${t.value}`} className="tick">
            <line x1={plot.left} x2={plot.right} y1={t.at} y2={t.at} />
            <text x={plot.left - 6} y={t.at} dy="0.35em" textAnchor="end">
              {t.value}%
            </text>
          </g>
        ))}
        {layout.xTicks.map((t) => (
          <text key={`x${t.value}`} x={t.at} y={plot.bottom + 18} textAnchor="middle">
            {t.value}
          </text>
        ))}
        <text x={plot.right} y={plot.bottom + 38} textAnchor="end">
          training steps (batches of 32)
        </text>
        <line
          className="chance"
          x1={plot.left}
          x2={plot.right}
          y1={layout.chanceY}
          y2={layout.chanceY}
        />
        {layout.curves.map((c) => (
          <g
            key={c.id}
            className={`curve curve-${c.id}`}
            data-testid={`transfer-curve-${c.id}`}
            data-points={c.points.length}
            data-accuracies={c.points.map((p) => p.accuracy.toFixed(4)).join(',')}
          >
            <path d={c.path} />
            {c.points.map((p) =>
              c.id === 'scratch' ? (
                <rect key={p.step} x={p.x - 3} y={p.y - 3} width={6} height={6} />
              ) : (
                <circle key={p.step} cx={p.x} cy={p.y} r={3.5} />
              ),
            )}
          </g>
        ))}
      </svg>
      <ul className="legend tl-legend" aria-label="Key of the accuracy chart">
        {TRANSFER_RUNS.map((r) => (
          <li key={r.id}>
            <svg className={`key curve curve-${r.id}`} viewBox="0 0 24 12" aria-hidden="true">
              <path d="M1 6 H23" />
              {r.id === 'scratch' ? (
                <rect x={9} y={3} width={6} height={6} />
              ) : (
                <circle cx={12} cy={6} r={3.5} />
              )}
            </svg>
            {r.label}
          </li>
        ))}
        <li>
          <span className="line-key chance" aria-hidden="true" /> chance (10 %)
        </li>
      </ul>
      <table className="tl-table" data-testid="transfer-finals">
        <caption>Test accuracy at the last measurement ({testCount} held-out images)</caption>
        <thead>
          <tr>
            <th scope="col">Run</th>
            <th scope="col">Step</th>
            <th scope="col">Accuracy</th>
            <th scope="col">Loss</th>
          </tr>
        </thead>
        <tbody>
          {finals.map((f) => (
            <tr
              key={f.id}
              data-testid={`transfer-final-${f.id}`}
              data-accuracy={f.last?.accuracy ?? ''}
            >
              <th scope="row">{f.label}</th>
              <td>{f.last ? f.last.step : '–'}</td>
              <td>{f.last ? percent(f.last.accuracy) : '–'}</td>
              <td>{f.last ? f.last.loss.toFixed(3) : '–'}</td>
            </tr>
          ))}
        </tbody>
      </table>
    </>
  );
}
