import type { ReactNode } from 'react';
import { choiceOf, type Choice, type ChoiceGroup } from './choices';

interface Props<T extends string | number> {
  /** What stands before the list inside the label: its text, or the element around it. */
  readonly label: ReactNode;
  readonly value: T;
  /** The entries in the order shown; a group becomes an `<optgroup>`. */
  readonly choices: readonly (Choice<T> | ChoiceGroup<T>)[];
  onChange(value: NoInfer<T>): void;
  /** The label's class: `stacked` (text above the list) unless a panel lays it out otherwise. */
  readonly className?: string;
  readonly disabled?: boolean;
  readonly testId?: string;
  /** The label's tooltip. */
  readonly title?: string;
  /** The accessible name, where the visible text is hidden from screen readers. */
  readonly ariaLabel?: string;
  readonly ariaInvalid?: boolean;
  /** Notes shown under the list, inside the label. */
  readonly children?: ReactNode;
}

function Option<T extends string | number>({ choice }: { readonly choice: Choice<T> }) {
  return <option value={choice.value}>{choice.label}</option>;
}

/** A labelled drop-down list of typed choices: the value handed back is the choice's own, not the list's text. */
export function SelectField<T extends string | number>({
  label,
  value,
  choices,
  onChange,
  className = 'stacked',
  disabled,
  testId,
  title,
  ariaLabel,
  ariaInvalid,
  children,
}: Props<T>) {
  return (
    <label className={className} title={title}>
      {label}
      <select
        value={value}
        disabled={disabled}
        data-testid={testId}
        aria-label={ariaLabel}
        aria-invalid={ariaInvalid}
        onChange={(e) => {
          const chosen = choiceOf(choices, e.target.value);
          if (chosen) onChange(chosen.value);
        }}
      >
        {choices.map((item) =>
          'choices' in item ? (
            <optgroup key={item.label} label={item.label}>
              {item.choices.map((c) => (
                <Option key={c.value} choice={c} />
              ))}
            </optgroup>
          ) : (
            <Option key={item.value} choice={item} />
          ),
        )}
      </select>
      {children}
    </label>
  );
}
