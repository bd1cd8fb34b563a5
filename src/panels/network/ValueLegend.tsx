import { divergingColor, type ValueRange } from '../../viz/images';
import { formatValue } from '../../viz/network/display';

/** A colour key whose numbers stay readable for tiny gradients (e.g. 1.2×10^-4). */
export function ValueLegend({
  range,
  diverging,
  caption,
}: {
  readonly range: ValueRange;
  readonly diverging: boolean;
  readonly caption?: string;
}) {
  const stops = diverging
    ? [0, 0.25, 0.5, 0.75, 1].map((t) => `${divergingColor(t)} ${t * 100}%`).join(', ')
    : '#000 0%, #fff 100%';
  return (
    <div className="range-legend" data-testid="value-legend">
      {caption && <span className="muted small">{caption}</span>}
      <span>{formatValue(range[0])}</span>
      <span
        className="range-bar"
        style={{ background: `linear-gradient(to right, ${stops})` }}
        aria-hidden="true"
      />
      <span>{formatValue(range[1])}</span>
      {diverging && <span className="muted small">(white = 0)</span>}
    </div>
  );
}
