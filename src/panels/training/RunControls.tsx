import { useSyncExternalStore } from 'react';
import { gpuAdapterNote } from '../../core/gpuAdapter';
import {
  isActionEnabled,
  keyLabelOf,
  labActions,
  performAction,
  subscribeActions,
} from '../../state/actions/registry';
import { runMismatchOf } from '../../state/runFit';
import { useLabStore } from '../../state/store';
import { SPEED_LABELS, SPEEDS } from '../../state/trainingSettings';
import { choicesOf } from '../shared/choices';
import { SelectField } from '../shared/SelectField';

/** The buttons beside play: each runs its registered action and is enabled when the action is. */
const STEP_BUTTONS: readonly { action: string; label: string; testId?: string }[] = [
  { action: 'training.step', label: 'Step', testId: 'step' },
  { action: 'training.epoch', label: 'One epoch' },
  { action: 'training.reset', label: 'Reset', testId: 'reset' },
];

/** Play, pause, step, epoch, reset and the speed; the backend and throughput beside them. */
export function RunControls() {
  const run = useLabStore((s) => s.run);
  const speed = useLabStore((s) => s.speed);
  const setTraining = useLabStore((s) => s.setTraining);
  // The controls and the run's phase decide what is enabled: re-render when either changes.
  useLabStore((s) => s.controls);
  // A network that does not take the dataset's images: said before anyone presses Train.
  const mismatch = useLabStore(runMismatchOf);
  const actions = useSyncExternalStore(subscribeActions, labActions, labActions);
  // The keys line comes from the registry, so it says what the keys really do here.
  const keys = actions.filter((a) => a.key && a.panels?.includes('training'));
  const running = run.phase === 'running';
  const can = (id: string) => isActionEnabled(id);
  const adapterNote = run.backend ? gpuAdapterNote(run.backend, run.gpuAdapter) : null;
  return (
    <section className="card run-controls" aria-labelledby="run-heading">
      <h2 id="run-heading" className="visually-hidden">
        Run
      </h2>
      <div className="button-row">
        {running ? (
          <button
            type="button"
            className="primary"
            onClick={() => performAction('training.toggle')}
            data-testid="pause"
          >
            ❚❚ Pause
          </button>
        ) : (
          <button
            type="button"
            className="primary"
            onClick={() => performAction('training.toggle')}
            disabled={!can('training.toggle')}
            data-testid="play"
          >
            ▶ Train
          </button>
        )}
        {STEP_BUTTONS.map((b) => (
          <button
            key={b.action}
            type="button"
            onClick={() => performAction(b.action)}
            disabled={!can(b.action)}
            data-testid={b.testId}
          >
            {b.label}
          </button>
        ))}
        <SelectField
          className="field"
          label="Speed"
          value={speed}
          choices={choicesOf(SPEEDS, (s) => SPEED_LABELS[s])}
          onChange={(choice) => setTraining({ speed: choice })}
        />
      </div>
      <dl className="run-status" data-testid="run-status" data-phase={run.phase}>
        <div>
          <dt>Step</dt>
          <dd data-testid="run-step">{run.step.toLocaleString('en-US')}</dd>
        </div>
        <div>
          <dt>Epoch</dt>
          <dd>{run.epoch}</dd>
        </div>
        <div>
          <dt>Speed</dt>
          <dd>
            {run.samplesPerSecond > 0
              ? `${Math.round(run.samplesPerSecond).toLocaleString('en-US')} images/s`
              : '—'}
          </dd>
        </div>
        <div>
          <dt>Backend</dt>
          <dd data-testid="backend-line">
            <span data-testid="backend">{run.backend ?? 'starting…'}</span>
            {/* A space, so the line reads "wasm skipped…" as text; the note shows on a line of its own. */}
            {adapterNote && ' '}
            {adapterNote && (
              <span className="muted backend-adapter" data-testid="backend-adapter">
                {adapterNote}
              </span>
            )}
          </dd>
        </div>
      </dl>
      {mismatch && (
        <p role="alert" className="error-text" data-testid="run-mismatch">
          {mismatch}
        </p>
      )}
      {run.backendNote && <p className="muted small">{run.backendNote}</p>}
      {run.savedStep != null && (
        <p className="muted small" data-testid="run-saved">
          Kept in this browser at step {run.savedStep.toLocaleString('en-US')}: a reload comes back
          here.
        </p>
      )}
      {/* The engine's refusal of a misfit repeats the line above: said once. */}
      {run.message && !(mismatch && run.message.includes(mismatch)) && (
        <p
          role={run.phase === 'error' ? 'alert' : 'status'}
          className={run.phase === 'error' ? 'error-text' : ''}
        >
          {run.message}
        </p>
      )}
      <p className="muted small">
        Keys: {keys.map((a) => `${keyLabelOf(a)} ${a.label.toLowerCase()}`).join(' · ')}
      </p>
    </section>
  );
}
