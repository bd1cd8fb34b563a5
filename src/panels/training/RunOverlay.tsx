import { useEffect, useMemo, useRef, useState } from 'react';
import type { RunCurveMetric } from '../../core/runCurves';
import type { KeptRun } from '../../state/runCompare';
import { OVERLAY_HEIGHT_PX, overlayLayout, runColourOf } from '../../viz/training/runOverlay';
import { readTypeScale, scaledPx } from '../../viz/typeScale';

/** Width before the first measurement: a phone's column. */
const FIRST_WIDTH = 340;

/** The element's content width in CSS px, followed as the window or the type size changes. */
function useWidth<T extends HTMLElement>(): [React.RefObject<T | null>, number] {
  const ref = useRef<T>(null);
  const [width, setWidth] = useState(FIRST_WIDTH);
  useEffect(() => {
    const box = ref.current;
    if (!box) return;
    const measure = () => setWidth(Math.max(120, Math.floor(box.clientWidth)));
    measure();
    const observer = new ResizeObserver(measure);
    observer.observe(box);
    return () => observer.disconnect();
  }, []);
  return [ref, width];
}
const TITLES: Readonly<Record<RunCurveMetric, string>> = { loss: 'Loss', accuracy: 'Accuracy' };

/** One metric of the compared runs: a colour per run, training solid, validation dashed. */
function OverlayChart({
  runs,
  metric,
}: {
  readonly runs: readonly KeptRun[];
  readonly metric: RunCurveMetric;
}) {
  const [ref, width] = useWidth<HTMLElement>();
  // The width follows the type size too, so a change of either lays the chart out again.
  const typeScale = readTypeScale();
  const height = scaledPx(OVERLAY_HEIGHT_PX, typeScale);
  const layout = useMemo(
    () =>
      overlayLayout(
        runs.map((r) => ({ id: r.id, ...r.run.history })),
        metric,
        { width, height },
        typeScale,
      ),
    [runs, metric, width, height, typeScale],
  );
  const { plot } = layout;
  const nameOf = new Map(runs.map((r) => [r.id, r.name]));
  return (
    <figure className="run-overlay" ref={ref}>
      <figcaption>
        <strong>{TITLES[metric]}</strong>
      </figcaption>
      <svg
        viewBox={`0 0 ${width} ${height}`}
        width={width}
        height={height}
        role="img"
        aria-label={`${TITLES[metric]} over training steps of ${runs.length} kept ${runs.length === 1 ? 'run' : 'runs'}: ${runs.map((r) => r.name).join('; ')}.`}
        data-testid={`run-overlay-${metric}`}
      >
        {layout.yTicks.map((t) => (
          <g key={`y${t.label}`} className="tick">
            <line x1={plot.left} x2={plot.right} y1={t.at} y2={t.at} />
            <text x={plot.left - 5} y={t.at} dy="0.35em" textAnchor="end">
              {t.label}
            </text>
          </g>
        ))}
        {layout.xTicks.map((t) => (
          <text
            key={`x${t.label}`}
            className="tick-label"
            x={t.at}
            y={plot.bottom + scaledPx(15, typeScale)}
            textAnchor="middle"
          >
            {t.label}
          </text>
        ))}
        <text
          className="tick-label"
          x={(plot.left + plot.right) / 2}
          y={plot.bottom + scaledPx(29, typeScale)}
          textAnchor="middle"
        >
          step
        </text>
        {layout.paths.map((p) => (
          <path
            key={`${p.id}-${p.split}`}
            className={`run-line ${p.split}`}
            d={p.d}
            stroke={p.colour}
            data-run={p.id}
            data-split={p.split}
            data-last={p.last ?? ''}
          >
            <title>
              {nameOf.get(p.id)}, {p.split === 'train' ? 'training' : 'validation'}
            </title>
          </path>
        ))}
      </svg>
    </figure>
  );
}

/** The compared runs' loss and accuracy, with a key naming each run's colour. */
export function RunOverlay({ runs }: { readonly runs: readonly KeptRun[] }) {
  return (
    <div className="run-overlays" data-testid="run-overlay">
      <ul className="legend run-legend" aria-label="Key of the compared runs">
        {runs.map((r, i) => (
          <li key={r.id}>
            <span className="swatch" style={{ background: runColourOf(i) }} aria-hidden="true" />
            {r.name}
          </li>
        ))}
        <li>
          <span className="line-key solid" aria-hidden="true" /> training (smoothed)
        </li>
        <li>
          <span className="line-key dashed" aria-hidden="true" /> validation
        </li>
      </ul>
      <div className="curve-pair">
        <OverlayChart runs={runs} metric="loss" />
        <OverlayChart runs={runs} metric="accuracy" />
      </div>
    </div>
  );
}
