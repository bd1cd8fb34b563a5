import type { MouseEvent, ReactNode } from 'react';
import type { Point2 } from '../../../core/descent/functions';
import type { ContourLayout } from '../../../viz/surface/contourLayout';
import { formatLoss } from './surfaceSettings';

export const CHART_WIDTH = 480;
export const CHART_HEIGHT = 420;

/**
 * A filled contour plot with its axes and level key; what is drawn on the surface (paths, the
 * current weights) comes as children, in the chart's viewBox units. A click inside the plot
 * hands the point of the plane under it to `onPick`.
 */
export function ContourChart({
  layout,
  label,
  xLabel,
  yLabel,
  onPick,
  testId,
  children,
}: {
  readonly layout: ContourLayout;
  /** What the picture shows, for a screen reader. */
  readonly label: string;
  readonly xLabel: string;
  readonly yLabel: string;
  onPick?(point: Point2): void;
  readonly testId?: string;
  readonly children?: ReactNode;
}) {
  const { plot } = layout;
  const pick = (event: MouseEvent<SVGSVGElement>) => {
    if (!onPick) return;
    const box = event.currentTarget.getBoundingClientRect();
    const px = ((event.clientX - box.left) / box.width) * CHART_WIDTH;
    const py = ((event.clientY - box.top) / box.height) * CHART_HEIGHT;
    if (px < plot.left || px > plot.right || py < plot.top || py > plot.bottom) return;
    onPick(layout.fromPixel(px, py));
  };
  const clipId = `${testId ?? 'contour'}-clip`;
  return (
    <>
      <svg
        className={`contour-chart${onPick ? ' pickable' : ''}`}
        viewBox={`0 0 ${CHART_WIDTH} ${CHART_HEIGHT}`}
        role="img"
        aria-label={label}
        data-testid={testId}
        data-bands={layout.bands.length}
        onClick={pick}
      >
        <clipPath id={clipId}>
          <rect
            x={plot.left}
            y={plot.top}
            width={plot.right - plot.left}
            height={plot.bottom - plot.top}
          />
        </clipPath>
        <g clipPath={`url(#${clipId})`}>
          <rect
            x={plot.left}
            y={plot.top}
            width={plot.right - plot.left}
            height={plot.bottom - plot.top}
            fill={layout.baseColour}
          />
          {layout.bands.map((b) => (
            <path key={b.level} className="contour-band" d={b.d} fill={b.colour} />
          ))}
          {children}
        </g>
        {layout.xTicks.map((t) => (
          <text
            key={`x${t.label}`}
            className="tick-label"
            x={t.at}
            y={plot.bottom + 16}
            textAnchor="middle"
          >
            {t.label}
          </text>
        ))}
        {layout.yTicks.map((t) => (
          <text
            key={`y${t.label}`}
            className="tick-label"
            x={plot.left - 6}
            y={t.at}
            dy="0.35em"
            textAnchor="end"
          >
            {t.label}
          </text>
        ))}
        <text
          className="axis-label"
          x={(plot.left + plot.right) / 2}
          y={CHART_HEIGHT - 2}
          textAnchor="middle"
        >
          {xLabel}
        </text>
        <text
          className="axis-label"
          transform={`translate(12 ${(plot.top + plot.bottom) / 2}) rotate(-90)`}
          textAnchor="middle"
        >
          {yLabel}
        </text>
      </svg>
      <div className="contour-key">
        <span>{formatLoss(layout.range[0])}</span>
        <span className="contour-key-bar" aria-hidden="true">
          <span style={{ background: layout.baseColour }} />
          {layout.bands.map((b) => (
            <span key={b.level} style={{ background: b.colour }} />
          ))}
        </span>
        <span>{formatLoss(layout.range[1])}</span>
        <span className="small muted">
          loss: dark low, yellow high; one colour per contour level, levels closer where the loss is
          low
        </span>
      </div>
    </>
  );
}
