import { catalogueEntryOf, CATALOGUE_IDS } from '../core/catalogue';
import type { NetworkDocument } from '../core/network';
import { NO_AUGMENTATION, type AugmentationConfig } from '../data/augment';
import { DATASET_IDS, type DatasetId } from '../data/manifest';
import { NORMALISATION_MODES, type NormalisationMode } from '../data/normalise';
import { enumCodec, intCodec, numberCodec, type Codec } from './codecs';
import {
  augmentationCodec,
  ownImageCodec,
  sampleCodec,
  type OwnImage,
  type SampleRef,
} from './dataCodecs';
import {
  BACKEND_CHOICES,
  INIT_CHOICES,
  MAX_TRAIN_LIMIT,
  MIN_TRAIN_LIMIT,
  OPTIMIZERS,
  SPEEDS,
  trainLimitCodec,
  type TrainingSettings,
} from './trainingSettings';
import {
  convKernelCodec,
  convParamsCodec,
  convSourceCodec,
  DEFAULT_EXPLAINER_SETTINGS,
  poolParamsCodec,
  type ExplainerSettings,
} from './explainerSettings';
import { exerciseLinkCodec, type LinkedExercise } from './exerciseLinkCodec';
import { presentCodec, THEMES, typeScaleCodec, type Theme, type TypeScale } from './display';
import { hideCodec, type Hideable } from './hidden';
import { networkCodec } from './networkCodec';
import { DEFAULT_PASS_STAGE, passStageCodec, type PassStage } from './passStage';
import { DEFAULT_TOY_SETTINGS, toySettingsCodec, type ToySettings } from './toyPlayground';
import { PANELS, type PanelId } from './panels';
import { DEFAULT_EXPERIMENT, experimentCodec, type ExperimentId } from './experiments';

/** Everything a person chose that a link reproduces. */
export interface LabSettings extends TrainingSettings, ExplainerSettings {
  readonly panel: PanelId;
  /** The open tab of the Experiments panel. */
  readonly experiment: ExperimentId;
  /** The catalogue network the current one started from. */
  readonly presetId: string;
  readonly network: NetworkDocument;
  readonly selectedLayer: number;
  /** The dataset the lab shows and trains on. */
  readonly dataset: DatasetId;
  /** The selected input image. */
  readonly sample: SampleRef;
  /** The person's own drawn or uploaded image, when they made one. */
  readonly ownImage: OwnImage | null;
  readonly normalisation: NormalisationMode;
  readonly augmentation: AugmentationConfig;
  /** The lab's seed: initial weights, data order, dropout and augmentation follow from it. */
  readonly seed: number;
  /** The selected channel of the selected layer (feature maps, filters, receptive fields). */
  readonly selectedChannel: number;
  /** The selected unit (row, column) of the selected layer's feature map. */
  readonly selectedUnit: UnitRef;
  /** The network view's animation stage: pass and layer. */
  readonly passStage: PassStage;
  /** The neuron playground: toy dataset, small network, learning rate and seed. */
  readonly toy: ToySettings;
  /** The open lesson's id (a slug), or empty for the lessons index; the panel resolves it. */
  readonly lesson: string;
  /** The open lesson's step, counted from 1. */
  readonly step: number;
  /** Parts of the lab hidden by a lesson step or an exercise link. */
  readonly hide: readonly Hideable[];
  /** An exercise an instructor wrote into the link, or null. */
  readonly exercise: LinkedExercise | null;
  /** Presenter mode: thin header, the picture filling the screen, presenter keys (display.ts). */
  readonly presenting: boolean;
  /** The type scale, 1 at the design size (display.ts). */
  readonly typeScale: TypeScale;
  /** The colour theme (display.ts). */
  readonly theme: Theme;
}

export interface UnitRef {
  readonly row: number;
  readonly col: number;
}

const unitCodec: Codec<UnitRef> = {
  encode: (u) => `${u.row}-${u.col}`,
  decode: (text) => {
    const match = /^(\d{1,4})-(\d{1,4})$/.exec(text);
    return match
      ? { ok: true, value: { row: Number(match[1]), col: Number(match[2]) } }
      : {
          ok: false,
          reason: `the selected unit must look like "3-5" (row-column), not ${JSON.stringify(text.slice(0, 20))}`,
        };
  },
};

/** Longest lesson id a link may carry. */
export const MAX_LESSON_ID_LENGTH = 60;

// State may not import the lessons (they import state), so the link checks the id's form
// only; the lesson panel says when no lesson has that id.
const lessonIdCodec: Codec<string> = {
  encode: (id) => id,
  decode: (text) =>
    text === '' || (text.length <= MAX_LESSON_ID_LENGTH && /^[a-z0-9]+(-[a-z0-9]+)*$/.test(text))
      ? { ok: true, value: text }
      : {
          ok: false,
          reason: `a lesson id is up to ${MAX_LESSON_ID_LENGTH} lower-case letters, digits and dashes, not ${JSON.stringify(text.slice(0, 20))}`,
        },
};

// The panels name the datasets through the store, which keeps the choice.
export { DATASET_IDS, type DatasetId };

/** One row of the settings table: a value's URL parameter, how a notice names it, default, encoding. */
export interface SettingRow<T> {
  /** Name of the URL parameter. */
  readonly param: string;
  /** How a notice names it: "the selected layer". */
  readonly label: string;
  /** What the README's table of link keys says, where the label alone does not say the format. */
  readonly doc?: string;
  /** Default given the settings decoded before it (the network defaults to its preset's). */
  defaultValue(earlier: Partial<LabSettings>): T;
  readonly codec: Codec<T>;
  /** True when the value need not be written because it follows from the others. */
  omit?(settings: LabSettings): boolean;
}

/** A row with its key, as the URL codec and the store walk the table. */
export interface SettingSpec<K extends keyof LabSettings = keyof LabSettings> extends SettingRow<
  LabSettings[K]
> {
  readonly key: K;
}

/** Exactly one row per setting, each encoding its own key's type: a gap or a mismatch does not compile. */
export type SettingsTable = { readonly [K in keyof LabSettings]: SettingRow<LabSettings[K]> };

export const DEFAULT_PRESET = 'lenet5';
/** Largest seed a link or the seed box accepts: 2³¹ − 1. */
export const MAX_SEED = 2_147_483_647;
/** Links made by this version carry `v=1`; later versions keep reading it. */
export const URL_VERSION = 1;

/** The network of a catalogue entry, or of the default one for an unknown id. */
export function presetNetwork(presetId: string | undefined): NetworkDocument {
  const entry = catalogueEntryOf(presetId ?? DEFAULT_PRESET) ?? catalogueEntryOf(DEFAULT_PRESET);
  if (!entry) throw new Error(`the catalogue has no ${DEFAULT_PRESET}`);
  return entry.network;
}

/** Same network, compared as JSON (key order is kept by every edit). */
export function sameNetwork(a: NetworkDocument, b: NetworkDocument): boolean {
  return a === b || JSON.stringify(a) === JSON.stringify(b);
}

/** A row whose default is one constant value (most rows). */
const row = <T>(param: string, label: string, value: T, codec: Codec<T>): SettingRow<T> => ({
  param,
  label,
  defaultValue: () => value,
  codec,
});

/**
 * The settings table, in decoding order: every key once, with its default and
 * encoding. The URL codec (url.ts) is derived from it; later issues add rows.
 */
const TABLE = {
  panel: row('panel', 'the open panel', 'architecture', enumCodec(PANELS, 'panel')),
  experiment: {
    param: 'exp',
    label: 'the experiment',
    doc: 'the open tab of the Experiments panel (`surface`, `shift`, …); left out on other panels',
    defaultValue: () => DEFAULT_EXPERIMENT,
    codec: experimentCodec,
    omit: (s) => s.panel !== 'experiments' && s.experiment === DEFAULT_EXPERIMENT,
  },
  presetId: row(
    'preset',
    'the catalogue network',
    DEFAULT_PRESET,
    enumCodec(CATALOGUE_IDS, 'catalogue network'),
  ),
  network: {
    param: 'arch',
    label: 'the network',
    doc: 'the network document, JSON compressed with lz-string (`compressToEncodedURIComponent`); left out when the network is exactly its preset',
    defaultValue: (earlier) => presetNetwork(earlier.presetId),
    codec: networkCodec,
    omit: (s) => sameNetwork(s.network, presetNetwork(s.presetId)),
  },
  selectedLayer: row('layer', 'the selected layer', 0, intCodec(0, 499, 'the selected layer')),
  dataset: row('data', 'the dataset', 'mnist', enumCodec(DATASET_IDS, 'dataset')),
  sample: {
    param: 'sample',
    label: 'the selected image',
    doc: 'the selected input image: split and index, `test-0`',
    defaultValue: () => ({ source: 'test', index: 0 }),
    codec: sampleCodec,
  },
  ownImage: {
    param: 'own',
    label: 'your own image',
    doc: 'a drawn or uploaded image, packed with lz-string; left out when there is none',
    defaultValue: () => null,
    codec: ownImageCodec,
    omit: (s) => s.ownImage === null,
  },
  normalisation: row(
    'norm',
    'the normalisation',
    'scale',
    enumCodec(NORMALISATION_MODES, 'normalisation'),
  ),
  augmentation: row('aug', 'the augmentation', NO_AUGMENTATION, augmentationCodec),
  seed: row('seed', 'the seed', 1, intCodec(0, MAX_SEED, 'the seed')),
  selectedChannel: row(
    'ch',
    'the selected channel',
    0,
    intCodec(0, 99_999, 'the selected channel'),
  ),
  selectedUnit: {
    param: 'unit',
    label: 'the selected unit',
    doc: 'the selected unit of the selected layer, `row-column` (`3-5`)',
    defaultValue: () => ({ row: 0, col: 0 }),
    codec: unitCodec,
  },
  passStage: {
    param: 'pass',
    label: 'the stage of the forward or backward pass',
    doc: "the forward and backward view's stage: pass and layer (`f0`, `b3`)",
    defaultValue: () => DEFAULT_PASS_STAGE,
    codec: passStageCodec,
    omit: (s) => s.passStage.pass === 'f' && s.passStage.layer === 0,
  },
  toy: {
    param: 'toy',
    label: 'the neuron playground',
    doc: 'the neuron playground: toy data, network, learning rate and seed',
    defaultValue: () => DEFAULT_TOY_SETTINGS,
    codec: toySettingsCodec,
    omit: (s) => toySettingsCodec.encode(s.toy) === toySettingsCodec.encode(DEFAULT_TOY_SETTINGS),
  },
  lesson: {
    param: 'lesson',
    label: 'the lesson',
    doc: "the open lesson's id (`conv-arithmetic`); the rest of the link overrides the state its step opens",
    defaultValue: () => '',
    codec: lessonIdCodec,
    omit: (s) => s.lesson === '',
  },
  step: {
    param: 'step',
    label: 'the lesson step',
    doc: "the open lesson's step, counted from 1; left out with no lesson",
    defaultValue: () => 1,
    codec: intCodec(1, 999, 'the lesson step'),
    omit: (s) => s.lesson === '',
  },
  hide: {
    param: 'hide',
    label: 'the parts of the lab to hide',
    doc: 'parts of the lab hidden for a lesson step or an exercise, comma-separated: `navigation`, `hyper-parameters`, `network-editor`, `curves`',
    defaultValue: () => [],
    codec: hideCodec,
    // Kept as `hide=` while a lesson is open: a link that names a step but no hide flags
    // takes the step's, so a learner's "Show everything" must survive a reload.
    omit: (s) => s.hide.length === 0 && s.lesson === '',
  },
  exercise: {
    param: 'ex',
    label: 'the exercise',
    doc: 'an exercise an instructor wrote (question and checker), compressed with lz-string; the question is untrusted Markdown, shown with HTML off',
    defaultValue: () => null,
    codec: exerciseLinkCodec,
    omit: (s) => s.exercise === null,
  },
  presenting: {
    param: 'present',
    label: 'presenter mode',
    doc: 'presenter mode, `1` (left out when off)',
    defaultValue: () => false,
    codec: presentCodec,
    omit: (s) => !s.presenting,
  },
  typeScale: {
    param: 'type',
    label: 'the type size',
    doc: 'the type size: `large`, `huge` or a scale 0.75–3 (`1.5`); left out when normal',
    defaultValue: () => 1,
    codec: typeScaleCodec,
    omit: (s) => s.typeScale === 1,
  },
  theme: {
    param: 'theme',
    label: 'the colour theme',
    doc: 'the colours: `light`, `dark`, `high-contrast`; left out for `auto` (the system’s)',
    defaultValue: () => 'auto',
    codec: enumCodec(THEMES, 'colour theme'),
    omit: (s) => s.theme === 'auto',
  },
  ...trainingRows(),
  ...explainerRows(),
} satisfies SettingsTable;

/** The table as rows with their keys, in decoding order (the order the link lists them). */
export const SETTINGS: readonly SettingSpec[] = (Object.keys(TABLE) as (keyof LabSettings)[]).map(
  (key): SettingSpec => ({ key, ...TABLE[key] }),
);

/** The training rows: hyper-parameters, backend and speed. */
function trainingRows(): {
  readonly [K in keyof TrainingSettings]: SettingRow<TrainingSettings[K]>;
} {
  return {
    optimizer: row('opt', 'the optimiser', 'adam', enumCodec(OPTIMIZERS, 'optimiser')),
    learningRate: row('lr', 'the learning rate', 0.001, numberCodec(1e-6, 10, 'the learning rate')),
    batchSize: row('batch', 'the batch size', 32, intCodec(1, 1024, 'the batch size')),
    epochs: row('epochs', 'the number of epochs', 5, intCodec(1, 500, 'the number of epochs')),
    l1: row('l1', 'L1 weight decay', 0, numberCodec(0, 1, 'L1 weight decay')),
    l2: row('l2', 'L2 weight decay', 0, numberCodec(0, 1, 'L2 weight decay')),
    init: row('init', 'the initialisation', 'he', enumCodec(INIT_CHOICES, 'initialisation')),
    validationSplit: row(
      'val',
      'the validation share',
      0.1,
      numberCodec(0, 0.5, 'the validation share'),
    ),
    trainLimit: {
      param: 'limit',
      label: 'the number of training images',
      doc: `how many of the training images a run uses (${MIN_TRAIN_LIMIT} to ${MAX_TRAIN_LIMIT.toLocaleString('en-US')}; all when the split holds fewer), drawn class by class from the seed; left out when all are used`,
      defaultValue: () => 0,
      codec: trainLimitCodec,
      omit: (s) => s.trainLimit === 0,
    },
    patience: row('stop', 'early stopping', 0, intCodec(0, 100, 'early stopping patience')),
    backend: row('backend', 'the backend', 'auto', enumCodec(BACKEND_CHOICES, 'backend')),
    speed: row('speed', 'the speed', 'full', enumCodec(SPEEDS, 'speed')),
    trainSteps: {
      param: 'train',
      label: 'the training steps to replay',
      doc: 'the training steps the link replays from the seed when it opens, deterministically on the same backend (`train=225` is LeNet-5 after one epoch on 7,200 images); left out at 0',
      defaultValue: () => 0,
      codec: intCodec(0, 1_000_000, 'the training steps to replay'),
      omit: (s) => s.trainSteps === 0,
    },
  };
}

/** The convolution and pooling explainers' rows; left out of a link while they hold their defaults. */
function explainerRows(): {
  readonly [K in keyof ExplainerSettings]: SettingRow<ExplainerSettings[K]>;
} {
  const row = <K extends keyof ExplainerSettings>(
    key: K,
    param: string,
    label: string,
    codec: Codec<ExplainerSettings[K]>,
  ): SettingRow<ExplainerSettings[K]> => {
    const fallback = DEFAULT_EXPLAINER_SETTINGS[key];
    return {
      param,
      label,
      defaultValue: () => fallback,
      codec,
      omit: (s) => codec.encode(s[key]) === codec.encode(fallback),
    };
  };
  return {
    convParams: row('convParams', 'cv', 'the convolution explainer settings', convParamsCodec),
    convKernel: row('convKernel', 'cvk', 'the convolution explainer kernel', convKernelCodec),
    convSource: row('convSource', 'cvin', 'the convolution explainer input', convSourceCodec),
    poolParams: row('poolParams', 'pool', 'the pooling explainer settings', poolParamsCodec),
  };
}

/** The settings a fresh lab opens with. */
export function defaultSettings(): LabSettings {
  const settings: Partial<Record<keyof LabSettings, unknown>> = {};
  for (const s of SETTINGS) settings[s.key] = s.defaultValue(settings as Partial<LabSettings>);
  return settings as unknown as LabSettings;
}

/** The defaults of some settings, for the store slice that holds them to start from. */
export function defaultsOf<K extends keyof LabSettings>(keys: readonly K[]): Pick<LabSettings, K> {
  const defaults = defaultSettings();
  return Object.fromEntries(keys.map((key) => [key, defaults[key]])) as Pick<LabSettings, K>;
}
