import { useRef, useState, type PointerEvent } from 'react';
import { useLabStore } from '../../state/store';
import {
  COLORS,
  CURVE_HEIGHT_PX,
  drawCurves,
  nearestPoint,
  stepAt,
  type CurveMetric,
} from '../../viz/training/curves';
import { describeCurve } from '../../viz/describeCurves';
import { readTypeScale, remOf } from '../../viz/typeScale';
import { useCanvasRenderer } from '../shared/useCanvasRenderer';

const pct = (v: number) => `${(v * 100).toFixed(1)}%`;
const format = (metric: CurveMetric, v: number | undefined) =>
  v === undefined ? '—' : metric === 'accuracy' ? pct(v) : v.toFixed(3);
const LABELS: Readonly<Record<CurveMetric, string>> = { loss: 'Loss', accuracy: 'Accuracy' };

/**
 * One metric over training steps. It subscribes to the metrics log itself and
 * redraws at most once a frame, so a batch never re-renders React.
 */
function Curve({ metric }: { readonly metric: CurveMetric }) {
  const metrics = useLabStore((s) => s.metrics);
  const [hover, setHover] = useState<number | null>(null);
  const readoutRef = useRef<HTMLSpanElement>(null);
  const canvasRef = useCanvasRenderer((canvas) => {
    drawCurves(canvas, metrics, metric, hover);
    // The read-out changes every batch too, so it is written here rather than rendered by React.
    if (readoutRef.current) {
      const train = hover === null ? metrics.train.at(-1) : nearestPoint(metrics.train, hover);
      const val =
        hover === null ? metrics.validation.at(-1) : nearestPoint(metrics.validation, hover);
      readoutRef.current.dataset.validation = val ? String(val[metric]) : '';
      readoutRef.current.dataset.training = train ? String(train[metric]) : '';
      readoutRef.current.textContent = `${hover === null ? 'latest' : `near step ${hover}`}: training ${format(metric, train?.[metric])} · validation ${format(metric, val?.[metric])}`;
    }
    canvas.setAttribute('aria-label', describeCurve(metrics, metric));
  }, metrics.subscribe);
  const onMove = (e: PointerEvent<HTMLCanvasElement>) => {
    const rect = e.currentTarget.getBoundingClientRect();
    setHover(
      stepAt(metrics, metric, rect.width, rect.height, e.clientX - rect.left, readTypeScale()),
    );
  };
  return (
    <figure className="curve">
      <figcaption>
        <strong>{LABELS[metric]}</strong>{' '}
        <span className="muted small" ref={readoutRef} data-testid={`readout-${metric}`} />
      </figcaption>
      <canvas
        ref={canvasRef}
        className="curve-canvas"
        style={{ height: remOf(CURVE_HEIGHT_PX) }}
        role="img"
        aria-label={describeCurve(metrics, metric)}
        onPointerMove={onMove}
        // A finger reads the curves while it presses (lifting it leaves: back to the latest).
        onPointerDown={onMove}
        onPointerLeave={() => setHover(null)}
      />
    </figure>
  );
}

/** Loss and accuracy curves for training (per batch, smoothed) and validation. */
export function LearningCurves() {
  return (
    <section className="card curves" aria-labelledby="curves-heading">
      <h2 id="curves-heading">Learning curves</h2>
      <ul className="legend" aria-label="Curve key">
        <li>
          <span className="swatch" style={{ background: COLORS.train }} aria-hidden="true" />
          Training (each batch, faint; smoothed, bold)
        </li>
        <li>
          <span className="swatch" style={{ background: COLORS.validation }} aria-hidden="true" />
          Validation (held-out part of the training split)
        </li>
      </ul>
      <div className="curve-pair">
        <Curve metric="loss" />
        <Curve metric="accuracy" />
      </div>
    </section>
  );
}
