import { useState } from 'react';
import { selectInputImage } from '../../state/selectedInput';
import { selectReport, useLabStore } from '../../state/store';
import { ChainRuleCard } from './ChainRuleCard';
import { resolveChain, type ChainChoice } from './chainChoice';
import { DenseUnitCard } from './DenseUnitCard';
import { GradientCheckCard } from './GradientCheckCard';
import { SoftmaxCard } from './SoftmaxCard';
import { TinyNetCard } from './TinyNetCard';
import './maths.css';

const NO_NAMES: readonly string[] = [];

/**
 * The maths behind the forward and backward pass, each formula filled with the numbers the
 * engine reports for the selected input (refreshed while it trains), and the lecture's
 * tiny network worked through by hand.
 */
export function MathsPanel() {
  const report = useLabStore(selectReport);
  const inspection = useLabStore((s) => s.inspection);
  const runMessage = useLabStore((s) => s.run.message);
  const phase = useLabStore((s) => s.run.phase);
  const selected = useLabStore(selectInputImage);
  const classNames = useLabStore((s) => {
    const status = s.datasetStatus[s.dataset];
    return status?.state === 'ready' ? status.data.info.classNames : NO_NAMES;
  });
  const [choice, setChoice] = useState<ChainChoice>({ layerIndex: null, i: null, j: null });
  const chain = inspection ? resolveChain(report, inspection, choice) : null;
  const name = (k: number) => classNames[k] ?? String(k);
  return (
    <section className="panel maths-panel" aria-labelledby="maths-title">
      <h1 id="maths-title">The maths with its numbers</h1>
      {inspection ? (
        <p className="maths-status" data-testid="maths-status">
          {selected.ok ? selected.image.description : 'The selected input'}: true class{' '}
          <strong>{name(inspection.label)}</strong>, predicted{' '}
          <strong>{name(inspection.predicted)}</strong>, after {inspection.step} training steps
          {phase === 'running' ? ' (training: the numbers follow it)' : ''}.
        </p>
      ) : (
        <p className="maths-status muted" aria-live="polite" data-testid="maths-waiting">
          {selected.ok
            ? (runMessage ??
              'Starting the engine… the formulas fill in when it reports on the input.')
            : selected.reason}
        </p>
      )}
      {inspection && (
        <>
          <div className="panel-main-figure">
            <DenseUnitCard report={report} inspection={inspection} />
          </div>
          <SoftmaxCard inspection={inspection} classNames={classNames} />
          <ChainRuleCard
            report={report}
            inspection={inspection}
            chain={chain}
            onChoice={setChoice}
          />
          <GradientCheckCard report={report} inspection={inspection} chain={chain} />
        </>
      )}
      <TinyNetCard />
    </section>
  );
}
