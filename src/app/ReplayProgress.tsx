import { useLabStore } from '../state/store';
import './replayProgress.css';

/**
 * While a link's run is replayed from the seed (`train=N`, see engine/replay.ts): how far it
 * has come, on every panel, with a way to stop early. The step counter arrives a few times a
 * second (the run status is throttled), which is plenty for a bar.
 */
export function ReplayProgress() {
  const replay = useLabStore((s) => s.run.replay ?? null);
  const step = useLabStore((s) => s.run.step);
  const controls = useLabStore((s) => s.controls);
  if (!replay) return null;
  const { target } = replay;
  return (
    <div className="notice replay-progress" role="status" data-testid="replay-progress">
      <div className="notice-body">
        <strong>Replaying the link’s run from the seed</strong>
        <label className="replay-bar">
          Step {step.toLocaleString('en-US')} of {target.toLocaleString('en-US')}
          <progress max={target} value={Math.min(step, target)} />
        </label>
      </div>
      <div className="notice-actions">
        <button type="button" onClick={() => controls?.pause()} disabled={!controls}>
          Stop here
        </button>
      </div>
    </div>
  );
}
