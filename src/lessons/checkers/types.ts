import type { NetworkReport } from '../../core/analyze';
import type { LabSettings } from '../../state/settings';
import type { CheckOutcome, EngineReport } from '../types';

/** What a checker reads: the lab's settings, the core's analysis of its network, and the engine's figures. */
export interface CheckContext {
  readonly settings: LabSettings;
  readonly report: NetworkReport;
  readonly engine: EngineReport;
}

/**
 * The kinds of parameter a checker takes. `layer` is a layer's index (0 is the first, −1 the
 * last, as the link's `layer` counts) or its name (`conv2d_1`, or the id a network gives it).
 */
export type ParamKind = 'number' | 'string' | 'layer';

/** One parameter of a checker, described so an exercise editor can offer a field for it. */
export interface ParamSpec {
  readonly name: string;
  readonly kind: ParamKind;
  /** What it means, in a few words, for the editor and for error messages. */
  readonly meaning: string;
  /** Smallest and largest accepted number (numbers and layer indices). */
  readonly min?: number;
  readonly max?: number;
  /** True when only whole numbers make sense. */
  readonly integer?: boolean;
  /** True when the checker works without it. */
  readonly optional?: boolean;
  /** For strings: the only values accepted. */
  readonly choices?: readonly string[];
}

/** A checker's parameters after validation: required ones present, every value of its kind. */
export type ParamValues = Readonly<Record<string, number | string>>;

/** One make-it-so checker of the library, registered once in `CHECKERS` by its id. */
export interface Checker {
  readonly id: string;
  /** A short name for the exercise editor's list. */
  readonly label: string;
  readonly params: readonly ParamSpec[];
  /** A check across parameters that their specs alone cannot make; the problem, or null. */
  validate?(params: ParamValues): string | null;
  /** The task in words, from the parameters alone ("Make layer 1 output 14×14×8."). */
  describe(params: ParamValues): string;
  /** Pure: passed or not, and what is still wrong, with the numbers. */
  check(ctx: CheckContext, params: ParamValues): CheckOutcome;
}

/** A passing outcome. */
export const passed = (feedback: string): CheckOutcome => ({ pass: true, feedback });
/** A failing outcome. */
export const failed = (feedback: string): CheckOutcome => ({ pass: false, feedback });

/** A number as feedback shows it: thousands separated, small and huge ones in e-notation, 3 significant digits. */
export function formatNumber(x: number): string {
  if (!Number.isFinite(x)) return String(x);
  if (Number.isInteger(x) && Math.abs(x) < 1e9) return x.toLocaleString('en-US');
  const a = Math.abs(x);
  if (a !== 0 && (a < 1e-3 || a >= 1e6)) return x.toExponential(1);
  return String(Number(x.toPrecision(3)));
}

/** A 0..1 share as a percentage with one decimal: 0.9712 → "97.1%". */
export const formatPercent = (share: number): string => `${(share * 100).toFixed(1)}%`;

/** A validated number parameter (the validation guarantees its presence and kind). */
export function numberParam(params: ParamValues, name: string): number {
  const v = params[name];
  return typeof v === 'number' ? v : Number.NaN;
}

/** A validated optional number parameter, or undefined when the exercise leaves it out. */
export function optionalNumber(params: ParamValues, name: string): number | undefined {
  const v = params[name];
  return typeof v === 'number' ? v : undefined;
}

/** A validated string parameter, or undefined when left out. */
export function stringParam(params: ParamValues, name: string): string | undefined {
  const v = params[name];
  return typeof v === 'string' ? v : undefined;
}
