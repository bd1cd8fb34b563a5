import { useLabStore } from '../../state/store';
import { CheckpointControls } from './CheckpointControls';
import { ConfusionMatrix } from './ConfusionMatrix';
import { HyperParameters } from './HyperParameters';
import { LearningCurves } from './LearningCurves';
import { PredictionBars } from './PredictionBars';
import { RunControls } from './RunControls';
import './training.css';

/** Train the current network live on the chosen dataset and watch it learn. */
export function TrainingPanel() {
  const status = useLabStore((s) => s.datasetStatus[s.dataset]);
  const data = status?.state === 'ready' ? status.data : null;
  return (
    <section className="panel training-panel" aria-labelledby="training-title">
      <h1 id="training-title">Training</h1>
      <RunControls />
      <div className="training-layout">
        <div>
          <LearningCurves />
          {data && <PredictionBars classNames={data.info.classNames} />}
        </div>
        <div>
          <HyperParameters />
          <CheckpointControls />
        </div>
      </div>
      {status?.state === 'error' && (
        <div role="alert" className="card load-error">
          {status.message}
        </div>
      )}
      {data && <ConfusionMatrix test={data.test} classNames={data.info.classNames} />}
    </section>
  );
}
