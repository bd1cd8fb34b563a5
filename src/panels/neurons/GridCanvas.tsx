import { useEffect, useRef } from 'react';
import { drawGrid } from '../../viz/neurons/planeColors';

/** A square grid of values painted into a canvas (decision regions, unit thumbnails). */
export function GridCanvas({
  values,
  kind,
  className,
}: {
  readonly values: Float64Array;
  readonly kind: 'probability' | 'activation';
  readonly className?: string;
}) {
  const ref = useRef<HTMLCanvasElement>(null);
  useEffect(() => {
    if (ref.current) drawGrid(ref.current, values, kind);
  }, [values, kind]);
  return <canvas ref={ref} className={className} aria-hidden="true" />;
}
