import { useMemo } from 'react';
import {
  SHIFT_NETWORKS,
  type ShiftDirection,
  type ShiftOutcome,
} from '../../../core/shiftInvariance';
import { shiftImage, shiftOffsets } from '../../../data/shift';
import { ImageFigure } from '../../shared/ImageFigure';
import { DIRECTION_WORDS } from './shiftSettings';

const SIZE = 140;

/** The example digit moved by the selected shift, and what each network called it there. */
export function ShiftExample({
  example,
  direction,
  shift,
  outcome,
}: {
  readonly example: {
    readonly pixels: Uint8Array;
    readonly height: number;
    readonly width: number;
    readonly label: number;
  };
  readonly direction: ShiftDirection;
  readonly shift: number;
  /** The finished experiment, for the networks' answers (none before it has run). */
  readonly outcome: ShiftOutcome | null;
}) {
  const shape = { height: example.height, width: example.width, channels: 1 };
  const { dx, dy } = shiftOffsets(direction, shift);
  const shifted = useMemo(
    () =>
      shiftImage(
        example.pixels,
        { height: example.height, width: example.width, channels: 1 },
        dx,
        dy,
      ),
    [example, dx, dy],
  );
  const index = outcome?.shifts.indexOf(shift) ?? -1;
  return (
    <div className="shift-example" data-testid="shift-example" data-shift={shift}>
      <ImageFigure
        values={shifted}
        shape={shape}
        size={SIZE}
        label={`A test digit ${example.label}, shifted ${shift} pixels ${DIRECTION_WORDS[direction]}`}
        caption={`Digit ${example.label}, ${shift} px ${DIRECTION_WORDS[direction]}`}
      />
      {outcome && index >= 0 && (
        <ul className="shift-answers" aria-label="What each network called this digit">
          {outcome.results.map((r) => {
            const said = r.examplePredictions[index];
            const right = said === example.label;
            return (
              <li key={r.network} className={right ? 'right' : 'wrong'}>
                {SHIFT_NETWORKS.find((n) => n.id === r.network)?.label}: {String(said)}{' '}
                {right ? '(right)' : '(wrong)'}
              </li>
            );
          })}
        </ul>
      )}
    </div>
  );
}
