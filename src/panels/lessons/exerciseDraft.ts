/**
 * The exercise editor's logic, pure: what the instructor has typed (a draft), the field
 * values a checker starts with on the instructor's own lab, what is still wrong with the
 * draft, and the link it makes. The dialog only renders this; the tests drive it directly.
 */
import type { LayerReport } from '../../core/analyze';
import { formatShape, isSpatial } from '../../core/shape';
import {
  CHECKERS,
  resolveCheck,
  type CheckContext,
  type Checker,
  type ParamSpec,
} from '../../lessons/checkers';
import type { CheckerRef } from '../../lessons/types';
import { MAX_QUESTION_LENGTH, type LinkedExercise } from '../../state/exerciseLinkCodec';
import type { Hideable } from '../../state/hidden';
import type { PanelId } from '../../state/panels';
import { SETTINGS, type LabSettings } from '../../state/settings';
import { encodeSettings } from '../../state/url';

/** What the instructor has typed and picked so far. */
export interface ExerciseDraft {
  readonly question: string;
  readonly checkerId: string;
  /** Each parameter's field as text, by name; an empty text leaves an optional one out. */
  readonly params: Readonly<Record<string, string>>;
  readonly hide: readonly Hideable[];
  /** The panel the learner starts on (the instructor's own, unless changed). */
  readonly panel: PanelId;
}

/** The layer field's value for "the last layer" (the library counts −1 as the last). */
export const LAST_LAYER = '-1';

/** What the checkers' parameter validation reads as a number (see lessons/checkers/params.ts). */
const NUMBER_TEXT = /^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i;
/** Layer names a link may carry as a layer parameter (the checkers' own rule). */
const LAYER_NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;

/** The checker a draft names, or the library's first. */
export const checkerOfDraft = (draft: Pick<ExerciseDraft, 'checkerId'>): Checker =>
  CHECKERS.get(draft.checkerId) ?? ([...CHECKERS.values()][0] as Checker);

/** A field's text as the checker reference carries it: numbers as numbers, the rest as text. */
function paramValue(spec: ParamSpec, text: string): number | string {
  const trimmed = text.trim();
  return spec.kind !== 'string' && NUMBER_TEXT.test(trimmed) ? Number(trimmed) : trimmed;
}

/** The checker reference a draft makes: its checker and every field that is filled in. */
export function refOf(draft: ExerciseDraft): CheckerRef {
  const checker = checkerOfDraft(draft);
  const params: Record<string, number | string> = {};
  for (const spec of checker.params) {
    const text = draft.params[spec.name] ?? '';
    if (text.trim() !== '') params[spec.name] = paramValue(spec, text);
  }
  return { id: checker.id, params };
}

/** How the layer field offers a layer: by its name where a link can carry it, else by index. */
export const layerValueOf = (layer: { readonly name: string; readonly index: number }): string =>
  LAYER_NAME.test(layer.name) ? layer.name : String(layer.index);

/** A setting's current value as the link writes it (`opt` → `adam`), for setting-equals. */
export function settingText(settings: LabSettings, name: string): string {
  const spec = SETTINGS.find((s) => s.param === name) ?? SETTINGS.find((s) => s.key === name);
  if (!spec) return '';
  const codec = spec.codec as { encode(v: unknown): string };
  return codec.encode(settings[spec.key]);
}

/**
 * One parameter's starting text, read from the instructor's lab where the lab has a
 * sensible figure (the selected layer, its shape, field and the parameter count), so
 * the form starts from what the instructor is looking at. An optional parameter starts
 * empty (left out) unless the lab says which value it is now (a dataset).
 */
function suggestedParam(
  spec: ParamSpec,
  ctx: CheckContext,
  chosen: Record<string, string>,
): string {
  const { settings, report } = ctx;
  const layer = report.layers[settings.selectedLayer];
  const shape = layer?.outputShape;
  // A layer without a feature map (dense, flatten) offers the input's sides, else 1s.
  const spatial =
    shape && isSpatial(shape)
      ? shape
      : report.input && isSpatial(report.input)
        ? report.input
        : null;
  const field = layer?.receptiveField;
  switch (spec.name) {
    case 'layer':
      return spec.optional ? '' : layer ? layerValueOf(layer) : LAST_LAYER;
    case 'h':
    case 'w':
    case 'c':
      return spatial ? String(spatial['hwc'.indexOf(spec.name)]) : '1';
    case 'max':
    case 'count':
      return String(report.totalParams);
    case 'size':
      return field ? String(Math.min(field.size[0], field.size[1])) : '1';
    case 'row':
    case 'col':
      return '0';
    case 'accuracy':
      return '0.9';
    case 'relativeError':
      return '0.01';
    case 'dataset':
      return [settings.dataset, settings.toy.dataset].find((d) => spec.choices?.includes(d)) ?? '';
    case 'setting':
      return spec.choices?.includes('opt') ? 'opt' : (spec.choices?.[0] ?? '');
    case 'value':
      return settingText(settings, chosen.setting ?? '');
    default:
      return spec.optional ? '' : spec.min !== undefined ? String(spec.min) : '';
  }
}

/** Every parameter's starting text for a checker on this lab. */
export function suggestedParams(checker: Checker, ctx: CheckContext): Record<string, string> {
  const chosen: Record<string, string> = {};
  for (const spec of checker.params) chosen[spec.name] = suggestedParam(spec, ctx, chosen);
  return chosen;
}

/**
 * A fresh draft on this lab: its panel and hide flags, and the exercise the lab shows now
 * if it has one (an instructor revising a link they opened), else no question and the
 * library's first checker with fields from the lab.
 */
export function newDraft(ctx: CheckContext): ExerciseDraft {
  const { exercise, hide, panel } = ctx.settings;
  const current = exercise ? resolveCheck(exercise.check) : null;
  if (exercise && current?.ok) {
    const params = suggestedParams(current.checker, ctx);
    for (const spec of current.checker.params)
      params[spec.name] = String(exercise.check.params[spec.name] ?? '');
    return { question: exercise.question, checkerId: current.checker.id, params, hide, panel };
  }
  const checker = checkerOfDraft({ checkerId: '' });
  return {
    question: '',
    checkerId: checker.id,
    params: suggestedParams(checker, ctx),
    hide,
    panel,
  };
}

/** The draft with another checker, its fields started afresh from the lab. */
export function withChecker(draft: ExerciseDraft, id: string, ctx: CheckContext): ExerciseDraft {
  const checker = checkerOfDraft({ checkerId: id });
  return { ...draft, checkerId: checker.id, params: suggestedParams(checker, ctx) };
}

/**
 * The draft with one field changed. Picking the setting of setting-equals also fills its
 * value with the lab's current one, so the instructor sees the form the link writes.
 */
export function withParam(
  draft: ExerciseDraft,
  name: string,
  text: string,
  ctx: CheckContext,
): ExerciseDraft {
  const params = { ...draft.params, [name]: text };
  const specs = checkerOfDraft(draft).params;
  if (name === 'setting' && specs.some((s) => s.name === 'value'))
    params.value = settingText(ctx.settings, text);
  return { ...draft, params };
}

/** What the editor can say about a draft: the exercise it makes and the task, or what is wrong. */
export type DraftReview =
  | { readonly ok: true; readonly exercise: LinkedExercise; readonly task: string }
  | { readonly ok: false; readonly problems: readonly string[]; readonly task: string | null };

/** Checks a draft as the learner's browser will: the question's length, then the checker and its parameters. */
export function reviewDraft(draft: ExerciseDraft): DraftReview {
  const problems: string[] = [];
  const length = draft.question.length;
  if (draft.question.trim() === '') problems.push('Write the question the learner will read.');
  else if (length > MAX_QUESTION_LENGTH)
    problems.push(
      `The question is ${length.toLocaleString('en-US')} characters long; a link carries at most ${MAX_QUESTION_LENGTH.toLocaleString('en-US')}, so shorten it by ${(length - MAX_QUESTION_LENGTH).toLocaleString('en-US')}.`,
    );
  const ref = refOf(draft);
  const resolved = resolveCheck(ref);
  const task = resolved.ok ? resolved.checker.describe(resolved.params) : null;
  if (!resolved.ok) problems.push(...resolved.problems);
  if (problems.length > 0 || !resolved.ok) return { ok: false, problems, task };
  return { ok: true, exercise: { question: draft.question, check: ref }, task: task ?? '' };
}

/**
 * The link fragment: the instructor's whole lab (as "Copy link" writes it), with the
 * exercise, what it hides and the panel the learner starts on.
 */
export const exerciseLinkFragment = (
  settings: LabSettings,
  exercise: LinkedExercise,
  draft: Pick<ExerciseDraft, 'hide' | 'panel'>,
): string => encodeSettings({ ...settings, exercise, hide: draft.hide, panel: draft.panel });

/** A layer as the layer field lists it: "conv2d_1 · layer 1 · conv2d · 28×28×6". */
export function layerChoiceLabel(layer: LayerReport): string {
  const shape = layer.outputShape ? ` · ${formatShape(layer.outputShape)}` : '';
  return `${layer.name} · layer ${layer.index + 1} · ${layer.type}${shape}`;
}

/** How a choice of a text parameter reads in its list: a setting's link name with its label. */
export function choiceLabel(spec: ParamSpec, value: string): string {
  if (spec.name !== 'setting') return value;
  const setting = SETTINGS.find((s) => s.param === value) ?? SETTINGS.find((s) => s.key === value);
  return setting ? `${value} (${setting.label})` : value;
}
