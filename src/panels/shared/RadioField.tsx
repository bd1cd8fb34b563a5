import type { Choice } from './choices';

/** A set of radio buttons under a legend, one for each typed choice. */
export function RadioField<T extends string | number>({
  legend,
  name,
  value,
  choices,
  onChange,
  className = 'segmented-field',
}: {
  readonly legend: string;
  /** The radio group's name, unique on the page. */
  readonly name: string;
  readonly value: T;
  readonly choices: readonly Choice<T>[];
  onChange(value: NoInfer<T>): void;
  /** The fieldset's class: buttons side by side (`segmented-field`) unless a panel says otherwise. */
  readonly className?: string;
}) {
  return (
    <fieldset className={className}>
      <legend>{legend}</legend>
      {choices.map((c) => (
        <label key={c.value}>
          <input
            type="radio"
            name={name}
            checked={value === c.value}
            onChange={() => onChange(c.value)}
          />
          {c.label}
        </label>
      ))}
    </fieldset>
  );
}
