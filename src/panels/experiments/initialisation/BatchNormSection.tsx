import { useMemo, useState } from 'react';
import { analyzeNetwork } from '../../../core/analyze';
import {
  hasBatchNormAfterEveryConv,
  withBatchNormAfterConvs,
  withoutBatchNormAfterConvs,
} from '../../../core/batchNormEdits';
import type { NetworkDocument } from '../../../core/network';
import { useLabStore } from '../../../state/store';
import { NumberField } from '../../shared/NumberField';
import { HistogramChart } from './HistogramChart';
import { BATCH_NORM_STEPS } from './initialisationSettings';
import { JobProgress } from './JobProgress';
import { LossCurves } from './LossCurves';
import type { InitialisationJob } from './useInitialisationJob';

const count = (n: number) => n.toLocaleString('en-US');

/**
 * Row 11: the one toggle that puts a batch norm after every convolution of the person's
 * network (or takes them out), and a comparison of two side runs, without and with.
 */
export function BatchNormSection({
  job,
  network,
  ready,
}: {
  readonly job: InitialisationJob;
  readonly network: NetworkDocument;
  readonly ready: boolean;
}) {
  const editNetwork = useLabStore((s) => s.editNetwork);
  const [steps, setSteps] = useState(BATCH_NORM_STEPS);
  const counts = useMemo(() => {
    const without = analyzeNetwork(withoutBatchNormAfterConvs(network));
    const withBn = analyzeNetwork(withBatchNormAfterConvs(network));
    return {
      convs: analyzeNetwork(network).layers.filter((l) => l.type === 'conv2d').length,
      params: withBn.totalParams - without.totalParams,
      state: withBn.totalState - without.totalState,
      total: analyzeNetwork(network).totalParams,
    };
  }, [network]);
  const on = hasBatchNormAfterEveryConv(network);
  const outcome = job.batchNorm;
  const running = job.status.state === 'running' && job.status.kind === 'batchnorm';
  return (
    <section className="card" aria-labelledby="init-bn-heading">
      <h2 id="init-bn-heading">Batch normalisation</h2>
      <p>
        Batch norm standardises each channel over the batch, x̂ = (x − μ_B) / √(σ²_B + ε), then
        scales and shifts it by a learned γ and β (Ioffe and Szegedy, 2015). Every layer then gets
        inputs of a steady scale however the weights started or move, so a larger learning rate is
        safe and a poor initialisation matters less.
      </p>
      <label className="init-toggle">
        <input
          type="checkbox"
          checked={on}
          disabled={counts.convs === 0}
          onChange={(e) =>
            editNetwork(e.target.checked ? withBatchNormAfterConvs : withoutBatchNormAfterConvs)
          }
          data-testid="init-bn-toggle"
        />
        Batch norm after every convolution (in your network)
      </label>
      <p className="small" data-testid="init-bn-counts">
        {counts.convs === 0
          ? 'This network has no convolution to put a batch norm after.'
          : `${count(counts.convs)} convolution${counts.convs === 1 ? '' : 's'}: batch norm adds ${count(counts.params)} trainable parameters (γ and β, 2 per channel) and ${count(counts.state)} running statistics (mean and variance). Your network has ${count(counts.total)} trainable parameters now.`}
      </p>
      <div className="init-row">
        <NumberField
          label="Steps per run"
          value={steps}
          min={10}
          max={2000}
          step={10}
          onChange={(v) => setSteps(Math.min(2000, Math.max(10, Math.round(v))))}
        />
        <button
          type="button"
          disabled={!ready || job.busy || counts.convs === 0}
          onClick={() => job.startBatchNorm({ steps })}
          data-testid="init-bn-compare"
        >
          Train without and with batch norm
        </button>
      </div>
      {running && <JobProgress job={job} unit="steps of the two runs" />}
      {job.stopped.batchnorm && <p role="alert">{job.stopped.batchnorm}</p>}
      {outcome && (
        <>
          <h3>Training loss, same seed and steps</h3>
          <LossCurves
            curves={[
              { label: 'without batch norm', losses: outcome.lossWithout, className: 'without' },
              { label: 'with batch norm', losses: outcome.lossWith, className: 'with' },
            ]}
          />
          <h3>Before and after {outcome.layer.name}, at step 0</h3>
          <div className="init-pair">
            <HistogramChart
              histogram={outcome.layer.before}
              summary={outcome.layer.beforeSummary}
              title="The convolution's outputs, into batch norm"
              xLabel="before batch norm"
              testId="init-bn-before"
            />
            <HistogramChart
              histogram={outcome.layer.after}
              summary={outcome.layer.afterSummary}
              title="Batch norm's outputs"
              xLabel="after batch norm"
              testId="init-bn-after"
            />
          </div>
          <p className="small muted">
            The lab&apos;s convolutions apply their ReLU themselves, so here batch norm comes after
            it (Ioffe and Szegedy put it before the non-linearity; both are common). The zeros of
            the ReLU become one negative value per channel, the tall bars just left of 0. With γ = 1
            and β = 0 at the start, each channel leaves batch norm with mean 0 and standard
            deviation 1 over the batch (just under 1: ε = 0.001 sits under the root). Training then
            moves γ and β where the loss wants them.
          </p>
        </>
      )}
    </section>
  );
}
