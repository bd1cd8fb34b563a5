/**
 * A link that names a lesson step (issue 10: "`lesson=ID&step=N` in the link opens that
 * step; the rest of the link overrides the step's state, so an instructor can start a
 * lesson from their own network"). URL sync reads the link at once and the step's state
 * when the lessons' code has loaded, so a link without a lesson never loads it.
 */
import { SETTINGS, type LabSettings } from '../state/settings';

/** The settings a link's lesson step brings, from the lessons' code (loaded on demand). */
export type StepPatchFor = (lesson: string, step: number) => Promise<Partial<LabSettings>>;

/** The real one: `lessons/stepState`'s linkStepPatch, whose module loads with the first lesson link. */
export const loadStepPatch: StepPatchFor = (lesson, step) =>
  import('../lessons/stepState').then((m) => m.linkStepPatch(lesson, step));

/**
 * The settings a link names itself. A preset or a network names the whole network, its
 * selected layer included: a step's layer was chosen for the step's network, not the link's.
 */
export function keysNamedBy(fragment: string): Set<keyof LabSettings> {
  const params = new URLSearchParams(fragment.startsWith('#') ? fragment.slice(1) : fragment);
  const named = new Set(SETTINGS.filter((row) => params.has(row.param)).map((row) => row.key));
  if (named.has('presetId') || named.has('network'))
    for (const key of ['presetId', 'network', 'selectedLayer'] as const) named.add(key);
  return named;
}

/**
 * The link's settings to apply before its step's state arrives: as decoded, except that a
 * link naming a lesson but no panel opens the lessons panel, where the step will show,
 * rather than the default panel for a moment.
 */
export function linkBeforeStep(settings: LabSettings, fragment: string): LabSettings {
  return settings.lesson && !keysNamedBy(fragment).has('panel')
    ? { ...settings, panel: 'lessons' }
    : settings;
}

/**
 * What a step's state changes under a link: its settings for every key the link does not
 * name (the link's own stay as read). A layer the link names falls back to the first when
 * the step's network is shorter, so the selected layer always exists.
 */
export function stepUnderLink(
  current: LabSettings,
  fragment: string,
  patch: Partial<LabSettings>,
): Partial<LabSettings> {
  const named = keysNamedBy(fragment);
  const out: Partial<Record<keyof LabSettings, unknown>> = {};
  for (const [key, value] of Object.entries(patch) as [keyof LabSettings, unknown][]) {
    if (!named.has(key)) out[key] = value;
  }
  const result = out as Partial<LabSettings>;
  const network = result.network ?? current.network;
  const layer = result.selectedLayer ?? current.selectedLayer;
  const layers = Array.isArray(network.layers) ? network.layers.length : 0;
  return layer < layers ? result : { ...result, selectedLayer: 0 };
}
