import { isActionEnabled, performAction } from '../../state/actions/registry';
import { useLabStore } from '../../state/store';

/** Start from trained weights, or keep and reload a run as one file. */
export function CheckpointControls() {
  // Opening a file has no registered action (it takes the file); the controls also decide,
  // through the actions' rules, whether the buttons are enabled, so a change re-renders.
  const controls = useLabStore((s) => s.controls);
  const pretrained = useLabStore((s) => s.run.pretrained);
  return (
    <section className="card checkpoints" aria-labelledby="checkpoints-heading">
      <h2 id="checkpoints-heading">Trained weights</h2>
      <p className="muted small">
        The lab keeps your latest run in this browser, so a reload finds it again. A checkpoint file
        holds the weights, the settings and the curves together.
      </p>
      <div className="button-row">
        <button
          type="button"
          onClick={() => performAction('training.load-pretrained')}
          disabled={!isActionEnabled('training.load-pretrained')}
          data-testid="load-pretrained"
        >
          Load trained weights
        </button>
        <button
          type="button"
          onClick={() => performAction('training.download-checkpoint')}
          disabled={!isActionEnabled('training.download-checkpoint')}
        >
          Download checkpoint
        </button>
        <label className="file-button">
          Open a checkpoint
          <input
            type="file"
            accept=".json,application/json"
            onChange={(e) => {
              const file = e.target.files?.[0];
              if (file) controls?.loadCheckpoint(file);
              e.target.value = '';
            }}
          />
        </label>
      </div>
      {pretrained && <p className="small">These weights were trained ahead of time by the lab.</p>}
    </section>
  );
}
