import type { PlaneSamples } from '../../core/toyTrainer';
import { drawGrid } from '../../viz/neurons/planeColors';
import { useCanvasRenderer } from '../shared/useCanvasRenderer';
import type { PlaneSource } from './playgroundRunner';

/**
 * A square grid of values over the plane painted into a canvas (decision regions, unit
 * thumbnails). It redraws from the playground's subscription, every frame while training,
 * without a React render.
 */
export function GridCanvas({
  planes,
  values,
  kind,
  className,
}: {
  readonly planes: PlaneSource;
  /** Which grid of the plane's samples to paint. */
  readonly values: (plane: PlaneSamples) => Float64Array;
  readonly kind: 'probability' | 'activation';
  readonly className?: string;
}) {
  const ref = useCanvasRenderer(
    (canvas) => drawGrid(canvas, values(planes.plane()), kind),
    planes.subscribe,
    // The runner reports from its animation frame: draw in that frame, not the next.
    { immediate: true },
  );
  return <canvas ref={ref} className={className} aria-hidden="true" />;
}
