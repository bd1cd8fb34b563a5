import type { ReactNode } from 'react';
import { numberFromInput } from './choices';

interface Props {
  /** What stands before the box inside the label: its text, or the element around it. */
  readonly label: ReactNode;
  readonly value: number;
  /** Called with the number the box holds; not while it holds none (see `emptyAs`). */
  onChange(value: number): void;
  readonly min?: number;
  readonly max?: number;
  readonly step?: number;
  /** What an emptied box means; without it, emptying the box changes nothing. */
  readonly emptyAs?: number;
  /** The label's class: `stacked` (text above the box) unless a panel lays it out otherwise. */
  readonly className?: string;
  /** The box's own class. */
  readonly inputClassName?: string;
  readonly disabled?: boolean;
  readonly testId?: string;
  /** What follows the box inside the label, e.g. an `<output>` with the value and its unit. */
  readonly children?: ReactNode;
}

/** The one labelled number input both field kinds render. */
function NumericField({ type, ...p }: Props & { readonly type: 'number' | 'range' }) {
  return (
    <label className={p.className ?? 'stacked'}>
      {p.label}
      <input
        type={type}
        min={p.min}
        max={p.max}
        step={p.step}
        value={p.value}
        disabled={p.disabled}
        className={p.inputClassName}
        data-testid={p.testId}
        onChange={(e) => {
          const value = numberFromInput(e.target.value, p.emptyAs);
          if (value !== null) p.onChange(value);
        }}
      />
      {p.children}
    </label>
  );
}

/** A labelled `<input type="number">` that hands back numbers only. */
export function NumberField(props: Props) {
  return <NumericField type="number" {...props} />;
}

/** A labelled slider (`<input type="range">`) that hands back its number. */
export function RangeField(props: Omit<Props, 'emptyAs'>) {
  return <NumericField type="range" {...props} />;
}
