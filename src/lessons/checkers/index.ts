/**
 * The library of make-it-so checkers lesson authors pick from: one table keyed by id,
 * and one entry point that validates a checker reference of unknown origin (an exercise
 * link is untrusted) before running it, so a bad one gives a readable problem, never a throw.
 */
import { messageOf } from '../../core/errors';
import type { CheckerRef, CheckOutcome } from '../types';
import { NETWORK_CHECKERS } from './network';
import { validateParams } from './params';
import { settingEquals } from './settings';
import { TRAINING_CHECKERS } from './training';
import type { CheckContext, Checker, ParamValues } from './types';

// The library's types and number formats, for the lesson panel and the exercise editor to come.
export type { CheckContext, Checker, ParamKind, ParamSpec, ParamValues } from './types';
export { formatNumber, formatPercent } from './types';

const ALL: readonly Checker[] = [...NETWORK_CHECKERS, ...TRAINING_CHECKERS, settingEquals];

/** Every checker by id, in the order the exercise editor lists them. */
export const CHECKERS: ReadonlyMap<string, Checker> = new Map(ALL.map((c) => [c.id, c]));

/** The checker with this id, or undefined. */
export const checkerOf = (id: string): Checker | undefined => CHECKERS.get(id);

/** A checker reference that names a real checker with valid parameters, ready to run. */
export interface ValidCheck {
  readonly ok: true;
  readonly checker: Checker;
  readonly params: ParamValues;
}

/** Why a checker reference cannot run, in sentences a person can read. */
export interface CheckProblem {
  readonly ok: false;
  readonly problems: readonly string[];
}

const MAX_ID = 60;

/** Validates a checker reference of unknown origin: a known id, and parameters its specs accept. */
export function resolveCheck(ref: unknown): ValidCheck | CheckProblem {
  const given = (typeof ref === 'object' && ref !== null ? ref : {}) as Partial<CheckerRef>;
  const id = typeof given.id === 'string' ? given.id : '';
  const checker = id.length <= MAX_ID ? checkerOf(id) : undefined;
  if (!checker) {
    const shown = JSON.stringify(id.length > 30 ? `${id.slice(0, 27)}...` : id);
    return {
      ok: false,
      problems: [`There is no checker ${shown}; the lab has ${[...CHECKERS.keys()].join(', ')}.`],
    };
  }
  const read = validateParams(checker.params, given.params ?? {});
  if (!read.ok) return { ok: false, problems: read.problems.map((p) => `${checker.id}: ${p}.`) };
  const cross = checker.validate?.(read.values);
  return cross
    ? { ok: false, problems: [`${checker.id}: ${cross}.`] }
    : { ok: true, checker, params: read.values };
}

/** The task a checker reference sets, in words; or its problems, joined. */
export function describeCheck(ref: unknown): string {
  const valid = resolveCheck(ref);
  return valid.ok ? valid.checker.describe(valid.params) : valid.problems.join(' ');
}

/**
 * Runs a checker reference against the lab: its outcome, or its problems when the
 * reference is broken. A checker that throws (a bug) is reported as a problem too.
 */
export function runCheck(
  ref: unknown,
  ctx: CheckContext,
): { ok: true; outcome: CheckOutcome } | CheckProblem {
  const valid = resolveCheck(ref);
  if (!valid.ok) return valid;
  try {
    return { ok: true, outcome: valid.checker.check(ctx, valid.params) };
  } catch (error) {
    return {
      ok: false,
      problems: [`The checker ${valid.checker.id} failed: ${messageOf(error)}.`],
    };
  }
}
