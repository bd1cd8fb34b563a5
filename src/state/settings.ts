import { catalogueEntryOf, CATALOGUE_IDS } from '../core/catalogue';
import type { NetworkDocument } from '../core/network';
import type { AugmentationConfig } from '../data/augment';
import type { NormalisationMode } from '../data/normalise';
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
  OPTIMIZERS,
  SPEEDS,
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
import { networkCodec } from './networkCodec';
import { DEFAULT_PASS_STAGE, passStageCodec, type PassStage } from './passStage';
import { DEFAULT_TOY_SETTINGS, toySettingsCodec, type ToySettings } from './toyPlayground';
import { PANELS, type PanelId } from './panels';

/** Everything a person chose that a link reproduces. */
export interface LabSettings extends TrainingSettings, ExplainerSettings {
  readonly panel: PanelId;
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

export const DATASET_IDS = ['mnist', 'fashion-mnist', 'cifar10'] as const;
export type DatasetId = (typeof DATASET_IDS)[number];

/** Normalisation names, repeated here because state may import only types from data. */
const NORMALISATION_IDS: readonly NormalisationMode[] = [
  'none',
  'scale',
  'mean-image',
  'channel-mean',
  'standardise',
];

/** One row of the settings table: a key, its default, its URL encoding. */
export interface SettingSpec<K extends keyof LabSettings = keyof LabSettings> {
  readonly key: K;
  /** Name of the URL parameter. */
  readonly param: string;
  /** How a notice names it: "the selected layer". */
  readonly label: string;
  readonly inUrl: boolean;
  /** Default given the settings decoded before it (the network defaults to its preset's). */
  defaultValue(earlier: Partial<LabSettings>): LabSettings[K];
  readonly codec: Codec<LabSettings[K]>;
  /** True when the value need not be written because it follows from the others. */
  omit?(settings: LabSettings): boolean;
}

export const DEFAULT_PRESET = 'lenet5';
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

const spec = <K extends keyof LabSettings>(s: SettingSpec<K>) => s as unknown as SettingSpec;

/**
 * The settings table, in decoding order: every key once, with its default and
 * encoding. The URL codec (url.ts) is derived from it; later issues add rows.
 */
export const SETTINGS: readonly SettingSpec[] = [
  spec({
    key: 'panel',
    param: 'panel',
    label: 'the open panel',
    inUrl: true,
    defaultValue: () => 'architecture',
    codec: enumCodec(PANELS, 'panel'),
  }),
  spec({
    key: 'presetId',
    param: 'preset',
    label: 'the catalogue network',
    inUrl: true,
    defaultValue: () => DEFAULT_PRESET,
    codec: enumCodec(CATALOGUE_IDS, 'catalogue network'),
  }),
  spec({
    key: 'network',
    param: 'arch',
    label: 'the network',
    inUrl: true,
    defaultValue: (earlier) => presetNetwork(earlier.presetId),
    codec: networkCodec,
    omit: (s) => sameNetwork(s.network, presetNetwork(s.presetId)),
  }),
  spec({
    key: 'selectedLayer',
    param: 'layer',
    label: 'the selected layer',
    inUrl: true,
    defaultValue: () => 0,
    codec: intCodec(0, 499, 'the selected layer'),
  }),
  spec({
    key: 'dataset',
    param: 'data',
    label: 'the dataset',
    inUrl: true,
    defaultValue: () => 'mnist',
    codec: enumCodec(DATASET_IDS, 'dataset'),
  }),
  spec({
    key: 'sample',
    param: 'sample',
    label: 'the selected image',
    inUrl: true,
    defaultValue: () => ({ source: 'test', index: 0 }),
    codec: sampleCodec,
  }),
  spec({
    key: 'ownImage',
    param: 'own',
    label: 'your own image',
    inUrl: true,
    defaultValue: () => null,
    codec: ownImageCodec,
    omit: (s) => s.ownImage === null,
  }),
  spec({
    key: 'normalisation',
    param: 'norm',
    label: 'the normalisation',
    inUrl: true,
    defaultValue: () => 'scale',
    codec: enumCodec(NORMALISATION_IDS, 'normalisation'),
  }),
  spec({
    key: 'augmentation',
    param: 'aug',
    label: 'the augmentation',
    inUrl: true,
    defaultValue: () => ({ flip: false, shift: 0, rotation: 0, scale: 0, brightness: 0, noise: 0 }),
    codec: augmentationCodec,
  }),
  spec({
    key: 'seed',
    param: 'seed',
    label: 'the seed',
    inUrl: true,
    defaultValue: () => 1,
    codec: intCodec(0, 2_147_483_647, 'the seed'),
  }),
  spec({
    key: 'selectedChannel',
    param: 'ch',
    label: 'the selected channel',
    inUrl: true,
    defaultValue: () => 0,
    codec: intCodec(0, 99_999, 'the selected channel'),
  }),
  spec({
    key: 'selectedUnit',
    param: 'unit',
    label: 'the selected unit',
    inUrl: true,
    defaultValue: () => ({ row: 0, col: 0 }),
    codec: unitCodec,
  }),
  spec({
    key: 'passStage',
    param: 'pass',
    label: 'the stage of the forward or backward pass',
    inUrl: true,
    defaultValue: () => DEFAULT_PASS_STAGE,
    codec: passStageCodec,
    omit: (s) => s.passStage.pass === 'f' && s.passStage.layer === 0,
  }),
  spec({
    key: 'toy',
    param: 'toy',
    label: 'the neuron playground',
    inUrl: true,
    defaultValue: () => DEFAULT_TOY_SETTINGS,
    codec: toySettingsCodec,
    omit: (s) => toySettingsCodec.encode(s.toy) === toySettingsCodec.encode(DEFAULT_TOY_SETTINGS),
  }),
  ...trainingRows(),
  ...explainerRows(),
];

/** The training rows: hyper-parameters, backend and speed. */
function trainingRows(): SettingSpec[] {
  const row = <K extends keyof TrainingSettings>(
    key: K,
    param: string,
    label: string,
    value: LabSettings[K],
    codec: Codec<LabSettings[K]>,
  ) => spec({ key, param, label, inUrl: true, defaultValue: () => value, codec });
  return [
    row('optimizer', 'opt', 'the optimiser', 'adam', enumCodec(OPTIMIZERS, 'optimiser')),
    row(
      'learningRate',
      'lr',
      'the learning rate',
      0.001,
      numberCodec(1e-6, 10, 'the learning rate'),
    ),
    row('batchSize', 'batch', 'the batch size', 32, intCodec(1, 1024, 'the batch size')),
    row('epochs', 'epochs', 'the number of epochs', 5, intCodec(1, 500, 'the number of epochs')),
    row('l1', 'l1', 'L1 weight decay', 0, numberCodec(0, 1, 'L1 weight decay')),
    row('l2', 'l2', 'L2 weight decay', 0, numberCodec(0, 1, 'L2 weight decay')),
    row('init', 'init', 'the initialisation', 'he', enumCodec(INIT_CHOICES, 'initialisation')),
    row(
      'validationSplit',
      'val',
      'the validation share',
      0.1,
      numberCodec(0, 0.5, 'the validation share'),
    ),
    row('patience', 'stop', 'early stopping', 0, intCodec(0, 100, 'early stopping patience')),
    row('backend', 'backend', 'the backend', 'auto', enumCodec(BACKEND_CHOICES, 'backend')),
    row('speed', 'speed', 'the speed', 'full', enumCodec(SPEEDS, 'speed')),
  ];
}

/** The convolution and pooling explainers' rows; left out of a link while they hold their defaults. */
function explainerRows(): SettingSpec[] {
  const row = <K extends keyof ExplainerSettings>(
    key: K,
    param: string,
    label: string,
    codec: Codec<LabSettings[K]>,
  ) => {
    const fallback = DEFAULT_EXPLAINER_SETTINGS[key] as LabSettings[K];
    return spec({
      key,
      param,
      label,
      inUrl: true,
      defaultValue: () => fallback,
      codec,
      omit: (s) => codec.encode(s[key]) === codec.encode(fallback),
    });
  };
  return [
    row('convParams', 'cv', 'the convolution explainer settings', convParamsCodec),
    row('convKernel', 'cvk', 'the convolution explainer kernel', convKernelCodec),
    row('convSource', 'cvin', 'the convolution explainer input', convSourceCodec),
    row('poolParams', 'pool', 'the pooling explainer settings', poolParamsCodec),
  ];
}

/** The settings a fresh lab opens with. */
export function defaultSettings(): LabSettings {
  const settings: Partial<Record<keyof LabSettings, unknown>> = {};
  for (const s of SETTINGS) settings[s.key] = s.defaultValue(settings as Partial<LabSettings>);
  return settings as unknown as LabSettings;
}
