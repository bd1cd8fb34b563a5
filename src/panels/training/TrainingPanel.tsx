import { useLabStore } from '../../state/store';
import { HiddenNote, useHidden } from '../shared/HiddenNote';
import { CheckpointControls } from './CheckpointControls';
import { ConfusionMatrix } from './ConfusionMatrix';
import { HyperParameters } from './HyperParameters';
import { LearningCurves } from './LearningCurves';
import { PredictionBars } from './PredictionBars';
import { RunControls } from './RunControls';
import { RunsCard } from './RunsCard';
import './training.css';

/** Train the current network live on the chosen dataset and watch it learn. */
export function TrainingPanel() {
  const status = useLabStore((s) => s.datasetStatus[s.dataset]);
  const data = status?.state === 'ready' ? status.data : null;
  // A lesson step or an exercise link may hide these (hide=curves,hyper-parameters).
  const curves = !useHidden('curves');
  const hyperParameters = !useHidden('hyper-parameters');
  return (
    <section className="panel training-panel" aria-labelledby="training-title">
      <h1 id="training-title">Training</h1>
      <HiddenNote parts={['hyper-parameters', 'curves']} />
      <RunControls />
      <div className="training-layout">
        <div>
          {curves && (
            <div className="panel-main-figure">
              <LearningCurves />
            </div>
          )}
          {data && <PredictionBars classNames={data.info.classNames} />}
        </div>
        <div>
          {hyperParameters && <HyperParameters />}
          <CheckpointControls />
        </div>
      </div>
      <RunsCard />
      {status?.state === 'error' && (
        <div role="alert" className="card load-error">
          {status.message}
        </div>
      )}
      {data && <ConfusionMatrix test={data.test} classNames={data.info.classNames} />}
    </section>
  );
}
