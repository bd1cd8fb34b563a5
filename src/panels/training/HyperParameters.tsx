import { CATALOGUE } from '../../core/catalogue';
import { INIT_SCHEMES } from '../../core/initialisation';
import { DATASET_IDS, MAX_SEED, type DatasetId } from '../../state/settings';
import { useLabStore } from '../../state/store';
import {
  INIT_CHOICES,
  OPTIMIZERS,
  BACKEND_CHOICES,
  type BackendChoice,
  type OptimizerChoice,
} from '../../state/trainingSettings';

const OPTIMIZER_LABELS: Readonly<Record<OptimizerChoice, string>> = {
  sgd: 'SGD',
  momentum: 'SGD with momentum (0.9)',
  adam: 'Adam',
};
const DATASET_LABELS: Readonly<Record<DatasetId, string>> = {
  mnist: 'MNIST',
  'fashion-mnist': 'Fashion-MNIST',
  cifar10: 'CIFAR-10',
};
const LEARNING_RATES = [0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3];
const BATCH_SIZES = [1, 8, 16, 32, 64, 128, 256];

/** The choices that shape a run: network, data and hyper-parameters. Changing one resets the run where it must. */
export function HyperParameters() {
  const s = useLabStore();
  const trainable = CATALOGUE.filter((e) => e.trainable);
  const numberField = (
    label: string,
    value: number,
    onChange: (v: number) => void,
    props: { min: number; max: number; step: number },
  ) => (
    <label className="stacked">
      <span>{label}</span>
      <input
        type="number"
        value={value}
        {...props}
        onChange={(e) =>
          Number.isFinite(e.target.valueAsNumber) && onChange(e.target.valueAsNumber)
        }
      />
    </label>
  );
  return (
    <section className="card hyper" aria-labelledby="hyper-heading">
      <h2 id="hyper-heading">Network and hyper-parameters</h2>
      <div className="hyper-grid">
        <label className="stacked">
          <span>Network</span>
          <select value={s.presetId} onChange={(e) => s.choosePreset(e.target.value)}>
            {trainable.map((e) => (
              <option key={e.id} value={e.id}>
                {e.title}
              </option>
            ))}
          </select>
          {s.network.name && <span className="muted small">now: {String(s.network.name)}</span>}
        </label>
        <label className="stacked">
          <span>Dataset</span>
          <select value={s.dataset} onChange={(e) => s.chooseDataset(e.target.value as DatasetId)}>
            {DATASET_IDS.map((id) => (
              <option key={id} value={id}>
                {DATASET_LABELS[id]}
              </option>
            ))}
          </select>
        </label>
        <label className="stacked">
          <span>Optimiser</span>
          <select
            value={s.optimizer}
            onChange={(e) => s.setTraining({ optimizer: e.target.value as OptimizerChoice })}
          >
            {OPTIMIZERS.map((o) => (
              <option key={o} value={o}>
                {OPTIMIZER_LABELS[o]}
              </option>
            ))}
          </select>
        </label>
        <label className="stacked">
          <span>Learning rate η</span>
          <select
            value={s.learningRate}
            onChange={(e) => s.setTraining({ learningRate: Number(e.target.value) })}
          >
            {[...new Set([...LEARNING_RATES, s.learningRate])]
              .sort((a, b) => a - b)
              .map((lr) => (
                <option key={lr} value={lr}>
                  {lr}
                </option>
              ))}
          </select>
        </label>
        <label className="stacked">
          <span>Batch size</span>
          <select
            value={s.batchSize}
            onChange={(e) => s.setTraining({ batchSize: Number(e.target.value) })}
          >
            {[...new Set([...BATCH_SIZES, s.batchSize])]
              .sort((a, b) => a - b)
              .map((b) => (
                <option key={b} value={b}>
                  {b}
                </option>
              ))}
          </select>
        </label>
        {numberField(
          'Epochs',
          s.epochs,
          (v) => s.setTraining({ epochs: Math.max(1, Math.min(500, Math.round(v))) }),
          { min: 1, max: 500, step: 1 },
        )}
        {numberField(
          'L1 weight decay λ₁',
          s.l1,
          (v) => s.setTraining({ l1: Math.max(0, Math.min(1, v)) }),
          { min: 0, max: 1, step: 0.0001 },
        )}
        {numberField(
          'L2 weight decay λ₂',
          s.l2,
          (v) => s.setTraining({ l2: Math.max(0, Math.min(1, v)) }),
          { min: 0, max: 1, step: 0.0001 },
        )}
        <label className="stacked">
          <span>Initialisation</span>
          <select
            value={s.init}
            onChange={(e) =>
              s.setTraining({ init: e.target.value as (typeof INIT_CHOICES)[number] })
            }
          >
            {INIT_CHOICES.map((i) => (
              <option key={i} value={i}>
                {INIT_SCHEMES[i].label}
              </option>
            ))}
          </select>
          <span className="muted small">
            <code>{INIT_SCHEMES[s.init].formula}</code>
          </span>
        </label>
        {numberField(
          'Validation share',
          s.validationSplit,
          (v) => s.setTraining({ validationSplit: Math.max(0, Math.min(0.5, v)) }),
          { min: 0, max: 0.5, step: 0.05 },
        )}
        {numberField(
          'Early stopping: patience in epochs (0 = off)',
          s.patience,
          (v) => s.setTraining({ patience: Math.max(0, Math.min(100, Math.round(v))) }),
          { min: 0, max: 100, step: 1 },
        )}
        {numberField('Seed', s.seed, (v) => s.setSeed(v), { min: 0, max: MAX_SEED, step: 1 })}
        <label className="stacked">
          <span>Backend</span>
          <select
            value={s.backend}
            onChange={(e) => s.setTraining({ backend: e.target.value as BackendChoice })}
          >
            {BACKEND_CHOICES.map((b) => (
              <option key={b} value={b}>
                {b === 'auto' ? 'Automatic (WebGPU, WebGL, WASM, CPU)' : b}
              </option>
            ))}
          </select>
        </label>
      </div>
      <p className="muted small">
        Normalisation and augmentation are set in the Datasets panel; dropout and batch
        normalisation are layers of the network (Architecture panel).
      </p>
    </section>
  );
}
