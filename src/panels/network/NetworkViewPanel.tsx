import { useCallback } from 'react';
import type { PassStage } from '../../state/passStage';
import { selectInputImage } from '../../state/selectedInput';
import { selectReport, useLabStore } from '../../state/store';
import { stageAt, stageIndex } from '../../viz/network/stages';
import { ActionButton } from '../shared/ActionButton';
import { EngineWait } from '../shared/EngineWait';
import { GradientFlow } from './GradientFlow';
import { LayerGraph } from './LayerGraph';
import { PassControls } from './PassControls';
import { StageDetail } from './StageDetail';
import './network.css';

/** Compact play / pause for training, so the view can be watched while the network learns. */
function TrainingToggle() {
  const controls = useLabStore((s) => s.controls);
  const phase = useLabStore((s) => s.run.phase);
  const step = useLabStore((s) => s.run.step);
  if (!controls) return null;
  const running = phase === 'running';
  return (
    <div className="pass-training" role="group" aria-label="Training">
      {/* The action would allow a retry after an error; this compact toggle never did. */}
      <ActionButton action="training.toggle" disabled={phase === 'error'} testId="pass-train">
        {running ? '⏸ Pause training' : '▶ Train'}
      </ActionButton>
      <ActionButton action="training.step">One step</ActionButton>
      <span className="muted small" data-testid="pass-train-step">
        step {step.toLocaleString('en-US')}
      </span>
    </div>
  );
}

/** The forward and backward passes of the current network for the selected input, layer by layer. */
export function NetworkViewPanel() {
  const report = useLabStore(selectReport);
  const inspection = useLabStore((s) => s.inspection);
  const stored = useLabStore((s) => s.passStage);
  const setPassStage = useLabStore((s) => s.setPassStage);
  const input = useLabStore(selectInputImage);
  const layers = report.layers.length;
  const stage = stageAt(stageIndex(stored, layers), layers);
  const onStage = useCallback((s: PassStage) => setPassStage(s), [setPassStage]);
  return (
    <section className="panel network-panel" aria-labelledby="network-title">
      <h1 id="network-title">Forward and backward passes</h1>
      <p className="muted">
        The selected input flows through {report.name} layer by layer; then the gradient of the loss
        flows back. Step through it, or play it.
      </p>
      <TrainingToggle />
      {!inspection ? (
        <EngineWait waiting="Waiting for the engine to run the selected input…" />
      ) : (
        <>
          <PassControls stage={stage} layers={layers} onStage={onStage} />
          <section className="card panel-main-figure" aria-labelledby="graph-heading">
            <h2 id="graph-heading">
              The network · {stage.pass === 'f' ? 'forward pass' : 'backward pass'} · after{' '}
              {inspection.step.toLocaleString('en-US')} training steps
            </h2>
            <p className="muted small">
              Each layer’s output for the selected input (first four channels, one grey range per
              layer; signed values blue–white–red). On the way back, the layers the gradient has
              reached show ∂L/∂(output) on a blue–white–red map centred on 0.
            </p>
            <LayerGraph
              report={report}
              inspection={inspection}
              stage={stage}
              onChoose={(layer) => onStage({ pass: stage.pass, layer })}
            />
          </section>
          <StageDetail report={report} inspection={inspection} stage={stage} input={input} />
        </>
      )}
      <GradientFlow report={report} />
    </section>
  );
}
