import {
  HIDDEN_ACTIVATIONS,
  MAX_HIDDEN_LAYERS,
  MAX_HIDDEN_UNITS,
  OUTPUT_KINDS,
  type HiddenActivation,
  type OutputKind,
} from '../../core/smallMlp';
import { isToyDataset, MAX_TOY_NOISE, TOY_DATASET_LABELS, TOY_DATASETS } from '../../core/toyData';
import type { Playground, PlaygroundSettings } from './usePlayground';

const LEARNING_RATES = [0.003, 0.01, 0.03, 0.1, 0.3, 1, 3];

/** The two lecture presets, each with the reason it fails or works on XOR. */
export const PRESETS: readonly {
  readonly id: string;
  readonly label: string;
  readonly why: string;
  readonly settings: Partial<PlaygroundSettings>;
}[] = [
  {
    id: 'perceptron',
    label: 'Perceptron (no hidden layer)',
    why: 'A single unit can only split the plane with one straight line, w₁x₁ + w₂x₂ + b = 0, and no line puts the two diagonal quadrants of XOR on one side and the other two on the other, so it stays near half right.',
    settings: { dataset: 'xor', hidden: [], output: 'sigmoid' },
  },
  {
    id: 'one-hidden',
    label: 'One hidden layer (4 tanh units)',
    why: 'Each hidden unit draws its own line; the output unit adds up these soft half-planes, so together they can fence off two opposite corners, which is exactly the bent boundary XOR needs.',
    settings: { dataset: 'xor', hidden: [4], activation: 'tanh', output: 'sigmoid' },
  },
];

/** Settings of the network: hidden layers and their units. */
function ArchitectureControls({ playground }: { readonly playground: Playground }) {
  const { settings, change } = playground;
  const hidden = settings.hidden;
  const setUnits = (layer: number, units: number) =>
    change({ hidden: hidden.map((u, l) => (l === layer ? units : u)) });
  return (
    <fieldset className="toy-fieldset">
      <legend>Network</legend>
      <div className="toolbar-row">
        <label className="stacked">
          Hidden layers
          <input
            type="number"
            min={0}
            max={MAX_HIDDEN_LAYERS}
            value={hidden.length}
            data-testid="toy-layers"
            onChange={(e) => {
              const n = Math.max(
                0,
                Math.min(MAX_HIDDEN_LAYERS, Math.round(Number(e.target.value))),
              );
              if (Number.isFinite(n))
                change({ hidden: Array.from({ length: n }, (_, l) => hidden[l] ?? 4) });
            }}
          />
        </label>
        {hidden.map((units, l) => (
          <label className="stacked" key={l}>
            Units in layer {l + 1}
            <input
              type="number"
              min={1}
              max={MAX_HIDDEN_UNITS}
              value={units}
              onChange={(e) =>
                setUnits(
                  l,
                  Math.max(1, Math.min(MAX_HIDDEN_UNITS, Math.round(Number(e.target.value)) || 1)),
                )
              }
            />
          </label>
        ))}
        <label className="stacked">
          Activation
          <select
            value={settings.activation}
            disabled={hidden.length === 0}
            onChange={(e) => change({ activation: e.target.value as HiddenActivation })}
          >
            {HIDDEN_ACTIVATIONS.map((a) => (
              <option key={a} value={a}>
                {a}
              </option>
            ))}
          </select>
        </label>
        <label className="stacked">
          Output
          <select
            value={settings.output}
            onChange={(e) => change({ output: e.target.value as OutputKind })}
          >
            {OUTPUT_KINDS.map((o) => (
              <option key={o} value={o}>
                {o === 'sigmoid' ? 'one sigmoid unit' : 'two softmax units'}
              </option>
            ))}
          </select>
        </label>
      </div>
    </fieldset>
  );
}

/** Dataset, network, learning rate, seed, and the training buttons. */
export function PlaygroundControls({ playground }: { readonly playground: Playground }) {
  const { settings, change, playing } = playground;
  return (
    <div className="toy-controls">
      <div className="toolbar-row" role="group" aria-label="Presets">
        {PRESETS.map((p) => (
          <button key={p.id} type="button" onClick={() => change(p.settings)}>
            {p.label}
          </button>
        ))}
      </div>
      <fieldset className="toy-fieldset">
        <legend>Data</legend>
        <div className="toolbar-row">
          <label className="stacked">
            Dataset
            <select
              value={settings.dataset}
              data-testid="toy-dataset"
              onChange={(e) => isToyDataset(e.target.value) && change({ dataset: e.target.value })}
            >
              {TOY_DATASETS.map((d) => (
                <option key={d} value={d}>
                  {TOY_DATASET_LABELS[d]}
                </option>
              ))}
            </select>
          </label>
          <label className="stacked">
            Noise (std {settings.noise.toFixed(2)})
            <input
              type="range"
              min={0}
              max={MAX_TOY_NOISE}
              step={0.05}
              value={settings.noise}
              onChange={(e) => change({ noise: Number(e.target.value) })}
            />
          </label>
          <label className="stacked">
            Seed
            <input
              type="number"
              min={0}
              max={9999}
              value={settings.seed}
              data-testid="toy-seed"
              onChange={(e) =>
                change({ seed: Math.max(0, Math.round(Number(e.target.value)) || 0) })
              }
            />
          </label>
        </div>
      </fieldset>
      <ArchitectureControls playground={playground} />
      <fieldset className="toy-fieldset">
        <legend>Training (SGD, momentum 0.9, batches of 10)</legend>
        <div className="toolbar-row">
          <label className="stacked">
            Learning rate
            <select
              value={settings.learningRate}
              onChange={(e) => change({ learningRate: Number(e.target.value) })}
            >
              {(LEARNING_RATES.includes(settings.learningRate)
                ? LEARNING_RATES
                : [...LEARNING_RATES, settings.learningRate].sort((a, b) => a - b)
              ).map((r) => (
                <option key={r} value={r}>
                  {r}
                </option>
              ))}
            </select>
          </label>
          <button
            type="button"
            onClick={() => playground.setPlaying(!playing)}
            aria-pressed={playing}
          >
            {playing ? 'Pause' : 'Play'}
          </button>
          <button type="button" onClick={playground.stepEpoch} disabled={playing}>
            Step one epoch
          </button>
          <button type="button" onClick={playground.reset}>
            Reset weights
          </button>
        </div>
      </fieldset>
    </div>
  );
}
