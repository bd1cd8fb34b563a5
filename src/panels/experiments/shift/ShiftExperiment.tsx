import { useMemo, useState } from 'react';
import { MAX_SHIFT, SHIFT_LIMITS, type ShiftDirection } from '../../../core/shiftInvariance';
import { imageAt } from '../../../data/types';
import { useLabStore } from '../../../state/store';
import { NumberField, RangeField } from '../../shared/NumberField';
import { RadioField } from '../../shared/RadioField';
import { ShiftChart, ShiftTable } from './ShiftChart';
import { ShiftExample } from './ShiftExample';
import { ShiftProgress, useShiftRun } from './ShiftRun';
import {
  DEFAULT_STEPS,
  DEFAULT_TEST_IMAGES,
  DIRECTION_CHOICES,
  DIRECTION_WORDS,
  percent,
} from './shiftSettings';
import './shift.css';

const clamp = (v: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, Math.round(v)));

/**
 * Shift invariance (curriculum row 18): an MLP and a CNN trained on centred MNIST digits in
 * the worker, in sessions of their own, then tested on test digits moved 0 to 8 pixels.
 * The person's own run is never touched.
 */
export function ShiftExperiment() {
  const port = useLabStore((s) => s.experimentPorts);
  const seed = useLabStore((s) => s.seed);
  const mnist = useLabStore((s) => s.datasetStatus.mnist);
  const [steps, setSteps] = useState(DEFAULT_STEPS);
  const [testCount, setTestCount] = useState(DEFAULT_TEST_IMAGES);
  const [direction, setDirection] = useState<ShiftDirection>('right');
  const [selected, setSelected] = useState(4);
  const { status, problem, outcome, start, cancel } = useShiftRun(port);
  const busy = status.state === 'running';
  // The chart and the example follow the finished run's direction, not the control's.
  const shownDirection = outcome?.request.direction ?? direction;
  const maxShift = outcome?.request.maxShift ?? MAX_SHIFT;
  const example = useMemo(() => {
    if (outcome) return outcome.example;
    if (mnist?.state !== 'ready' || mnist.data.test.count === 0) return null;
    const test = mnist.data.test;
    return {
      pixels: imageAt(test, 0),
      height: test.height,
      width: test.width,
      label: test.labels[0] ?? 0,
    };
  }, [outcome, mnist]);
  const at = (network: string) =>
    outcome?.results.find((r) => r.network === network)?.accuracy[selected] ?? null;
  const mlpAt = at('mlp');
  const cnnAt = at('lenet5');

  return (
    <div className="shift-experiment">
      <div className="card shift-controls" role="group" aria-label="Shift experiment settings">
        <NumberField
          label="Training steps per network"
          value={steps}
          min={SHIFT_LIMITS.steps.min}
          max={SHIFT_LIMITS.steps.max}
          step={50}
          onChange={(v) => setSteps(clamp(v, SHIFT_LIMITS.steps.min, SHIFT_LIMITS.steps.max))}
          testId="shift-steps"
        />
        <NumberField
          label="Test digits"
          value={testCount}
          min={SHIFT_LIMITS.testCount.min}
          max={SHIFT_LIMITS.testCount.max}
          step={100}
          onChange={(v) =>
            setTestCount(clamp(v, SHIFT_LIMITS.testCount.min, SHIFT_LIMITS.testCount.max))
          }
        />
        <RadioField
          legend="Shift the test digits"
          name="shift-direction"
          value={direction}
          choices={DIRECTION_CHOICES}
          onChange={setDirection}
        />
        <button
          type="button"
          onClick={() => start({ seed, steps, testCount, direction, maxShift: MAX_SHIFT })}
          disabled={!port || busy}
          data-testid="shift-run"
        >
          {outcome ? 'Run again' : 'Train both and test'}
        </button>
        <button type="button" onClick={cancel} disabled={!busy} data-testid="shift-cancel">
          Cancel
        </button>
      </div>
      <p className="small muted">
        Both networks learn from the same centred MNIST digits in the same order (seed {seed}), with
        Adam at 0.001 and batches of 32, in the engine beside your own run, which is left as it is.
        Then the first test digits are moved by 0 to {MAX_SHIFT} pixels, the strip they leave filled
        with black, and each network is tested at every shift.
      </p>
      {status.state === 'running' && <ShiftProgress status={status} steps={steps} />}
      {status.state === 'stopped' && <p role="alert">{status.message}</p>}
      {problem && <p role="alert">{problem}</p>}
      <section className="card panel-main-figure" aria-labelledby="shift-heading">
        <h2 id="shift-heading">Test accuracy against shift</h2>
        <div className="shift-figure">
          <div className="shift-chart-box">
            {outcome ? (
              <ShiftChart outcome={outcome} selected={selected} />
            ) : (
              <p className="shift-empty">
                {busy
                  ? 'The chart appears when both networks are trained and tested.'
                  : 'Train both networks to see how their accuracy falls as the digits move.'}
              </p>
            )}
          </div>
          <div className="shift-side">
            <RangeField
              label="Selected shift (pixels)"
              value={selected}
              min={0}
              max={maxShift}
              step={1}
              onChange={(v) => setSelected(clamp(v, 0, maxShift))}
              testId="shift-selected"
            >
              <output>{selected} px</output>
            </RangeField>
            {example && (
              <ShiftExample
                example={example}
                direction={shownDirection}
                shift={selected}
                outcome={outcome}
              />
            )}
            {mlpAt !== null && cnnAt !== null && (
              <p className="shift-verdict" data-testid="shift-verdict">
                At {selected} px {DIRECTION_WORDS[shownDirection]}: MLP {percent(mlpAt)}, CNN{' '}
                {percent(cnnAt)}.
              </p>
            )}
          </div>
        </div>
        {outcome && <ShiftTable outcome={outcome} selected={selected} />}
      </section>
      <section className="card shift-notes" aria-labelledby="shift-notes-heading">
        <h2 id="shift-notes-heading">Why the CNN copes better</h2>
        <p>
          The MLP flattens the digit into 784 numbers and gives every pixel position its own weights
          in every hidden unit. What it learnt about a stroke at one place says nothing about the
          same stroke two pixels over: a moved digit lights up inputs whose weights were tuned to
          background, and its accuracy drops fast towards chance.
        </p>
        <p>
          A convolution slides one small set of weights over the whole image (weight sharing), so
          the same detector answers a stroke wherever it is, and its feature map moves with the
          digit instead of changing. Max pooling then keeps the strongest answer in each window, so
          a move smaller than the window barely changes what the next layer sees; LeNet-5 pools
          twice by 2, and stacking conv and pooling stages makes the higher features more global and
          more tolerant of position.
        </p>
        <p className="small muted">
          The CNN is not fully shift-invariant: convolution is equivariant (the map moves with the
          input), pooling forgives only small moves, and the dense layers at the end are tied to
          positions again. So its accuracy falls too, more slowly; larger shifts need data
          augmentation (curriculum row 13) or global pooling.
        </p>
      </section>
    </div>
  );
}
