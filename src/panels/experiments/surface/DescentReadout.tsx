import { DESCENT_OPTIMISERS, type DescentRun } from '../../../core/descent/optimisers';
import { formatLoss, OPTIMISER_STYLES } from './surfaceSettings';
import { Marker } from './Trajectories';

const labelOf = (id: DescentRun['optimiser']) =>
  DESCENT_OPTIMISERS.find((o) => o.id === id)?.label ?? id;

/**
 * The key of the paths and what each run reached: its final loss, how far that is above the
 * function's minimum, and the steps it took (fewer than asked when it diverged and was stopped).
 */
export function DescentReadout({
  runs,
  minimum,
}: {
  readonly runs: readonly DescentRun[];
  readonly minimum: number;
}) {
  if (runs.length === 0) return <p className="small">Tick an optimiser to draw its path.</p>;
  return (
    <table className="surface-readout" data-testid="surface-readout">
      <caption className="small muted">
        Key and result (lowest possible loss {formatLoss(minimum)})
      </caption>
      <thead>
        <tr>
          <th scope="col">Optimiser</th>
          <th scope="col">Final loss</th>
          <th scope="col">Steps</th>
        </tr>
      </thead>
      <tbody>
        {runs.map((run) => {
          const style = OPTIMISER_STYLES[run.optimiser];
          return (
            <tr key={run.optimiser}>
              <th scope="row">
                <svg className="readout-key" viewBox="0 0 36 16" aria-hidden="true">
                  <line x1={2} x2={24} y1={8} y2={8} stroke={style.colour} strokeWidth={3} />
                  <Marker shape={style.marker} x={28} y={8} colour={style.colour} size={5} />
                </svg>
                {labelOf(run.optimiser)}
              </th>
              <td
                data-testid={`surface-final-${run.optimiser}`}
                data-value={run.finalLoss}
                data-diverged={run.diverged}
              >
                {run.diverged ? <strong>diverged</strong> : formatLoss(run.finalLoss)}
              </td>
              <td data-testid={`surface-steps-${run.optimiser}`}>
                {run.diverged ? `stopped after ${run.stepsTaken}` : run.stepsTaken}
              </td>
            </tr>
          );
        })}
      </tbody>
    </table>
  );
}
