import { useState } from 'react';
import { epsilonGrid, type AttackMethod, type SweepStatus } from '../../../core/adversarial';
import { messageOf } from '../../../core/errors';
import type { AdversarialPort } from '../../../state/experimentPorts/adversarial';
import { NumberField } from '../../shared/NumberField';
import { SWEEP_IMAGES, SWEEP_MAX_EPSILON, SWEEP_POINTS } from './adversarialSettings';
import { SweepChart } from './SweepChart';
import { usePolledStatus } from '../usePolledStatus';

/**
 * How many of the first N test images the attack flips at each ε: the robustness curve.
 * The sweep runs in the worker in batches, taking turns with training, and is polled.
 */
export function FlipSweep({
  port,
  method,
  steps,
  alpha,
  epsilon,
  running,
}: {
  readonly port: AdversarialPort | null;
  readonly method: AttackMethod;
  readonly steps: number;
  readonly alpha: number;
  readonly epsilon: number;
  /** True while training runs: the weights change under a sweep, so it waits for a pause. */
  readonly running: boolean;
}) {
  const [count, setCount] = useState(SWEEP_IMAGES);
  const [maxEpsilon, setMaxEpsilon] = useState(SWEEP_MAX_EPSILON);
  const [status, setStatus] = useState<SweepStatus>({ state: 'idle' });
  const [problem, setProblem] = useState<string | null>(null);

  usePolledStatus(port ? () => port.adversarialSweepStatus() : null, status, setStatus, (error) =>
    setProblem(messageOf(error)),
  );

  const start = () => {
    if (!port) return;
    setProblem(null);
    const request = {
      method,
      steps,
      alpha,
      count,
      epsilons: epsilonGrid(maxEpsilon, SWEEP_POINTS),
    };
    port.startAdversarialSweep(request).then(
      () => setStatus({ state: 'running', done: 0, total: count * SWEEP_POINTS }),
      (error: unknown) => setProblem(messageOf(error)),
    );
  };
  const busy = status.state === 'running';
  return (
    <section className="card adv-sweep" aria-labelledby="adv-sweep-heading">
      <h2 id="adv-sweep-heading">How many test images flip at each ε</h2>
      <p className="small muted">
        The same attack ({method === 'fgsm' ? 'FGSM' : `iterative, ${steps} steps of α`}) on the
        first test images, for {SWEEP_POINTS} values of ε from 0. A flip is a changed prediction.
      </p>
      <div className="adv-row">
        <NumberField
          label="Test images"
          value={count}
          min={10}
          max={2000}
          step={10}
          onChange={setCount}
        />
        <NumberField
          label="Largest ε"
          value={maxEpsilon}
          min={0.01}
          max={1}
          step={0.01}
          onChange={setMaxEpsilon}
        />
        <button
          type="button"
          onClick={start}
          disabled={!port || busy || running}
          data-testid="adv-sweep-run"
        >
          Run the sweep
        </button>
        <button type="button" onClick={() => void port?.cancelAdversarialSweep()} disabled={!busy}>
          Cancel
        </button>
      </div>
      {running && (
        <p className="small">Pause training to run the sweep: it needs weights that hold still.</p>
      )}
      {status.state === 'running' && (
        <p role="status">
          <progress value={status.done} max={status.total} aria-label="Sweep progress" />{' '}
          {status.done.toLocaleString('en-US')} of {status.total.toLocaleString('en-US')} attacks
        </p>
      )}
      {status.state === 'stopped' && <p role="alert">{status.message}</p>}
      {problem && <p role="alert">{problem}</p>}
      {status.state === 'done' && <SweepChart outcome={status.outcome} epsilon={epsilon} />}
    </section>
  );
}
