import { indexFromText } from '../../viz/maths/format';

/** A number box for an index from 0 to count − 1; typed values are truncated and clamped. */
export function IndexInput({
  label,
  value,
  count,
  onChange,
}: {
  readonly label: string;
  readonly value: number;
  readonly count: number;
  readonly onChange: (v: number) => void;
}) {
  const last = Math.max(0, count - 1);
  return (
    <label className="stacked">
      {label} (0–{last})
      <input
        type="number"
        min={0}
        max={last}
        value={value}
        onChange={(e) => {
          const index = indexFromText(e.target.value, count);
          if (index !== null) onChange(index);
        }}
      />
    </label>
  );
}
