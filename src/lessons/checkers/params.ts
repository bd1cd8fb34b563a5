import type { ParamSpec, ParamValues } from './types';

/** Layer names a parameter may give: what the explorer's ids look like, nothing longer. */
const LAYER_NAME = /^[A-Za-z][A-Za-z0-9_.-]{0,63}$/;
/** Longest string parameter accepted (an exercise link is untrusted input). */
const MAX_STRING = 200;

const quote = (value: unknown): string => {
  const text = typeof value === 'string' ? value : String(value);
  return JSON.stringify(text.length > 30 ? `${text.slice(0, 27)}...` : text);
};

/**
 * Links carry text, so a number parameter may arrive as "28"; anything else that is not a
 * finite number stays as it is and is refused below.
 */
function asNumber(value: unknown): number | null {
  if (typeof value === 'number') return Number.isFinite(value) ? value : null;
  if (typeof value === 'string' && /^-?(\d+\.?\d*|\.\d+)(e-?\d+)?$/i.test(value.trim()))
    return Number(value);
  return null;
}

/** The problem with one number against its spec's bounds, or null. */
function numberProblem(spec: ParamSpec, n: number): string | null {
  if (spec.integer && !Number.isInteger(n))
    return `${spec.name} (${spec.meaning}) must be a whole number, not ${n}`;
  if (spec.min !== undefined && n < spec.min)
    return `${spec.name} (${spec.meaning}) must be at least ${spec.min}, not ${n}`;
  if (spec.max !== undefined && n > spec.max)
    return `${spec.name} (${spec.meaning}) must be at most ${spec.max}, not ${n}`;
  return null;
}

/** One value read against its spec: the value to use, or the problem with it. */
function readParam(
  spec: ParamSpec,
  raw: unknown,
): { value: number | string } | { problem: string } {
  if (spec.kind === 'number') {
    const n = asNumber(raw);
    if (n === null)
      return { problem: `${spec.name} (${spec.meaning}) must be a number, not ${quote(raw)}` };
    const problem = numberProblem(spec, n);
    return problem ? { problem } : { value: n };
  }
  if (typeof raw !== 'string' && typeof raw !== 'number')
    return { problem: `${spec.name} (${spec.meaning}) must be text, not ${quote(raw)}` };
  if (spec.kind === 'layer') {
    const n = asNumber(raw);
    if (n !== null) {
      const problem = numberProblem({ ...spec, integer: true }, n);
      return problem ? { problem } : { value: n };
    }
    return typeof raw === 'string' && LAYER_NAME.test(raw)
      ? { value: raw }
      : {
          problem: `${spec.name} (${spec.meaning}) must be a layer's index or name, not ${quote(raw)}`,
        };
  }
  const text = String(raw);
  if (text.length === 0 || text.length > MAX_STRING)
    return { problem: `${spec.name} (${spec.meaning}) must be 1 to ${MAX_STRING} characters long` };
  if (spec.choices && !spec.choices.includes(text))
    return {
      problem: `${spec.name} (${spec.meaning}) must be one of ${spec.choices.slice(0, 12).join(', ')}${spec.choices.length > 12 ? ', …' : ''}, not ${quote(text)}`,
    };
  return { value: text };
}

/**
 * Checks parameters of unknown origin against a checker's specs: every required one
 * present, none unknown, each of its kind and within its bounds. Never throws.
 */
export function validateParams(
  specs: readonly ParamSpec[],
  raw: unknown,
): { ok: true; values: ParamValues } | { ok: false; problems: readonly string[] } {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw))
    return { ok: false, problems: ['the parameters must be a list of names and values'] };
  const given = raw as Record<string, unknown>;
  const problems: string[] = [];
  const values: Record<string, number | string> = {};
  const known = new Set(specs.map((s) => s.name));
  const unknown = Object.keys(given).filter((k) => !known.has(k));
  if (unknown.length)
    problems.push(
      `unknown parameter${unknown.length > 1 ? 's' : ''} ${unknown.slice(0, 5).map(quote).join(', ')} (it takes ${specs.map((s) => s.name).join(', ') || 'none'})`,
    );
  for (const spec of specs) {
    const value = Object.hasOwn(given, spec.name) ? given[spec.name] : undefined;
    if (value === undefined) {
      if (!spec.optional) problems.push(`${spec.name} (${spec.meaning}) is missing`);
      continue;
    }
    const read = readParam(spec, value);
    if ('problem' in read) problems.push(read.problem);
    else values[spec.name] = read.value;
  }
  return problems.length ? { ok: false, problems } : { ok: true, values };
}
