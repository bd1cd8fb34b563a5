import { useEffect, useRef, useState } from 'react';
import { INIT_SCHEMES, type InitScheme } from '../../../core/initialisation';
import { SCHEME_CHECKPOINTS, type SchemeRunOutcome } from '../../../core/initialisationRuns';
import type { NetworkDocument } from '../../../core/network';
import { tickText } from '../../../viz/initialisation/histogramLayout';
import { EngineWait } from '../../shared/EngineWait';
import { RadioField } from '../../shared/RadioField';
import { HistogramChart } from './HistogramChart';
import { SCHEME_CHOICES, SKIPPED_TYPES } from './initialisationSettings';
import { JobProgress } from './JobProgress';
import type { InitialisationJob } from './useInitialisationJob';

/**
 * Row 10: per-layer histograms of activations and of ∂L/∂activation on a fixed batch, for
 * the chosen scheme, at step 0 and after training a side run; and whether the units of
 * each layer are still identical (the symmetry zero initialisation never breaks).
 */
export function SchemeSection({
  job,
  network,
  ready,
}: {
  readonly job: InitialisationJob;
  readonly network: NetworkDocument;
  /** True once the engine has the person's run set up (the side runs copy its settings). */
  readonly ready: boolean;
}) {
  const [scheme, setScheme] = useState<InitScheme>('he');
  const [shownStep, setShownStep] = useState(0);
  const requested = useRef<{ scheme: InitScheme; network: NetworkDocument } | null>(null);
  const { startSchemes, busy } = job;

  // Step 0 of the chosen scheme is measured as soon as it is chosen (it takes a moment).
  useEffect(() => {
    const last = requested.current;
    if (!ready || busy || (last && last.scheme === scheme && last.network === network)) return;
    requested.current = { scheme, network };
    setShownStep(0);
    startSchemes({ scheme, checkpoints: [0] });
  }, [ready, busy, scheme, network, startSchemes]);

  const outcome = job.schemes?.scheme === scheme ? job.schemes : null;
  const trained = (outcome?.snapshots.length ?? 0) > 1;
  const snapshot =
    outcome?.snapshots.find((s) => s.step === shownStep) ?? outcome?.snapshots.at(-1) ?? null;
  const train = () => {
    setShownStep(SCHEME_CHECKPOINTS.at(-1) ?? 0);
    startSchemes({ scheme, checkpoints: SCHEME_CHECKPOINTS });
  };
  const running = busy && job.status.state === 'running' && job.status.kind === 'schemes';
  return (
    <section className="card panel-main-figure" aria-labelledby="init-schemes-heading">
      <h2 id="init-schemes-heading">Activations and gradients, layer by layer</h2>
      <div className="init-controls">
        <RadioField
          legend="Initialisation"
          name="init-scheme"
          value={scheme}
          choices={SCHEME_CHOICES}
          onChange={setScheme}
          className="init-schemes"
        />
        <p className="small muted init-formula">
          {INIT_SCHEMES[scheme].formula}: {INIT_SCHEMES[scheme].help}
        </p>
        <div className="init-row">
          <button type="button" onClick={train} disabled={!ready || busy} data-testid="init-train">
            Train {SCHEME_CHECKPOINTS.at(-1)} steps and measure again
          </button>
          {trained && (
            <RadioField
              legend="Show step"
              name="init-step"
              value={snapshot?.step ?? 0}
              choices={(outcome?.snapshots ?? []).map((s) => ({
                value: s.step,
                label: String(s.step),
              }))}
              onChange={setShownStep}
            />
          )}
        </div>
        {running && <JobProgress job={job} unit="steps" />}
      </div>
      {job.stopped.schemes && <p role="alert">{job.stopped.schemes}</p>}
      {outcome && snapshot ? (
        <SchemeFigure outcome={outcome} step={snapshot.step} />
      ) : (
        <EngineWait waiting="Measuring the network…" />
      )}
    </section>
  );
}

function SchemeFigure({
  outcome,
  step,
}: {
  readonly outcome: SchemeRunOutcome;
  readonly step: number;
}) {
  const snapshot = outcome.snapshots.find((s) => s.step === step);
  if (!snapshot) return null;
  const spreads = snapshot.layers.flatMap((l) => (l.kernelSpread === null ? [] : [l.kernelSpread]));
  const spread = spreads.length ? Math.max(...spreads) : NaN;
  const unbroken = spread === 0;
  const label = INIT_SCHEMES[outcome.scheme].label;
  return (
    <div
      data-testid="init-figure"
      data-scheme={outcome.scheme}
      data-step={snapshot.step}
      data-steps={outcome.snapshots.map((s) => s.step).join(',')}
    >
      <p
        className={`init-symmetry ${unbroken ? 'unbroken' : ''}`}
        data-testid="init-symmetry"
        data-spread={spread}
        data-unbroken={String(unbroken)}
        role="status"
      >
        {unbroken ? (
          <>
            Symmetry unbroken at step {snapshot.step}: in every layer all units have identical
            weights (largest difference between two units&apos; weights: 0). Every unit computes the
            same thing and gets the same gradient, so training can never make them differ.
          </>
        ) : Number.isNaN(spread) ? (
          <>The weights are no longer numbers (NaN): this run diverged.</>
        ) : (
          <>
            Symmetry broken at step {snapshot.step}: units differ (largest difference between two
            units&apos; weights in a layer: {tickText(spread)}).
          </>
        )}
      </p>
      <p className="small muted">
        {label} on {outcome.network}, a side run with your seed and settings (your own run is not
        touched), measured on the first 64 training images; loss {tickText(snapshot.loss)}. Each
        chart keeps the axis of step 0, so you see the values spread or shrink.
      </p>
      <p className="small" id="init-key">
        In each layer: the top chart is its outputs, the lower one ∂L/∂output (the gradient
        backpropagation brings to it); across, the value; up, the share of the batch&apos;s values
        in each bar.
      </p>
      <ol className="init-layers">
        {snapshot.layers
          .filter((l) => !SKIPPED_TYPES.has(l.type))
          .map((l) => (
            <li key={l.layerIndex} className="init-layer">
              <h3>{l.name}</h3>
              <HistogramChart
                histogram={l.activation}
                summary={l.activationSummary}
                title={`Outputs of ${l.name} at step ${snapshot.step}`}
                xLabel="output"
              />
              <HistogramChart
                histogram={l.gradient}
                summary={l.gradientSummary}
                title={`∂L/∂output of ${l.name} at step ${snapshot.step}`}
                xLabel="∂L/∂output"
              />
              {l.kernelSpread !== null && (
                <p className="small muted">
                  units&apos; weights differ by up to {tickText(l.kernelSpread)}
                </p>
              )}
            </li>
          ))}
      </ol>
    </div>
  );
}
