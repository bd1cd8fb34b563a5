import { useMemo, useState } from 'react';
import { errorsByDegree, polyData, polyFit, polyMse } from '../../../core/polyfit';
import { NumberField, RangeField } from '../../shared/NumberField';
import { ErrorChart } from './ErrorChart';
import { FitChart } from './FitChart';
import { formatError, LAMBDAS, MAX_DEGREE, TEST_COUNT } from './overfittingSettings';
import './overfitting.css';

/**
 * Capacity made visible: a polynomial of degree d fitted to a few noisy points of sin(πx),
 * its error on those points and on held-out ones, and both errors for every degree, so the
 * U of the held-out error (too simple, right, memorising the noise) shows at a glance.
 * Everything is computed in the page: it is small exact linear algebra, not training.
 */
export function OverfittingExperiment() {
  const [degree, setDegree] = useState(3);
  const [noise, setNoise] = useState(0.2);
  const [count, setCount] = useState(15);
  const [lambdaIndex, setLambdaIndex] = useState(0);
  const [seed, setSeed] = useState(1);
  const lambda = LAMBDAS[lambdaIndex] ?? 0;

  const data = useMemo(
    () => polyData({ seed, count, testCount: TEST_COUNT, noise }),
    [seed, count, noise],
  );
  const errors = useMemo(() => errorsByDegree(data, MAX_DEGREE, lambda), [data, lambda]);
  const coefficients = useMemo(() => polyFit(data.train, degree, lambda), [data, degree, lambda]);
  const train = polyMse(coefficients, data.train);
  const test = polyMse(coefficients, data.test);
  const best = errors.reduce((a, b) => (b.test < a.test ? b : a));

  return (
    <div className="overfitting">
      <div className="card overfit-controls" role="group" aria-label="Polynomial fit settings">
        <RangeField
          label="Degree"
          value={degree}
          min={0}
          max={MAX_DEGREE}
          step={1}
          onChange={setDegree}
          testId="overfit-degree"
        >
          <output>{degree}</output>
        </RangeField>
        <RangeField
          label="Noise (σ)"
          value={noise}
          min={0}
          max={1}
          step={0.05}
          onChange={setNoise}
          testId="overfit-noise"
        >
          <output>{noise.toFixed(2)}</output>
        </RangeField>
        <RangeField
          label="Training points"
          value={count}
          min={4}
          max={60}
          step={1}
          onChange={setCount}
          testId="overfit-count"
        >
          <output>{count}</output>
        </RangeField>
        <RangeField
          label="L2 penalty λ"
          value={lambdaIndex}
          min={0}
          max={LAMBDAS.length - 1}
          step={1}
          onChange={setLambdaIndex}
          testId="overfit-lambda"
        >
          <output>{lambda === 0 ? '0 (off)' : lambda.toExponential(0)}</output>
        </RangeField>
        <NumberField
          label="Seed"
          value={seed}
          min={0}
          step={1}
          onChange={(v) => setSeed(Math.max(0, Math.round(v)))}
          testId="overfit-seed"
        />
      </div>

      <div className="overfit-figures">
        <section className="card panel-main-figure" aria-labelledby="overfit-fit-heading">
          <h2 id="overfit-fit-heading">The fit, degree {degree}</h2>
          <FitChart coefficients={coefficients} data={data} degree={degree} />
          <dl className="overfit-errors" data-testid="overfit-errors">
            <div>
              <dt>Training error (MSE)</dt>
              <dd data-testid="overfit-train-error" data-value={train}>
                {formatError(train)}
              </dd>
            </div>
            <div>
              <dt>Held-out error (MSE)</dt>
              <dd data-testid="overfit-test-error" data-value={test}>
                {formatError(test)}
              </dd>
            </div>
            <div>
              <dt>Lowest held-out error</dt>
              <dd data-testid="overfit-best-degree">
                degree {best.degree} ({formatError(best.test)})
              </dd>
            </div>
          </dl>
        </section>
        <section className="card" aria-labelledby="overfit-chart-heading">
          <h2 id="overfit-chart-heading">Error against degree</h2>
          <ErrorChart errors={errors} degree={degree} onPick={setDegree} />
        </section>
      </div>

      <section className="card overfit-notes" aria-labelledby="overfit-notes-heading">
        <h2 id="overfit-notes-heading">Capacity and regularisation</h2>
        <p>
          A polynomial of degree d has d + 1 coefficients: its capacity. Too few and it cannot
          follow the curve (underfitting: both errors high). Enough, and both errors are low. More,
          and it bends to pass through the noise of its {count} points: the training error keeps
          falling, to 0 once it has as many coefficients as points, while the error on the{' '}
          {TEST_COUNT} held-out points climbs (overfitting). The goal is both a small training error
          and a small gap between the two.
        </p>
        <p>
          Regularisation adds λ·R(w) to the loss to prefer simpler models without taking capacity
          away. L2 (R = Σ w², here on every coefficient but the constant) keeps weights small and
          spread out: raise λ at degree 15 and the wild curve calms down. L1 (Σ |w|) pushes weights
          to exactly 0, a sparse model; the elastic net adds both. Dropout switches off a random
          half (say) of a layer&apos;s units at each training example, so no unit can rely on
          another; early stopping ends training when the validation loss stops improving.
        </p>
        <p className="small muted">
          On the real datasets the Training panel&apos;s L1, L2, dropout and early-stopping
          (patience) controls do the same for a network, and its training-set size control shrinks
          the data until the training and validation curves part. Keep each run in the runs library
          and overlay their curves to compare them.
        </p>
      </section>
    </div>
  );
}
