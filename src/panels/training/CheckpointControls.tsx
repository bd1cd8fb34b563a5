import { useLabStore } from '../../state/store';
import { ActionButton } from '../shared/ActionButton';

/** Start from trained weights, or keep and reload a run as one file. */
export function CheckpointControls() {
  // Opening a file has no registered action (it takes the file), so it asks the controls.
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
        <ActionButton action="training.load-pretrained" testId="load-pretrained">
          Load trained weights
        </ActionButton>
        <ActionButton action="training.download-checkpoint">Download checkpoint</ActionButton>
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
