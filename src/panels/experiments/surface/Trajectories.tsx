import type { Point2 } from '../../../core/descent/functions';
import type { DescentRun } from '../../../core/descent/optimisers';
import { trajectoryPath, type ContourLayout } from '../../../viz/surface/contourLayout';
import { OPTIMISER_STYLES } from './surfaceSettings';

/** An end marker of a shape, centred on (x, y), in the chart's units. */
export function Marker({
  shape,
  x,
  y,
  colour,
  size = 6,
}: {
  readonly shape: 'circle' | 'square' | 'triangle' | 'diamond';
  readonly x: number;
  readonly y: number;
  readonly colour: string;
  readonly size?: number;
}) {
  const common = { fill: colour, stroke: 'white', strokeWidth: 1.5 };
  switch (shape) {
    case 'circle':
      return <circle cx={x} cy={y} r={size} {...common} />;
    case 'square':
      return <rect x={x - size} y={y - size} width={2 * size} height={2 * size} {...common} />;
    case 'triangle':
      return (
        <path
          d={`M${x},${y - 1.2 * size}L${x + size},${y + 0.8 * size}L${x - size},${y + 0.8 * size}Z`}
          {...common}
        />
      );
    case 'diamond':
      return (
        <path
          d={`M${x},${y - 1.3 * size}L${x + size},${y}L${x},${y + 1.3 * size}L${x - size},${y}Z`}
          {...common}
        />
      );
  }
}

/**
 * The optimisers' paths over the contours: each in its colour on a white casing (readable on
 * dark and light bands alike), with its marker where it ended, and the common start ringed.
 */
export function Trajectories({
  runs,
  start,
  layout,
}: {
  readonly runs: readonly DescentRun[];
  readonly start: Point2;
  readonly layout: ContourLayout;
}) {
  const [sx, sy] = layout.toPixel(start);
  return (
    <g className="trajectories">
      {runs.map((run) => {
        const style = OPTIMISER_STYLES[run.optimiser];
        const d = trajectoryPath(run.path, layout);
        const n = run.path.length / 2 - 1;
        const [ex, ey] = layout.toPixel([run.path[2 * n] ?? 0, run.path[2 * n + 1] ?? 0]);
        return (
          <g key={run.optimiser} data-testid={`surface-path-${run.optimiser}`} data-points={n + 1}>
            <path className="trajectory-casing" d={d} />
            <path className="trajectory" d={d} stroke={style.colour} />
            {Number.isFinite(ex) && Number.isFinite(ey) && (
              <Marker shape={style.marker} x={ex} y={ey} colour={style.colour} />
            )}
          </g>
        );
      })}
      <circle className="start-marker" cx={sx} cy={sy} r={7} />
    </g>
  );
}
