import { CATALOGUE } from '../../core/catalogue';
import { OWN_DATASET_TITLE } from '../../data/ownImages/dataset';
import { INIT_SCHEMES } from '../../core/initialisation';
import { DATASET_IDS, MAX_SEED, type DatasetId } from '../../state/settings';
import { useLabStore } from '../../state/store';
import {
  INIT_CHOICES,
  OPTIMIZERS,
  BACKEND_CHOICES,
  type OptimizerChoice,
} from '../../state/trainingSettings';
import { choicesOf, withCurrent } from '../shared/choices';
import { NumberField } from '../shared/NumberField';
import { SelectField } from '../shared/SelectField';
import { TrainingImagesField } from './TrainingImagesField';

const OPTIMIZER_LABELS: Readonly<Record<OptimizerChoice, string>> = {
  sgd: 'SGD',
  momentum: 'SGD with momentum (0.9)',
  adam: 'Adam',
};
const DATASET_LABELS: Readonly<Record<DatasetId, string>> = {
  mnist: 'MNIST',
  'fashion-mnist': 'Fashion-MNIST',
  cifar10: 'CIFAR-10',
  own: OWN_DATASET_TITLE,
};
// Up to 3, so a student can pick a rate at which plain SGD overshoots and diverges.
const LEARNING_RATES = [0.0001, 0.0003, 0.001, 0.003, 0.01, 0.03, 0.1, 0.3, 1, 3];
const BATCH_SIZES = [1, 8, 16, 32, 64, 128, 256];
const DECAY = { min: 0, max: 1, step: 0.0001 };

interface NumberLimits {
  readonly min: number;
  readonly max: number;
  readonly step: number;
}

/** The choices that shape a run: network, data and hyper-parameters. Changing one resets the run where it must. */
export function HyperParameters() {
  const s = useLabStore();
  const trainable = CATALOGUE.filter((e) => e.trainable);
  const numberField = (label: string, value: number, set: (v: number) => void, p: NumberLimits) => (
    <NumberField label={<span>{label}</span>} value={value} onChange={set} {...p} />
  );
  return (
    <section className="card hyper" aria-labelledby="hyper-heading">
      <h2 id="hyper-heading">Network and hyper-parameters</h2>
      <div className="hyper-grid">
        <SelectField
          label={<span>Network</span>}
          value={s.presetId}
          choices={trainable.map((e) => ({ value: e.id, label: e.title }))}
          onChange={s.choosePreset}
        >
          {s.network.name && <span className="muted small">now: {String(s.network.name)}</span>}
        </SelectField>
        <SelectField
          label={<span>Dataset</span>}
          value={s.dataset}
          choices={choicesOf(DATASET_IDS, (id) => DATASET_LABELS[id])}
          onChange={s.chooseDataset}
        />
        <SelectField
          label={<span>Optimiser</span>}
          value={s.optimizer}
          choices={choicesOf(OPTIMIZERS, (o) => OPTIMIZER_LABELS[o])}
          onChange={(optimizer) => s.setTraining({ optimizer })}
        />
        <SelectField
          label={<span>Learning rate η</span>}
          value={s.learningRate}
          choices={choicesOf(withCurrent(LEARNING_RATES, s.learningRate))}
          onChange={(learningRate) => s.setTraining({ learningRate })}
        />
        <SelectField
          label={<span>Batch size</span>}
          value={s.batchSize}
          choices={choicesOf(withCurrent(BATCH_SIZES, s.batchSize))}
          onChange={(batchSize) => s.setTraining({ batchSize })}
        />
        {numberField(
          'Epochs',
          s.epochs,
          (v) => s.setTraining({ epochs: Math.max(1, Math.min(500, Math.round(v))) }),
          {
            min: 1,
            max: 500,
            step: 1,
          },
        )}
        {numberField(
          'L1 weight decay λ₁',
          s.l1,
          (v) => s.setTraining({ l1: Math.max(0, Math.min(1, v)) }),
          DECAY,
        )}
        {numberField(
          'L2 weight decay λ₂',
          s.l2,
          (v) => s.setTraining({ l2: Math.max(0, Math.min(1, v)) }),
          DECAY,
        )}
        <SelectField
          label={<span>Initialisation</span>}
          value={s.init}
          choices={choicesOf(INIT_CHOICES, (i) => INIT_SCHEMES[i].label)}
          onChange={(init) => s.setTraining({ init })}
        >
          <span className="muted small">
            <code>{INIT_SCHEMES[s.init].formula}</code>
          </span>
        </SelectField>
        {numberField(
          'Validation share',
          s.validationSplit,
          (v) => s.setTraining({ validationSplit: Math.max(0, Math.min(0.5, v)) }),
          { min: 0, max: 0.5, step: 0.05 },
        )}
        <TrainingImagesField />
        {numberField(
          'Early stopping: patience in epochs (0 = off)',
          s.patience,
          (v) => s.setTraining({ patience: Math.max(0, Math.min(100, Math.round(v))) }),
          { min: 0, max: 100, step: 1 },
        )}
        {numberField('Seed', s.seed, (v) => s.setSeed(v), { min: 0, max: MAX_SEED, step: 1 })}
        <SelectField
          label={<span>Backend</span>}
          value={s.backend}
          choices={choicesOf(BACKEND_CHOICES, (b) =>
            b === 'auto' ? 'Automatic (WebGPU, WebGL, WASM, CPU)' : b,
          )}
          onChange={(backend) => s.setTraining({ backend })}
        />
      </div>
      <p className="muted small">
        Normalisation and augmentation are set in the Datasets panel; dropout and batch
        normalisation are layers of the network (Architecture panel).
      </p>
    </section>
  );
}
