import { useEffect, useState } from 'react';
import { ACTIVATIONS } from '../../core/activations';
import type { FieldSpec } from '../../core/fields';
import { choicesOf } from '../shared/choices';
import { SelectField } from '../shared/SelectField';
import { fieldToText, textToField } from './fieldText';

interface Props {
  readonly field: FieldSpec;
  readonly value: unknown;
  /** Accessible name, e.g. "Layer 3 conv2d_2: kernel". */
  readonly label: string;
  readonly invalid: boolean;
  onChange(value: unknown): void;
}

/** Placeholder showing the default a blank field takes. */
function defaultText(field: FieldSpec): string {
  if (field.defaultFrom) return `= ${field.defaultFrom}`;
  return field.default === undefined ? 'required' : fieldToText(field.default);
}

/**
 * One layer field, edited as text (or a list / checkbox). The typed text is kept
 * while the box has focus so "3," does not jump to "3" mid-keystroke.
 */
export function FieldInput({ field, value, label, invalid, onChange }: Props) {
  const shown = fieldToText(value);
  const [draft, setDraft] = useState(shown);
  const [editing, setEditing] = useState(false);
  useEffect(() => {
    if (!editing) setDraft(shown);
  }, [shown, editing]);

  if (field.kind === 'boolean') {
    const checked = value === undefined ? field.default === true : value === true;
    return (
      <label className="field field-boolean" title={field.help}>
        <input
          type="checkbox"
          checked={checked}
          aria-label={label}
          onChange={(e) => onChange(e.target.checked)}
        />
        <span aria-hidden="true">{field.label}</span>
      </label>
    );
  }
  if (field.kind === 'activation') {
    const current = typeof value === 'string' ? value : fieldToText(field.default);
    return (
      <SelectField
        className="field"
        title={field.help}
        label={<span aria-hidden="true">{field.label}</span>}
        value={current}
        ariaLabel={label}
        ariaInvalid={invalid}
        // A value that is not an activation (typed into the JSON) stays shown as it is.
        choices={[
          ...(ACTIVATIONS.includes(current as never)
            ? []
            : [{ value: current, label: current || '(none)' }]),
          ...choicesOf<string>(ACTIVATIONS),
        ]}
        onChange={onChange}
      />
    );
  }
  return (
    <label className="field" title={field.help}>
      <span aria-hidden="true">{field.label}</span>
      <input
        type="text"
        inputMode={field.kind === 'padding' ? 'text' : 'decimal'}
        size={field.kind === 'padding' ? 5 : 4}
        value={draft}
        placeholder={defaultText(field)}
        aria-label={label}
        aria-invalid={invalid}
        onFocus={() => setEditing(true)}
        onBlur={() => setEditing(false)}
        onChange={(e) => {
          setDraft(e.target.value);
          onChange(textToField(field.kind, e.target.value));
        }}
      />
    </label>
  );
}
