import { useRef } from 'react';
import type { NetworkReport } from '../../core/analyze';
import { useLabStore } from '../../state/store';
import { formatValue } from '../../viz/network/display';
import { drawFlow, FLOW_COLORS, FLOW_HEIGHT_PX } from '../../viz/network/flow';
import { describeFlow } from '../../viz/describeCurves';
import { remOf } from '../../viz/typeScale';
import { useCanvasRenderer } from '../shared/useCanvasRenderer';

/**
 * ‖∂L/∂W‖ of every layer with a kernel, step by step, on a log scale. It subscribes to the
 * metrics log and draws at most once a frame, so training batches never re-render React.
 */
export function GradientFlow({ report }: { readonly report: NetworkReport }) {
  const metrics = useLabStore((s) => s.metrics);
  const valuesRef = useRef<HTMLOListElement>(null);
  const layers = report.layers.filter((l) => l.type === 'conv2d' || l.type === 'dense');
  const chosen = layers.map((l) => l.index);
  const canvasRef = useCanvasRenderer((canvas) => {
    drawFlow(canvas, metrics.gradients, chosen);
    const last = metrics.gradients.at(-1);
    valuesRef.current?.querySelectorAll<HTMLElement>('[data-layer]').forEach((el) => {
      const v = last?.norms[Number(el.dataset.layer)];
      el.textContent = v === undefined ? '—' : formatValue(v);
    });
    canvas.setAttribute(
      'aria-label',
      describeFlow(
        layers.map((l) => ({ name: l.name, norm: last?.norms[l.index] ?? 0 })),
        last?.step ?? null,
      ),
    );
  }, metrics.subscribe);
  return (
    <section className="card" aria-labelledby="flow-heading">
      <h2 id="flow-heading">Gradient flow over training</h2>
      <p className="muted small">
        ‖∂L/∂W‖ of each layer’s weights at every training step (log scale). In a deep sigmoid
        network the first layers’ lines sit decades below the last ones: the gradient vanishes on
        its way back. With ReLU, batch normalisation or skip connections the lines stay close.
        Compare the presets “Deep sigmoid MLP” and “MLP” or “Mini ResNet”.
      </p>
      <canvas
        ref={canvasRef}
        className="curve-canvas flow-canvas"
        style={{ height: remOf(FLOW_HEIGHT_PX) }}
        role="img"
      />
      <ol className="legend flow-legend" ref={valuesRef} aria-label="Layers and their latest norm">
        {layers.map((l, k) => (
          <li key={l.index}>
            <span
              className="swatch"
              style={{ background: FLOW_COLORS[k % FLOW_COLORS.length] }}
              aria-hidden="true"
            />
            {l.name}:{' '}
            <span data-layer={l.index} data-testid={`flow-${l.name}`}>
              —
            </span>
          </li>
        ))}
      </ol>
    </section>
  );
}
