import { useMemo } from 'react';
import type { Histogram, ValueSummary } from '../../../core/histogram';
import { histogramLayout, tickText } from '../../../viz/initialisation/histogramLayout';

const WIDTH = 180;
const HEIGHT = 110;

/** One histogram: bars as shares of the values, axes labelled, mean and std under it. */
export function HistogramChart({
  histogram,
  summary,
  title,
  xLabel,
  testId,
}: {
  readonly histogram: Histogram;
  readonly summary: ValueSummary;
  /** What the values are, for the chart's accessible name. */
  readonly title: string;
  readonly xLabel: string;
  readonly testId?: string;
}) {
  const layout = useMemo(
    () => histogramLayout(histogram, { width: WIDTH, height: HEIGHT }),
    [histogram],
  );
  const { plot } = layout;
  const outside = histogram.below + histogram.above;
  return (
    <figure
      className="init-histogram"
      data-testid={testId}
      data-std={summary.std}
      data-mean={summary.mean}
    >
      <svg
        viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
        role="img"
        aria-label={`${title}: mean ${tickText(summary.mean)}, standard deviation ${tickText(summary.std)}, from ${tickText(histogram.edges[0] ?? 0)} to ${tickText(histogram.edges.at(-1) ?? 0)}.`}
      >
        {layout.yTicks.map((t) => (
          <g key={`y${t.value}`} className="tick">
            <line x1={plot.left} x2={plot.right} y1={t.at} y2={t.at} />
            <text x={plot.left - 4} y={t.at} dy="0.35em" textAnchor="end">
              {t.text}
            </text>
          </g>
        ))}
        {layout.bars.map((b, i) => (
          <rect key={i} className="bar" x={b.x} y={b.y} width={b.width} height={b.height} />
        ))}
        <line className="axis" x1={plot.left} x2={plot.right} y1={plot.bottom} y2={plot.bottom} />
        {layout.xTicks.map((t, i) => (
          <text
            key={`x${i}`}
            x={t.at}
            y={plot.bottom + 13}
            textAnchor={i === 0 ? 'start' : i === layout.xTicks.length - 1 ? 'end' : 'middle'}
          >
            {t.text}
          </text>
        ))}
      </svg>
      <figcaption className="small">
        <span className="init-axis-name">{xLabel}</span> · mean {tickText(summary.mean)} · std{' '}
        <span data-testid={testId ? `${testId}-std` : undefined}>{tickText(summary.std)}</span>
        {outside > 0 && (
          <span className="muted">
            {' '}
            · {((100 * outside) / Math.max(1, histogram.total)).toFixed(1)}% beyond the axis
          </span>
        )}
        {histogram.nonFinite > 0 && (
          <span role="alert"> · {histogram.nonFinite} values are NaN or ∞</span>
        )}
      </figcaption>
    </figure>
  );
}
