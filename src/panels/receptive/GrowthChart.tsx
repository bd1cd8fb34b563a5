import { useMemo, useState } from 'react';
import type { NetworkReport } from '../../core/analyze';
import { catalogueEntryOf } from '../../core/catalogue';
import { useLabStore } from '../../state/store';
import { growthLayout, growthSteps, type GrowthScale } from '../../viz/receptive/growth';

/** The decks' examples of how receptive fields grow, each a catalogue network. */
export const GROWTH_PRESETS = [
  { id: 'conv3-stack', label: '3×3, stride 1: linear' },
  { id: 'strided-stack', label: '3×3, stride 2: multiplied' },
  { id: 'dilated-stack', label: 'Dilated 1, 2, 4: 3, 7, 15' },
  { id: 'lenet5', label: 'Conv + pool: P + K − 1' },
] as const;

const WIDTH = 760;
const HEIGHT = 330;

/** Receptive-field size and jump per layer for the current network, with the decks' examples one click away. */
export function GrowthChart({
  report,
  selected,
}: {
  readonly report: NetworkReport;
  readonly selected: number;
}) {
  const choosePreset = useLabStore((s) => s.choosePreset);
  const presetId = useLabStore((s) => s.presetId);
  const [scale, setScale] = useState<GrowthScale>('linear');
  const steps = useMemo(() => growthSteps(report), [report]);
  const imageSize = report.input?.[0] ?? 0;
  const layout = useMemo(
    () => growthLayout(steps, { width: WIDTH, height: HEIGHT, scale, imageSize, selected }),
    [steps, scale, imageSize, selected],
  );
  const { plot } = layout;
  const last = steps.at(-1);
  const summary = steps
    .slice(1)
    .map((s) => `${s.name} ${s.size}`)
    .join(', ');
  return (
    <section className="card growth" aria-labelledby="growth-heading">
      <h2 id="growth-heading">How the field grows, layer by layer</h2>
      <div className="toolbar-row" role="group" aria-label="Examples from the lectures">
        {GROWTH_PRESETS.map((p) => (
          <button
            key={p.id}
            type="button"
            aria-pressed={presetId === p.id}
            title={catalogueEntryOf(p.id)?.description}
            onClick={() => choosePreset(p.id)}
          >
            {p.label}
          </button>
        ))}
        <button
          type="button"
          className="scale-toggle"
          aria-pressed={scale === 'log'}
          onClick={() => setScale((s) => (s === 'log' ? 'linear' : 'log'))}
        >
          Log scale
        </button>
      </div>
      <p className="small muted">
        A stride-1 K×K layer adds (K − 1)·jump pixels: a straight line on the linear scale. A stride
        (or pooling) multiplies the jump, so every later layer adds more: a straight line on the log
        scale. Dilation d stretches a kernel to d·(K − 1) + 1 without more weights.
      </p>
      {steps.length < 2 || !last ? (
        <p>This network has no layer with a feature map, so every unit sees the whole image.</p>
      ) : (
        <svg
          className="growth-chart"
          viewBox={`0 0 ${WIDTH} ${HEIGHT}`}
          role="img"
          aria-label={`Receptive field per layer: ${summary}; the last spatial layer has jump ${last.jump}.`}
          data-testid="growth-chart"
        >
          {layout.yTicks.map((t) => (
            <g key={t.value} className="tick">
              <line x1={plot.left} x2={plot.right} y1={t.y} y2={t.y} />
              <text x={plot.left - 8} y={t.y} dy="0.35em" textAnchor="end">
                {t.value}
              </text>
            </g>
          ))}
          {layout.imageLine && (
            <g className="image-line">
              <line
                x1={plot.left}
                x2={plot.right}
                y1={layout.imageLine.y}
                y2={layout.imageLine.y}
              />
              <text x={plot.left + 6} y={layout.imageLine.y - 6}>
                image height {layout.imageLine.value}
              </text>
            </g>
          )}
          {layout.points.map((p) =>
            p.index === selected ? (
              <rect
                key="sel"
                className="selected-band"
                x={p.x - layout.spacing / 2}
                width={layout.spacing}
                y={plot.top}
                height={plot.bottom - plot.top}
              />
            ) : null,
          )}
          <path className="series-jump" d={layout.jumpPath} />
          <path className="series-size" d={layout.sizePath} />
          {layout.points.map((p) => (
            <g key={p.index}>
              <rect className="dot-jump" x={p.x - 3.5} y={p.jumpY - 3.5} width={7} height={7} />
              <circle className="dot-size" cx={p.x} cy={p.sizeY} r={4.5} />
              {p.labelled && (
                <>
                  <text className="value-label" x={p.x} y={p.sizeY - 9} textAnchor="middle">
                    {p.size}
                  </text>
                  <text
                    className={p.index === selected ? 'x-label selected' : 'x-label'}
                    transform={`translate(${p.x},${plot.bottom + 12}) rotate(-40)`}
                    textAnchor="end"
                  >
                    {p.name}
                  </text>
                </>
              )}
            </g>
          ))}
          <text className="axis-title" transform={`translate(14,${plot.top}) rotate(-90)`}>
            <tspan textAnchor="end">pixels of the input</tspan>
          </text>
        </svg>
      )}
      <ul className="legend" aria-label="Chart key">
        <li>
          <span className="swatch swatch-size" aria-hidden="true" /> receptive field (rows)
        </li>
        <li>
          <span className="swatch swatch-jump" aria-hidden="true" /> jump: product of the strides
        </li>
      </ul>
      <details className="growth-table">
        <summary>The numbers</summary>
        <table>
          <thead>
            <tr>
              <th scope="col">Layer</th>
              <th scope="col">Field</th>
              <th scope="col">Change</th>
              <th scope="col">Jump</th>
            </tr>
          </thead>
          <tbody>
            {steps.map((s) => (
              <tr key={s.index} className={s.index === selected ? 'selected' : undefined}>
                <th scope="row">{s.name}</th>
                <td>{s.size}</td>
                <td>{s.sizeChange}</td>
                <td>
                  {s.jump} {s.jumpChange && <span className="muted">({s.jumpChange})</span>}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
      </details>
    </section>
  );
}
