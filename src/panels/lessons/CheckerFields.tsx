import { useId } from 'react';
import type { NetworkReport } from '../../core/analyze';
import { formatNumber, type Checker, type ParamSpec } from '../../lessons/checkers';
import { choiceLabel, LAST_LAYER, layerChoiceLabel, layerValueOf } from './exerciseDraft';

/** A spec's meaning as a field's label: "Output height"; a layer field's list says the rest. */
function labelOf(spec: ParamSpec): string {
  const words = spec.kind === 'layer' ? 'layer' : spec.meaning;
  return `${words.charAt(0).toUpperCase()}${words.slice(1)}${spec.optional ? ' (optional)' : ''}`;
}

/** The help under a field: what it accepts, from the spec alone. */
function helpOf(spec: ParamSpec): string {
  const empty = spec.optional ? ' Leave it empty to leave it out.' : '';
  if (spec.kind !== 'number') return empty.trim();
  const what = spec.integer ? 'A whole number' : 'A number';
  const from = spec.min !== undefined ? ` from ${formatNumber(spec.min)}` : '';
  const to = spec.max !== undefined ? ` to ${formatNumber(spec.max)}` : '';
  return `${what}${from}${to}.${empty}`;
}

/** The options of a layer field: every layer of the instructor's network by name, then "the last". */
function layerOptions(spec: ParamSpec, report: NetworkReport, value: string) {
  const options = [
    ...(spec.optional ? [{ value: '', label: 'the whole network' }] : []),
    ...report.layers.map((l) => ({ value: layerValueOf(l), label: layerChoiceLabel(l) })),
    { value: LAST_LAYER, label: 'the last layer, whichever it is' },
  ];
  // A value from an earlier network (or typed into an older draft) stays selectable.
  if (!options.some((o) => o.value === value))
    options.push({ value, label: `${value} (not in your network now)` });
  return options;
}

/** One parameter's field, by its kind: a list of layers, a list of choices, a number or a text. */
function ParamField({
  spec,
  value,
  report,
  problems,
  onChange,
}: {
  readonly spec: ParamSpec;
  readonly value: string;
  readonly report: NetworkReport;
  /** What resolveCheck says is wrong with this parameter. */
  readonly problems: readonly string[];
  onChange(text: string): void;
}) {
  const id = useId();
  const help = helpOf(spec);
  const describedBy = [help ? `${id}-help` : '', problems.length ? `${id}-problem` : '']
    .filter(Boolean)
    .join(' ');
  const common = {
    id,
    value,
    'aria-describedby': describedBy || undefined,
    'aria-invalid': problems.length > 0 || undefined,
    'data-testid': `param-${spec.name}`,
  };
  const choices =
    spec.kind === 'layer'
      ? layerOptions(spec, report, value)
      : spec.choices
        ? [
            ...(spec.optional ? [{ value: '', label: 'any (leave it out)' }] : []),
            ...spec.choices.map((c) => ({ value: c, label: choiceLabel(spec, c) })),
          ]
        : null;
  return (
    <div className="ee-field">
      <label htmlFor={id}>
        {labelOf(spec)} <code className="ee-param-name">{spec.name}</code>
      </label>
      {choices ? (
        <select {...common} onChange={(e) => onChange(e.target.value)}>
          {choices.map((c) => (
            <option key={c.value} value={c.value}>
              {c.label}
            </option>
          ))}
        </select>
      ) : spec.kind === 'number' ? (
        <input
          {...common}
          type="number"
          inputMode="decimal"
          min={spec.min}
          max={spec.max}
          step={spec.integer ? 1 : 'any'}
          onChange={(e) => onChange(e.target.value)}
        />
      ) : (
        <input
          {...common}
          type="text"
          autoComplete="off"
          spellCheck={false}
          onChange={(e) => onChange(e.target.value)}
        />
      )}
      {help ? (
        <p id={`${id}-help`} className="ee-help">
          {help}
        </p>
      ) : null}
      {problems.length ? (
        <p id={`${id}-problem`} className="ee-problem">
          {/* The field names the checker already; the list below the form keeps the full text. */}
          {problems.map((p) => p.replace(/^[a-z0-9-]+: /, '')).join(' ')}
        </p>
      ) : null}
    </div>
  );
}

/**
 * A field for each of a checker's parameters, made from its ParamSpecs alone (so a new
 * checker in the library gets its form without touching the editor), with the problems
 * the library's validation finds shown under the field they concern.
 */
export function CheckerFields({
  checker,
  values,
  report,
  problems,
  onChange,
}: {
  readonly checker: Checker;
  readonly values: Readonly<Record<string, string>>;
  readonly report: NetworkReport;
  readonly problems: readonly string[];
  onChange(name: string, text: string): void;
}) {
  if (checker.params.length === 0)
    return <p className="ee-help">This checker takes no parameters.</p>;
  return (
    <div className="ee-fields">
      {checker.params.map((spec) => (
        <ParamField
          key={`${checker.id}.${spec.name}`}
          spec={spec}
          value={values[spec.name] ?? ''}
          report={report}
          // resolveCheck names a parameter as "name (meaning)" in each of its problems.
          problems={problems.filter((p) => p.includes(`${spec.name} (${spec.meaning})`))}
          onChange={(text) => onChange(spec.name, text)}
        />
      ))}
    </div>
  );
}
