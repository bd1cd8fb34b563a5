import { agreesWithEngine } from '../../core/inspectionMaths';
import { formatNumber } from '../../viz/maths/format';

/** Our number beside the engine's, and whether they agree (to float32 rounding). */
export function Agreement({
  label,
  ours,
  engine,
  tolerance = 1e-4,
  testId,
}: {
  readonly label: string;
  readonly ours: number;
  readonly engine: number;
  readonly tolerance?: number;
  readonly testId?: string;
}) {
  const agree = agreesWithEngine(ours, engine, tolerance);
  return (
    <p
      className={agree ? 'maths-check maths-check-ok' : 'maths-check maths-check-bad'}
      data-testid={testId}
    >
      <span aria-hidden="true">{agree ? '✓ ' : '✗ '}</span>
      {label}: worked out here <strong>{formatNumber(ours, 6)}</strong>, the engine’s{' '}
      <strong>{formatNumber(engine, 6)}</strong>
      {agree ? ' — they agree.' : ' — they differ!'}
    </p>
  );
}
