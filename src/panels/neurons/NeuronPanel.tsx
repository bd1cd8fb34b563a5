import { CLASS_COLORS, NEGATIVE_COLOR, POSITIVE_COLOR } from '../../viz/neurons/planeColors';
import { DecisionPlane } from './DecisionPlane';
import { NeuronGraph } from './NeuronGraph';
import { PlaygroundControls, PRESETS } from './PlaygroundControls';
import { UnitDetails } from './UnitDetails';
import { usePlayground } from './usePlayground';
import './neurons.css';

/** Colour keys for classes, regions, weights and thumbnails. */
function Legends() {
  return (
    <ul className="toy-legend" aria-label="Colour legend">
      <li>
        <span className="swatch swatch-circle" style={{ background: CLASS_COLORS[0] }} /> class 0
        (circles), orange region: p(class 1) near 0
      </li>
      <li>
        <span className="swatch" style={{ background: CLASS_COLORS[1] }} /> class 1 (squares),
        purple region: p near 1; white: p = 0.5
      </li>
      <li>
        <span className="swatch-line" style={{ borderColor: POSITIVE_COLOR }} /> positive weight,{' '}
        <span className="swatch-line dashed" style={{ borderColor: NEGATIVE_COLOR }} /> negative
        weight (dashed); thicker means larger |w|
      </li>
      <li>
        Hidden-unit thumbnails: the unit&apos;s activation over the plane, purple positive, orange
        negative, scaled to each unit&apos;s largest |a|
      </li>
    </ul>
  );
}

/** Neurons and decision regions: a small MLP trained live on 2-D toy data. */
export function NeuronPanel() {
  const playground = usePlayground();
  const { trainer, data, planes, settings } = playground;
  const preset = PRESETS.find(
    (p) =>
      settings.dataset === 'xor' &&
      JSON.stringify(p.settings.hidden) === JSON.stringify(settings.hidden) &&
      (settings.hidden.length === 0 || p.settings.activation === settings.activation),
  );
  return (
    <section className="panel neuron-panel" aria-labelledby="neurons-title">
      <h1 id="neurons-title">Neurons and decision regions</h1>
      <p className="muted">
        A small network with two inputs (the point&apos;s x₁ and x₂) learns to tell two classes
        apart on the plane. Every number here is computed in this tab, in double precision.
      </p>
      <section className="card" aria-label="Playground settings">
        <PlaygroundControls playground={playground} />
        {preset && <p className="toy-why">{preset.why}</p>}
      </section>
      <div className="toy-layout">
        <section className="card panel-main-figure" aria-labelledby="toy-plane-title">
          <h2 id="toy-plane-title">Data and decision regions</h2>
          <p className="toy-stats" aria-live="polite">
            Epoch {trainer.epochs}, step {trainer.steps} · accuracy{' '}
            <strong data-testid="toy-accuracy" data-value={playground.accuracy.toFixed(4)}>
              {(100 * playground.accuracy).toFixed(1)} %
            </strong>{' '}
            · mean loss {playground.loss.toFixed(3)}
          </p>
          <DecisionPlane
            data={data}
            planes={planes}
            point={playground.point}
            onPoint={playground.selectPoint}
            accuracy={playground.accuracy}
          />
          <label className="stacked">
            Selected point (1–{data.count})
            <input
              type="number"
              min={1}
              max={data.count}
              value={playground.point + 1}
              data-testid="toy-point"
              onChange={(e) =>
                playground.selectPoint(
                  Math.max(
                    0,
                    Math.min(data.count - 1, Math.round(Number(e.target.value)) - 1 || 0),
                  ),
                )
              }
            />
          </label>
        </section>
        <section className="card" aria-labelledby="toy-network-title">
          <h2 id="toy-network-title">The network, unit by unit</h2>
          <NeuronGraph
            net={trainer.net}
            planes={planes}
            unit={playground.unit}
            onSelect={playground.selectUnit}
          />
          <Legends />
        </section>
        {/* Scrolls inside on a phone, so it takes the focus and the arrow keys scroll it. */}
        <section className="card" aria-labelledby="toy-unit-title" tabIndex={0}>
          <h2 id="toy-unit-title">The selected unit</h2>
          <UnitDetails
            net={trainer.net}
            data={data}
            unit={playground.unit}
            point={playground.point}
          />
        </section>
      </div>
    </section>
  );
}
