import type { ToyData } from '../../core/toyData';
import { CLASS_COLORS } from '../../viz/neurons/planeColors';
import { describePlane } from '../../viz/describePlane';
import { remOf } from '../../viz/typeScale';
import { GridCanvas } from './GridCanvas';
import { PLANE_EXTENT, type PlaneSource } from './playgroundRunner';

/** The plane's side at the design type size (viewBox units; its box is in rem, so it grows with large type). */
const SIZE = 380;

/** The data over the output's decision regions; a click picks the nearest point. */
export function DecisionPlane({
  data,
  planes,
  point,
  onPoint,
  accuracy,
}: {
  readonly data: ToyData;
  readonly planes: PlaneSource;
  readonly point: number;
  /** The training accuracy shown beside the plane, 0 to 1, for its text alternative. */
  readonly accuracy: number;
  readonly onPoint: (index: number) => void;
}) {
  const e = PLANE_EXTENT;
  const px = (x: number) => ((x + e) / (2 * e)) * SIZE;
  const py = (y: number) => ((e - y) / (2 * e)) * SIZE;
  const pick = (event: React.MouseEvent<SVGSVGElement>) => {
    const box = event.currentTarget.getBoundingClientRect();
    const x = ((event.clientX - box.left) / box.width) * 2 * e - e;
    const y = e - ((event.clientY - box.top) / box.height) * 2 * e;
    let best = 0;
    let bestDistance = Infinity;
    for (let k = 0; k < data.count; k++) {
      const d = Math.hypot((data.xy[2 * k] ?? 0) - x, (data.xy[2 * k + 1] ?? 0) - y);
      if (d < bestDistance) [best, bestDistance] = [k, d];
    }
    onPoint(best);
  };
  const marks = Array.from({ length: data.count }, (_, k) => {
    const x = px(data.xy[2 * k] ?? 0);
    const y = py(data.xy[2 * k + 1] ?? 0);
    const label = data.labels[k] ?? 0;
    const fill = CLASS_COLORS[label];
    return label === 1 ? (
      <rect key={k} x={x - 3.5} y={y - 3.5} width={7} height={7} fill={fill} stroke="#fff" />
    ) : (
      <circle key={k} cx={x} cy={y} r={4} fill={fill} stroke="#fff" />
    );
  });
  // React renders this at most a few times a second while training (usePlayground), so the
  // text alternative follows the regions as the canvas does, without a render per frame.
  const plane = planes.plane();
  const sx = px(data.xy[2 * point] ?? 0);
  const sy = py(data.xy[2 * point + 1] ?? 0);
  return (
    <div className="toy-plane" style={{ width: remOf(SIZE), maxWidth: '100%', aspectRatio: '1' }}>
      <GridCanvas
        planes={planes}
        values={(plane) => plane.output}
        kind="probability"
        className="toy-plane-canvas"
      />
      <svg
        viewBox={`0 0 ${SIZE} ${SIZE}`}
        role="img"
        aria-label={describePlane({
          output: plane.output,
          resolution: plane.resolution,
          accuracy,
          count: data.count,
          point,
          pointClass: data.labels[point] ?? 0,
        })}
        data-testid="toy-plane"
        onClick={pick}
      >
        <line x1={px(0)} x2={px(0)} y1={0} y2={SIZE} className="toy-axis" />
        <line x1={0} x2={SIZE} y1={py(0)} y2={py(0)} className="toy-axis" />
        {marks}
        <circle cx={sx} cy={sy} r={9} className="toy-selected-ring" />
        <circle cx={sx} cy={sy} r={11} className="toy-selected-halo" />
      </svg>
    </div>
  );
}
