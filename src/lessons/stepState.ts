/**
 * What entering a lesson step does to the lab: the step's partial link, decoded as any
 * link is, applied only for the keys the step names, so the learner keeps the rest.
 */
import { SETTINGS, URL_VERSION, type LabSettings } from '../state/settings';
import { decodeSettings } from '../state/url';
import { lessonById, stepOf } from './runner';
import type { LessonStep } from './types';

/** The settings a step's state sets, and what its decoding ignored (empty for a checked lesson). */
export interface StepPatch {
  readonly settings: Partial<LabSettings>;
  readonly problems: readonly string[];
}

/**
 * The settings a step's `state` fragment names, decoded. A preset without its own `arch`
 * brings its network too (the network follows the preset), and a new network resets the
 * selected layer unless the step names one, so the layer always exists. `panel` is left
 * out when `keepPanel` is set: the lesson panel stays open until the learner goes to the lab.
 */
export function stepPatch(state: string | undefined, keepPanel = true): StepPatch {
  if (!state) return { settings: {}, problems: [] };
  const decoded = decodeSettings(`v=${URL_VERSION}&${state}`);
  const named = new Set(new URLSearchParams(state).keys());
  const out: Partial<Record<keyof LabSettings, unknown>> = {};
  for (const row of SETTINGS) {
    if (named.has(row.param)) out[row.key] = decoded.settings[row.key];
  }
  if (named.has('preset') || named.has('arch')) {
    out.network = decoded.settings.network;
    out.selectedLayer = decoded.settings.selectedLayer;
  }
  if (keepPanel) delete out.panel;
  // The lesson and step are the panel's to set; a step's state never moves them.
  delete out.lesson;
  delete out.step;
  return { settings: out as Partial<LabSettings>, problems: decoded.problems };
}

/** The panel a step's state opens, if it names one. */
export function stepPanel(state: string | undefined): LabSettings['panel'] | undefined {
  if (!state || !new URLSearchParams(state).has('panel')) return undefined;
  return decodeSettings(`v=${URL_VERSION}&${state}`).settings.panel;
}

/**
 * Everything entering a step sets: the keys its state names and its hide flags (none when
 * it names none, so a previous step's hidden parts come back). `keepPanel` as for stepPatch.
 */
export function stepSettings(step: LessonStep, keepPanel = true): Partial<LabSettings> {
  return { ...stepPatch(step.state, keepPanel).settings, hide: step.hide ?? [] };
}

/**
 * What a link's `lesson=ID&step=N` brings before the link's own keys override it: the
 * step's settings, its panel included, or the lessons panel when it names none (so the
 * step's text shows). A lesson or step this lab does not have opens the lessons panel,
 * which says so. URL sync receives this function injected, so state never imports lessons.
 */
export function linkStepPatch(lessonId: string, n: number): Partial<LabSettings> {
  const lesson = lessonById(lessonId);
  const step = lesson ? stepOf(lesson, n) : undefined;
  return { panel: 'lessons', ...(step ? stepSettings(step, false) : {}) };
}
