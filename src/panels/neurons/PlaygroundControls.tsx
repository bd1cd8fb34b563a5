import {
  HIDDEN_ACTIVATIONS,
  MAX_HIDDEN_LAYERS,
  MAX_HIDDEN_UNITS,
  OUTPUT_KINDS,
} from '../../core/smallMlp';
import { MAX_TOY_NOISE, TOY_DATASET_LABELS, TOY_DATASETS } from '../../core/toyData';
import { choicesOf, withCurrent } from '../shared/choices';
import { NumberField, RangeField } from '../shared/NumberField';
import { ActivationPlot } from '../shared/ActivationPlot';
import { SelectField } from '../shared/SelectField';
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
        <NumberField
          label="Hidden layers"
          min={0}
          max={MAX_HIDDEN_LAYERS}
          value={hidden.length}
          emptyAs={0}
          testId="toy-layers"
          onChange={(v) => {
            const n = Math.max(0, Math.min(MAX_HIDDEN_LAYERS, Math.round(v)));
            change({ hidden: Array.from({ length: n }, (_, l) => hidden[l] ?? 4) });
          }}
        />
        {hidden.map((units, l) => (
          <NumberField
            key={l}
            label={<>Units in layer {l + 1}</>}
            min={1}
            max={MAX_HIDDEN_UNITS}
            value={units}
            emptyAs={0}
            onChange={(v) =>
              setUnits(l, Math.max(1, Math.min(MAX_HIDDEN_UNITS, Math.round(v) || 1)))
            }
          />
        ))}
        <SelectField
          label="Activation"
          value={settings.activation}
          disabled={hidden.length === 0}
          choices={choicesOf(HIDDEN_ACTIVATIONS)}
          onChange={(activation) => change({ activation })}
        />
        <SelectField
          label="Output"
          value={settings.output}
          choices={choicesOf(OUTPUT_KINDS, (o) =>
            o === 'sigmoid' ? 'one sigmoid unit' : 'two softmax units',
          )}
          onChange={(output) => change({ output })}
        />
      </div>
      {hidden.length > 0 && <ActivationPlot fn={settings.activation} title="Hidden units" />}
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
          <SelectField
            label="Dataset"
            value={settings.dataset}
            testId="toy-dataset"
            choices={choicesOf(TOY_DATASETS, (d) => TOY_DATASET_LABELS[d])}
            onChange={(dataset) => change({ dataset })}
          />
          <RangeField
            label={<>Noise (std {settings.noise.toFixed(2)})</>}
            min={0}
            max={MAX_TOY_NOISE}
            step={0.05}
            value={settings.noise}
            onChange={(noise) => change({ noise })}
          />
          <NumberField
            label="Seed"
            min={0}
            max={9999}
            value={settings.seed}
            emptyAs={0}
            testId="toy-seed"
            onChange={(v) => change({ seed: Math.max(0, Math.round(v) || 0) })}
          />
        </div>
      </fieldset>
      <ArchitectureControls playground={playground} />
      <fieldset className="toy-fieldset">
        <legend>Training (SGD, momentum 0.9, batches of 10)</legend>
        <div className="toolbar-row">
          <SelectField
            label="Learning rate"
            value={settings.learningRate}
            choices={choicesOf(withCurrent(LEARNING_RATES, settings.learningRate))}
            onChange={(learningRate) => change({ learningRate })}
          />
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
