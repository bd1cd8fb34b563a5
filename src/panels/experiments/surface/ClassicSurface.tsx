import { useMemo, useState } from 'react';
import {
  DEFAULT_CONDITION,
  isInDomain,
  SURFACE_FUNCTION_IDS,
  surfaceFunctionOf,
  type Point2,
  type SurfaceFunctionId,
} from '../../../core/descent/functions';
import {
  batchNoiseStd,
  DESCENT_OPTIMISERS,
  runDescent,
  type DescentOptimiserId,
} from '../../../core/descent/optimisers';
import { contourLayout, sampleSurface } from '../../../viz/surface/contourLayout';
import { NumberField, RangeField } from '../../shared/NumberField';
import { CHART_HEIGHT, CHART_WIDTH, ContourChart } from './ContourChart';
import { DescentReadout } from './DescentReadout';
import {
  BATCH_SIZES,
  batchText,
  exponentOf,
  learningRateOf,
  LR_EXPONENT,
  OPTIMISER_STYLES,
} from './surfaceSettings';
import { Trajectories } from './Trajectories';

/** Grid cells per side the contours are drawn from: fine enough for smooth lines, cheap to redo. */
const GRID = 90;

const round3 = (v: number) => Math.round(v * 1000) / 1000;

/**
 * The classic functions: the chosen optimisers walk one of them from a start point a click
 * picks, every setting live. It is all computed in the page (a few thousand gradient
 * evaluations), so every change redraws at once.
 */
export function ClassicSurface() {
  const [functionId, setFunctionId] = useState<SurfaceFunctionId>('bowl');
  const [condition, setCondition] = useState(DEFAULT_CONDITION);
  const fn = useMemo(() => surfaceFunctionOf(functionId, condition), [functionId, condition]);
  const [start, setStart] = useState<Point2>(fn.start);
  const [lrExponent, setLrExponent] = useState(exponentOf(fn.learningRate));
  const [adamExponent, setAdamExponent] = useState(exponentOf(fn.adamLearningRate));
  const [momentum, setMomentum] = useState(0.9);
  const [batchIndex, setBatchIndex] = useState(BATCH_SIZES.length - 1);
  const [steps, setSteps] = useState(150);
  const [seed, setSeed] = useState(1);
  const [shown, setShown] = useState<readonly DescentOptimiserId[]>(['sgd', 'momentum', 'adam']);

  const chooseFunction = (id: SurfaceFunctionId) => {
    const next = surfaceFunctionOf(id, condition);
    setFunctionId(id);
    setStart(next.start);
    setLrExponent(exponentOf(next.learningRate));
    setAdamExponent(exponentOf(next.adamLearningRate));
  };
  const learningRate = learningRateOf(lrExponent);
  const adamLearningRate = learningRateOf(adamExponent);
  const batchSize = BATCH_SIZES[batchIndex] ?? Infinity;
  const noise = batchNoiseStd(fn.exampleNoise, batchSize);

  const layout = useMemo(
    () =>
      contourLayout(sampleSurface(fn.value, fn.domain, GRID, GRID), {
        width: CHART_WIDTH,
        height: CHART_HEIGHT,
      }),
    [fn],
  );
  const runs = useMemo(
    () =>
      DESCENT_OPTIMISERS.filter((o) => shown.includes(o.id)).map((o) =>
        runDescent(fn, o.id, start, {
          learningRate,
          adamLearningRate,
          momentum,
          batchSize,
          steps,
          seed,
        }),
      ),
    [fn, shown, start, learningRate, adamLearningRate, momentum, batchSize, steps, seed],
  );
  const setStartWithin = (p: Point2) => {
    if (isInDomain(p, fn.domain)) setStart([round3(p[0]), round3(p[1])]);
  };

  return (
    <>
      <div className="card surface-controls" role="group" aria-label="Descent settings">
        <label className="stacked">
          Function
          <select
            value={functionId}
            onChange={(e) => {
              const id = SURFACE_FUNCTION_IDS.find((f) => f === e.target.value);
              if (id) chooseFunction(id);
            }}
            data-testid="surface-function"
          >
            {SURFACE_FUNCTION_IDS.map((id) => (
              <option key={id} value={id}>
                {surfaceFunctionOf(id, condition).label}
              </option>
            ))}
          </select>
        </label>
        {functionId === 'bowl' && (
          <RangeField
            label="Condition number κ"
            value={condition}
            min={1}
            max={100}
            step={1}
            onChange={setCondition}
            testId="surface-condition"
          >
            <output>{condition}</output>
          </RangeField>
        )}
        <RangeField
          label="Learning rate η (SGD, momentum, Nesterov)"
          value={lrExponent}
          min={LR_EXPONENT.min}
          max={LR_EXPONENT.max}
          step={LR_EXPONENT.step}
          onChange={setLrExponent}
          testId="surface-lr"
        >
          <output data-testid="surface-lr-value">{learningRate}</output>
        </RangeField>
        <RangeField
          label="Adam's learning rate"
          value={adamExponent}
          min={LR_EXPONENT.min}
          max={LR_EXPONENT.max}
          step={LR_EXPONENT.step}
          onChange={setAdamExponent}
          testId="surface-adam-lr"
        >
          <output>{adamLearningRate}</output>
        </RangeField>
        <RangeField
          label="Momentum μ"
          value={momentum}
          min={0}
          max={0.99}
          step={0.01}
          onChange={setMomentum}
          testId="surface-momentum"
        >
          <output>{momentum.toFixed(2)}</output>
        </RangeField>
        <RangeField
          label="Mini-batch size"
          value={batchIndex}
          min={0}
          max={BATCH_SIZES.length - 1}
          step={1}
          onChange={setBatchIndex}
          testId="surface-batch"
        >
          <output>{batchText(batchSize, noise)}</output>
        </RangeField>
        <RangeField
          label="Steps"
          value={steps}
          min={1}
          max={1000}
          step={1}
          onChange={setSteps}
          testId="surface-steps"
        >
          <output>{steps}</output>
        </RangeField>
        <NumberField
          label="Start x"
          value={start[0]}
          min={fn.domain.x[0]}
          max={fn.domain.x[1]}
          step={0.1}
          onChange={(x) => setStartWithin([x, start[1]])}
          testId="surface-start-x"
        />
        <NumberField
          label="Start y"
          value={start[1]}
          min={fn.domain.y[0]}
          max={fn.domain.y[1]}
          step={0.1}
          onChange={(y) => setStartWithin([start[0], y])}
          testId="surface-start-y"
        />
        <NumberField
          label="Noise seed"
          value={seed}
          min={0}
          step={1}
          onChange={(v) => setSeed(Math.max(0, Math.round(v)))}
        />
        <fieldset className="surface-optimisers">
          <legend>Optimisers</legend>
          {DESCENT_OPTIMISERS.map((o) => (
            <label key={o.id}>
              <input
                type="checkbox"
                checked={shown.includes(o.id)}
                onChange={(e) =>
                  setShown(e.target.checked ? [...shown, o.id] : shown.filter((id) => id !== o.id))
                }
              />
              <span
                className="swatch"
                style={{ background: OPTIMISER_STYLES[o.id].colour }}
                aria-hidden="true"
              />
              {o.label}
            </label>
          ))}
        </fieldset>
      </div>
      <section className="card panel-main-figure" aria-labelledby="surface-classic-heading">
        <h2 id="surface-classic-heading">
          {fn.label}: {fn.formula}
        </h2>
        <p className="small muted">Click the plot to start the runs from there.</p>
        <div className="surface-figure">
          <div className="surface-chart">
            <ContourChart
              layout={layout}
              label={`Contours of ${fn.label} with the paths of ${runs.map((r) => r.optimiser).join(', ')} from (${start[0]}, ${start[1]}).`}
              xLabel="x"
              yLabel="y"
              onPick={setStartWithin}
              testId="surface-contour"
            >
              <Trajectories runs={runs} start={start} layout={layout} />
            </ContourChart>
          </div>
          <DescentReadout runs={runs} minimum={fn.minimum} />
        </div>
      </section>
    </>
  );
}
