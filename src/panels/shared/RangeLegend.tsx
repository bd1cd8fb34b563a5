import { divergingColor, type ValueRange } from '../../viz/images';

const fmt = (v: number): string => (Math.abs(v) >= 100 ? v.toFixed(0) : v.toFixed(2));

/** The colour key of an image: what its darkest and brightest (or bluest and reddest) pixels mean. */
export function RangeLegend({
  range,
  diverging,
  format = fmt,
  zeroNote = false,
  testId,
}: {
  readonly range: ValueRange;
  readonly diverging?: boolean;
  /** How the two ends are written; the default suits pixel values and activations. */
  readonly format?: (value: number) => string;
  /** Say "(white = 0)" after a diverging key. */
  readonly zeroNote?: boolean;
  readonly testId?: string;
}) {
  const stops = diverging
    ? [0, 0.25, 0.5, 0.75, 1].map((t) => `${divergingColor(t)} ${t * 100}%`).join(', ')
    : '#000 0%, #fff 100%';
  return (
    <div className="range-legend" data-testid={testId}>
      <span>{format(range[0])}</span>
      <span
        className="range-bar"
        style={{ background: `linear-gradient(to right, ${stops})` }}
        aria-hidden="true"
      />
      <span>{format(range[1])}</span>
      {zeroNote && diverging && <span className="muted small">(white = 0)</span>}
    </div>
  );
}
