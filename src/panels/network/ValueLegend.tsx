import type { ValueRange } from '../../viz/images';
import { formatValue } from '../../viz/network/display';
import { RangeLegend } from '../shared/RangeLegend';

/** The colour key of the network view, whose numbers stay readable for tiny gradients (e.g. 1.2×10^-4). */
export function ValueLegend({
  range,
  diverging,
}: {
  readonly range: ValueRange;
  readonly diverging: boolean;
}) {
  return (
    <RangeLegend
      range={range}
      diverging={diverging}
      format={formatValue}
      zeroNote
      testId="value-legend"
    />
  );
}
