import { useEffect, useState } from 'react';
import { messageOf } from '../../../core/errors';
import {
  SHIFT_NETWORKS,
  type ShiftOutcome,
  type ShiftRequest,
  type ShiftStatus,
} from '../../../core/shiftInvariance';
import type { ShiftPort } from '../../../state/experimentPorts/shift';
import { usePolledStatus } from '../usePolledStatus';

/**
 * The experiment's life on the page: start, poll while it runs, cancel; the last finished
 * outcome is kept until a new run finishes (or is started), and picked up again when the tab
 * is reopened, since the worker keeps it.
 */
export function useShiftRun(port: ShiftPort | null) {
  const [status, setStatus] = useState<ShiftStatus>({ state: 'idle' });
  const [problem, setProblem] = useState<string | null>(null);

  // The worker keeps the last status: reopening the tab shows the result (or the progress) again.
  useEffect(() => {
    if (!port) return;
    let current = true;
    port.shiftExperimentStatus().then(
      (next) => current && setStatus(next),
      () => undefined,
    );
    return () => {
      current = false;
    };
  }, [port]);

  usePolledStatus(port ? () => port.shiftExperimentStatus() : null, status, setStatus, (error) =>
    setProblem(messageOf(error)),
  );

  const start = (request: ShiftRequest) => {
    if (!port) return;
    setProblem(null);
    port.startShiftExperiment(request).then(
      () =>
        setStatus({
          state: 'running',
          network: 'mlp',
          phase: 'training',
          done: 0,
          total: request.steps,
        }),
      (error: unknown) => setProblem(messageOf(error)),
    );
  };
  const cancel = () => {
    port?.cancelShiftExperiment().catch((error: unknown) => setProblem(messageOf(error)));
  };
  const outcome: ShiftOutcome | null = status.state === 'done' ? status.outcome : null;
  return { status, problem, outcome, start, cancel };
}

/** "Training the MLP: step 120 of 300", with a bar over both networks' work. */
export function ShiftProgress({
  status,
  steps,
}: {
  readonly status: Extract<ShiftStatus, { state: 'running' }>;
  readonly steps: number;
}) {
  const index = SHIFT_NETWORKS.findIndex((n) => n.id === status.network);
  const network = SHIFT_NETWORKS[index];
  const name = network ? `${network.label} (${network.title})` : status.network;
  // Training counts one unit a step; testing, the whole set at one shift, a tenth of the training.
  const share = Math.max(1, Math.round(steps / 10));
  const perNetwork = steps + share;
  const done =
    Math.max(0, index) * perNetwork +
    (status.phase === 'training'
      ? status.done
      : steps + Math.round((status.done / Math.max(1, status.total)) * share));
  return (
    <p role="status" className="shift-progress" data-testid="shift-progress">
      <progress
        value={done}
        max={perNetwork * SHIFT_NETWORKS.length}
        aria-label="Shift experiment progress"
      />{' '}
      {status.phase === 'training'
        ? `Training the ${name}: step ${status.done} of ${status.total}`
        : `Testing the ${name} on shifted digits: ${status.done} of ${status.total} shifts`}
      {` (network ${index + 1} of ${SHIFT_NETWORKS.length})`}
    </p>
  );
}
