/**
 * The exported script's setup from the lab's settings: one mapping for the Code view (the
 * live settings) and `npm run export` (a checkpoint's settings, or the defaults), so both
 * write the same script for the same run.
 */
import type { ExportSetup } from '../core/export/setup';
import { defaultSettings, type LabSettings } from './settings';

/** The settings an export reads. */
export type ExportedSettings = Pick<
  LabSettings,
  | 'dataset'
  | 'optimizer'
  | 'learningRate'
  | 'batchSize'
  | 'epochs'
  | 'seed'
  | 'l1'
  | 'l2'
  | 'validationSplit'
  | 'init'
  | 'normalisation'
  | 'augmentation'
>;

const KEYS: readonly (keyof ExportedSettings)[] = [
  'dataset',
  'optimizer',
  'learningRate',
  'batchSize',
  'epochs',
  'seed',
  'l1',
  'l2',
  'validationSplit',
  'init',
  'normalisation',
  'augmentation',
];

export function exportSetupOf(
  settings: ExportedSettings,
  extra: {
    readonly datasetTitle?: string;
    readonly stats?: ExportSetup['stats'];
    readonly checkpointFile?: string;
  } = {},
): ExportSetup {
  return {
    dataset: { id: settings.dataset, title: extra.datasetTitle ?? settings.dataset },
    optimizer: settings.optimizer,
    learningRate: settings.learningRate,
    batchSize: settings.batchSize,
    epochs: settings.epochs,
    seed: settings.seed,
    l1: settings.l1,
    l2: settings.l2,
    validationSplit: settings.validationSplit,
    init: settings.init,
    normalisation: settings.normalisation,
    augmentation: settings.augmentation,
    ...(extra.stats ? { stats: extra.stats } : {}),
    ...(extra.checkpointFile ? { checkpointFile: extra.checkpointFile } : {}),
  };
}

/**
 * A checkpoint's recorded settings over the lab's defaults: each known key taken only when
 * its value has the default's type (a checkpoint is a file of unknown origin).
 */
export function settingsFromRecord(
  record: Readonly<Record<string, unknown>>,
  dataset: unknown,
): ExportedSettings {
  const defaults = defaultSettings();
  const out: Record<string, unknown> = {};
  for (const key of KEYS) {
    const value = key === 'dataset' ? dataset : record[key];
    out[key] = typeof value === typeof defaults[key] && value !== null ? value : defaults[key];
  }
  return out as unknown as ExportedSettings;
}
