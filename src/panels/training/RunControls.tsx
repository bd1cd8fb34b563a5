import { useEffect } from 'react';
import { useLabStore } from '../../state/store';
import { SPEED_LABELS, SPEEDS, type SpeedChoice } from '../../state/trainingSettings';

/** Keys that drive training while the training panel is open and no text box has focus. */
export const SHORTCUTS = [
  { key: 'Space', action: 'play or pause' },
  { key: 'S', action: 'one step (one batch)' },
  { key: 'E', action: 'one epoch' },
  { key: 'R', action: 'reset to the seed' },
] as const;

const isTyping = (target: EventTarget | null) =>
  target instanceof HTMLElement &&
  (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName));

/** Play, pause, step, epoch, reset and the speed; the backend and throughput beside them. */
export function RunControls() {
  const controls = useLabStore((s) => s.controls);
  const run = useLabStore((s) => s.run);
  const speed = useLabStore((s) => s.speed);
  const setTraining = useLabStore((s) => s.setTraining);
  const running = run.phase === 'running';
  const busy = run.phase === 'starting' || !controls;
  useEffect(() => {
    const onKey = (e: KeyboardEvent) => {
      if (!controls || isTyping(e.target) || e.ctrlKey || e.metaKey || e.altKey) return;
      const key = e.key.toLowerCase();
      if (key === ' ')
        (useLabStore.getState().run.phase === 'running' ? controls.pause : controls.play)();
      else if (key === 's') controls.step();
      else if (key === 'e') controls.epoch();
      else if (key === 'r') controls.reset();
      else return;
      e.preventDefault();
    };
    window.addEventListener('keydown', onKey);
    return () => window.removeEventListener('keydown', onKey);
  }, [controls]);
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
            onClick={() => controls?.pause()}
            data-testid="pause"
          >
            ❚❚ Pause
          </button>
        ) : (
          <button
            type="button"
            className="primary"
            onClick={() => controls?.play()}
            disabled={busy}
            data-testid="play"
          >
            ▶ Train
          </button>
        )}
        <button
          type="button"
          onClick={() => controls?.step()}
          disabled={busy || running}
          data-testid="step"
        >
          Step
        </button>
        <button type="button" onClick={() => controls?.epoch()} disabled={busy || running}>
          One epoch
        </button>
        <button type="button" onClick={() => controls?.reset()} disabled={busy} data-testid="reset">
          Reset
        </button>
        <label className="field">
          Speed
          <select
            value={speed}
            onChange={(e) => setTraining({ speed: e.target.value as SpeedChoice })}
          >
            {SPEEDS.map((s) => (
              <option key={s} value={s}>
                {SPEED_LABELS[s]}
              </option>
            ))}
          </select>
        </label>
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
          <dd data-testid="backend">{run.backend ?? 'starting…'}</dd>
        </div>
      </dl>
      {run.backendNote && <p className="muted small">{run.backendNote}</p>}
      {run.message && (
        <p
          role={run.phase === 'error' ? 'alert' : 'status'}
          className={run.phase === 'error' ? 'error-text' : ''}
        >
          {run.message}
        </p>
      )}
      <p className="muted small">
        Keys: {SHORTCUTS.map((s) => `${s.key} ${s.action}`).join(' · ')}
      </p>
    </section>
  );
}
