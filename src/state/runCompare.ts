import { analyzeNetwork } from '../core/analyze';
import type { Checkpoint } from '../data/checkpoint';
import { SETTINGS, type LabSettings, type SettingSpec } from './settings';

/**
 * A run kept in this browser's library, as the page lists and compares it: a checkpoint
 * without its weights (those stay in storage until the run is opened or exported).
 */
export type RunOverview = Omit<Checkpoint, 'weights' | 'optimizer'>;

export interface KeptRun {
  /** Unique within the library; also the storage key. */
  readonly id: string;
  readonly name: string;
  /** When it was (last) kept, ISO 8601. */
  readonly keptAt: string;
  readonly run: RunOverview;
}

/** Everything that shaped a run, keyed as the settings table keys it. */
export function setupOfRun(run: RunOverview): Readonly<Record<string, unknown>> {
  return { ...run.settings, network: run.network, dataset: run.dataset };
}

/**
 * The rows of the settings table a run's setup holds: the training settings, derived from
 * the table (a new training row that reaches the checkpoint shows here with no edit).
 */
export function runSettingRows(runs: readonly RunOverview[]): readonly SettingSpec[] {
  const setups = runs.map(setupOfRun);
  return SETTINGS.filter((row) => setups.some((setup) => row.key in setup));
}

/** "the learning rate" → "learning rate": the table's label as a column heading reads it. */
const headingOf = (label: string): string => label.replace(/^the /, '');

/** A setting's value as the link writes it; a value the codec cannot take is shown raw. */
function shownValue(row: SettingSpec, value: unknown): string {
  if (value === undefined) return '—';
  try {
    return (row.codec.encode as (v: unknown) => string)(value);
  } catch {
    return JSON.stringify(value) ?? String(value);
  }
}

/** One setting that differs between the compared runs: its label and each run's value. */
export interface SettingDifference {
  readonly key: keyof LabSettings;
  readonly label: string;
  readonly values: readonly string[];
}

/** Layer count, parameter total and layer types of a network document. */
function networkFacts(network: unknown): { layers: number; params: number; types: string[] } {
  const report = analyzeNetwork(network);
  return {
    layers: report.layers.length,
    params: report.totalParams,
    types: report.layers.map((l) => l.type),
  };
}

/** Multiset difference a − b of layer types, as "dropout" or "2 × dropout". */
function typesMissing(a: readonly string[], b: readonly string[]): string[] {
  const left = new Map<string, number>();
  for (const t of a) left.set(t, (left.get(t) ?? 0) + 1);
  for (const t of b) left.set(t, (left.get(t) ?? 0) - 1);
  return [...left]
    .filter(([, n]) => n > 0)
    .map(([t, n]) => (n === 1 ? t : `${n} × ${t}`))
    .sort();
}

/**
 * Each network in a line a person can compare: its layers and parameters, and the layer
 * types it has more (+) or fewer (−) of than the first run's network.
 */
export function networkSummaries(networks: readonly unknown[]): string[] {
  const facts = networks.map(networkFacts);
  const first = facts[0];
  return facts.map((f, i) => {
    const base = `${f.layers} layers, ${f.params.toLocaleString('en-US')} parameters`;
    if (i === 0 || !first) return base;
    const changes = [
      ...typesMissing(f.types, first.types).map((t) => `+ ${t}`),
      ...typesMissing(first.types, f.types).map((t) => `− ${t}`),
    ];
    return changes.length > 0 ? `${base} (${changes.join(', ')})` : base;
  });
}

/**
 * The settings that differ between the runs, in the table's order: only those, so an A/B
 * shows only its change. Networks are compared as documents and summarised.
 */
export function settingsDiff(runs: readonly RunOverview[]): SettingDifference[] {
  if (runs.length < 2) return [];
  const setups = runs.map(setupOfRun);
  return runSettingRows(runs).flatMap((row): SettingDifference[] => {
    const raw = setups.map((s) => s[row.key]);
    const texts = raw.map((v) => JSON.stringify(v) ?? '');
    if (texts.every((t) => t === texts[0])) return [];
    const values =
      row.key === 'network' ? networkSummaries(raw) : raw.map((v) => shownValue(row, v));
    return [{ key: row.key, label: headingOf(row.label), values }];
  });
}

/**
 * A run's name before the person gives it one: network, dataset, optimiser and learning
 * rate, seed, and the regularisation when it is on ("LeNet-5 · MNIST · adam 0.001 · seed 3").
 */
export function defaultRunName(run: RunOverview, datasetTitle: string = run.dataset): string {
  const s = run.settings;
  const network = typeof run.network.name === 'string' ? run.network.name : 'network';
  const parts = [network, datasetTitle, `${String(s.optimizer)} ${String(s.learningRate)}`];
  parts.push(`seed ${String(s.seed)}`);
  if (typeof s.l1 === 'number' && s.l1 > 0) parts.push(`L1 ${s.l1}`);
  if (typeof s.l2 === 'number' && s.l2 > 0) parts.push(`L2 ${s.l2}`);
  if (typeof s.patience === 'number' && s.patience > 0) parts.push(`stop ${s.patience}`);
  return parts.join(' · ');
}

/** `name`, or `name (2)`, `name (3)`… when a kept run already has it, so two runs never read alike. */
export function uniqueRunName(name: string, taken: readonly string[]): string {
  if (!taken.includes(name)) return name;
  let n = 2;
  while (taken.includes(`${name} (${n})`)) n++;
  return `${name} (${n})`;
}

/** Longest run name kept; longer ones are cut (a name is a label, not a note). */
export const MAX_RUN_NAME_LENGTH = 80;

/** A name the person typed, trimmed and cut; empty means "keep the old one". */
export function cleanRunName(typed: string): string {
  return typed.replace(/\s+/g, ' ').trim().slice(0, MAX_RUN_NAME_LENGTH);
}

/**
 * The settings of a kept run that the lab can take back, each checked by its own row's
 * codec (what storage holds may come from an older lab): opening a run sets these.
 */
export function settingsFromRun(run: RunOverview, keys?: readonly string[]): Partial<LabSettings> {
  const setup = setupOfRun(run);
  const out: Partial<Record<keyof LabSettings, unknown>> = {};
  for (const row of runSettingRows([run])) {
    if (keys && !keys.includes(row.key)) continue;
    const text = shownValue(row, setup[row.key]);
    const decoded = row.codec.decode(text);
    if (decoded.ok) out[row.key] = decoded.value;
  }
  return out as Partial<LabSettings>;
}
