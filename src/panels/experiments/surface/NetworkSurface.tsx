import { useEffect, useMemo, useState } from 'react';
import type { LandscapeOutcome, LandscapeStatus } from '../../../core/descent/landscape';
import { messageOf } from '../../../core/errors';
import { useLabStore } from '../../../state/store';
import { contourLayout, gridOfLandscape } from '../../../viz/surface/contourLayout';
import { ActionButton } from '../../shared/ActionButton';
import { NumberField } from '../../shared/NumberField';
import { CHART_HEIGHT, CHART_WIDTH, ContourChart } from './ContourChart';
import { formatLoss, GRID_SIZES } from './surfaceSettings';
import { Marker } from './Trajectories';

/** How often the page asks the worker how far the grid is. */
const POLL_MS = 250;

/**
 * The person's own network: its loss on a fixed batch of training images over a plane of
 * weight space through the current weights, spanned by two filter-normalised random
 * directions (Li et al. 2018). The worker computes it a row at a time and is polled.
 */
export function NetworkSurface() {
  const port = useLabStore((s) => s.experimentPorts);
  const phase = useLabStore((s) => s.run.phase);
  const step = useLabStore((s) => s.run.step);
  const pretrained = useLabStore((s) => s.run.pretrained);
  const [size, setSize] = useState(21);
  const [range, setRange] = useState(1);
  const [count, setCount] = useState(200);
  const [seed, setSeed] = useState(1);
  const [status, setStatus] = useState<LandscapeStatus>({ state: 'idle' });
  const [problem, setProblem] = useState<string | null>(null);
  const running = phase === 'running';
  const ready = port && phase !== 'idle' && phase !== 'starting' && phase !== 'error';

  useEffect(() => {
    if (!port || status.state !== 'running') return;
    let stopped = false;
    const timer = setTimeout(() => {
      port.lossSurfaceStatus().then(
        (next) => {
          if (!stopped) setStatus(next);
        },
        (error: unknown) => !stopped && setProblem(messageOf(error)),
      );
    }, POLL_MS);
    return () => {
      stopped = true;
      clearTimeout(timer);
    };
  }, [port, status]);

  const start = () => {
    if (!port) return;
    setProblem(null);
    port.startLossSurface({ size, range, count, seed }).then(
      () => setStatus({ state: 'running', done: 0, total: size * size }),
      (error: unknown) => setProblem(messageOf(error)),
    );
  };
  const busy = status.state === 'running';
  return (
    <>
      <div className="card surface-controls" role="group" aria-label="Network surface settings">
        <label className="stacked">
          Grid points per side
          <select
            value={size}
            onChange={(e) => setSize(Number(e.target.value))}
            data-testid="surface-net-size"
          >
            {GRID_SIZES.map((n) => (
              <option key={n} value={n}>
                {n} × {n}
              </option>
            ))}
          </select>
        </label>
        <NumberField
          label="Range (α, β from −r to r)"
          value={range}
          min={0.1}
          max={5}
          step={0.1}
          onChange={(v) => setRange(Math.min(5, Math.max(0.1, v)))}
        />
        <NumberField
          label="Training images"
          value={count}
          min={10}
          max={1000}
          step={10}
          onChange={(v) => setCount(Math.min(1000, Math.max(10, Math.round(v))))}
          testId="surface-net-count"
        />
        <NumberField
          label="Direction seed"
          value={seed}
          min={0}
          step={1}
          onChange={(v) => setSeed(Math.max(0, Math.round(v)))}
        />
        <button
          type="button"
          onClick={start}
          disabled={!ready || busy || running}
          data-testid="surface-net-run"
        >
          Compute the surface
        </button>
        <button type="button" onClick={() => void port?.cancelLossSurface()} disabled={!busy}>
          Cancel
        </button>
        <ActionButton action="training.load-pretrained" testId="surface-load-pretrained">
          Load trained weights
        </ActionButton>
      </div>
      <p className="small" data-testid="surface-net-weights">
        {pretrained
          ? `The network holds the lab's trained weights (step ${step.toLocaleString('en-US')}).`
          : `The network is at step ${step.toLocaleString('en-US')} of its run${step === 0 ? ' (untrained)' : ''}.`}
      </p>
      {running && (
        <p className="small">
          Pause training to compute the surface: it needs weights that hold still.
        </p>
      )}
      {status.state === 'running' && (
        <p role="status">
          <progress value={status.done} max={status.total} aria-label="Surface progress" />{' '}
          {status.done.toLocaleString('en-US')} of {status.total.toLocaleString('en-US')} points
        </p>
      )}
      {status.state === 'stopped' && <p role="alert">{status.message}</p>}
      {problem && <p role="alert">{problem}</p>}
      {status.state === 'done' ? (
        <NetworkPicture outcome={status.outcome} />
      ) : (
        <section className="card panel-main-figure" aria-label="The network's loss surface">
          <p>
            {busy
              ? 'Computing: each point moves every filter of the network and measures the loss again.'
              : 'Press “Compute the surface” to measure the network’s loss around its current weights.'}
          </p>
        </section>
      )}
    </>
  );
}

/** The computed surface, the current weights marked at its centre, and its numbers. */
function NetworkPicture({ outcome }: { readonly outcome: LandscapeOutcome }) {
  const layout = useMemo(
    () =>
      contourLayout(gridOfLandscape(outcome.losses, outcome.alphas, outcome.betas), {
        width: CHART_WIDTH,
        height: CHART_HEIGHT,
      }),
    [outcome],
  );
  const [cx, cy] = layout.toPixel([0, 0]);
  const { size, range } = outcome.request;
  return (
    <section className="card panel-main-figure" aria-labelledby="surface-net-heading">
      <h2 id="surface-net-heading">
        Loss around the weights of step {outcome.step.toLocaleString('en-US')}
      </h2>
      <div className="surface-figure">
        <div className="surface-chart">
          <ContourChart
            layout={layout}
            label={`Contours of the network's loss over a ${size} by ${size} grid of two random weight directions, α and β from −${range} to ${range}; the current weights at the centre have loss ${formatLoss(outcome.centreLoss)}.`}
            xLabel="α (direction δ)"
            yLabel="β (direction η)"
            testId="surface-net-contour"
          >
            <Marker shape="diamond" x={cx} y={cy} colour="white" size={7} />
          </ContourChart>
        </div>
        <dl className="surface-numbers">
          <div>
            <dt>Loss at the centre, α = β = 0</dt>
            <dd data-testid="surface-net-centre" data-value={outcome.centreLoss}>
              {formatLoss(outcome.centreLoss)}
            </dd>
          </div>
          <div>
            <dt>Loss of the current weights ({outcome.count} training images)</dt>
            <dd data-testid="surface-net-current" data-value={outcome.currentLoss}>
              {formatLoss(outcome.currentLoss)}
            </dd>
          </div>
          <div>
            <dt>Lowest and highest on the grid</dt>
            <dd>
              {formatLoss(layout.range[0])} to {formatLoss(layout.range[1])}
            </dd>
          </div>
        </dl>
      </div>
    </section>
  );
}
