import { useEffect, useState } from 'react';
import type { NetworkReport } from '../../core/analyze';
import { messageOf } from '../../core/errors';
import type { InspectionData } from '../../core/inspection';
import { isZeroGradientCheck } from '../../core/inspectionMaths';
import { useLabStore } from '../../state/store';
import type { GradientCheckResult } from '../../state/trainingSlice';
import { formatNumber, texNumber } from '../../viz/maths/format';
import { finiteDifferenceTex, relativeErrorTex } from '../../viz/maths/formulas';
import type { ResolvedChain } from './chainChoice';
import { choicesOf } from '../shared/choices';
import { SelectField } from '../shared/SelectField';
import { IndexInput } from './IndexInput';
import { layerChoicesOf } from './layerChoices';
import { Tex } from './Tex';
import {
  gradientCheckPatch,
  gradientCheckReportOf,
  watchGradientCheckBasis,
} from './gradientCheckReport';

// From the first time the card's code loads, a new network, dataset or seed clears the
// figures it reported, even while the maths panel is closed.
watchGradientCheckBasis(useLabStore);

const EPSILONS = [1e-1, 1e-2, 1e-3, 1e-4] as const;
const ROLES = ['kernel', 'bias'] as const;
type Role = (typeof ROLES)[number];

interface WeightChoice {
  readonly layerIndex: number;
  readonly role: Role;
  readonly index: number;
}

type Outcome =
  | { readonly state: 'idle' }
  | { readonly state: 'running' }
  | { readonly state: 'done'; readonly result: GradientCheckResult; readonly step: number }
  | { readonly state: 'failed'; readonly message: string };

/** Nudges one weight by ±ε in the engine and compares the loss's slope with backprop's. */
export function GradientCheckCard({
  report,
  inspection,
  chain,
}: {
  readonly report: NetworkReport;
  readonly inspection: InspectionData;
  readonly chain: ResolvedChain | null;
}) {
  const probes = useLabStore((s) => s.probes);
  const fromChain = (): WeightChoice | null =>
    chain ? { layerIndex: chain.ctx.layerIndex, role: 'kernel', index: chain.index } : null;
  const trainable = inspection.weightGradients.filter(
    (w): w is typeof w & { role: Role } => w.role === 'kernel' || w.role === 'bias',
  );
  const first = trainable[0];
  const [choice, setChoice] = useState<WeightChoice>(
    () => fromChain() ?? { layerIndex: first?.layerIndex ?? 0, role: 'kernel', index: 0 },
  );
  const [epsilon, setEpsilon] = useState<number>(1e-2);
  const [outcome, setOutcome] = useState<Outcome>({ state: 'idle' });
  const layers = [...new Set(trainable.map((w) => w.layerIndex))];
  const tensor = trainable.find(
    (w) => w.layerIndex === choice.layerIndex && w.role === choice.role,
  );
  const size = tensor?.data.length ?? 0;
  const update = (c: WeightChoice) => {
    setChoice(c);
    setOutcome({ state: 'idle' });
  };
  const run = () => {
    if (!probes || !tensor) return;
    setOutcome({ state: 'running' });
    const step = inspection.step;
    probes
      .gradientCheck({ ...choice, index: Math.min(choice.index, size - 1) }, epsilon)
      .then((result) =>
        setOutcome(
          result
            ? { state: 'done', result, step }
            : { state: 'failed', message: 'There is no selected input yet.' },
        ),
      )
      .catch((e: unknown) => setOutcome({ state: 'failed', message: messageOf(e) }));
  };
  const r = outcome.state === 'done' ? outcome.result : null;
  // "Check my lab" reads the check shown here, and none while another weight or ε is picked.
  useEffect(() => {
    const store = useLabStore.getState();
    const patch = gradientCheckPatch(store.panelReports, gradientCheckReportOf(r));
    if (patch) store.reportFromPanel(patch);
  }, [r]);
  const zeroGradient = r !== null && isZeroGradientCheck(r);
  return (
    <section className="card maths-card" aria-labelledby="maths-check-title">
      <h2 id="maths-check-title">The gradient check</h2>
      <p className="hint">
        Backprop’s gradient can be checked without any calculus: move one weight a little up and a
        little down, measure the loss each time, and divide the change by the distance moved. The
        engine does this on the selected input with dropout off, then puts the weight back.
      </p>
      <div className="toolbar-row">
        <SelectField
          label="Layer"
          value={choice.layerIndex}
          choices={layerChoicesOf(report, layers)}
          onChange={(layerIndex) => update({ ...choice, layerIndex, index: 0 })}
        />
        <SelectField
          label="Weight"
          value={choice.role}
          choices={choicesOf(ROLES)}
          onChange={(role) => update({ ...choice, role, index: 0 })}
        />
        <IndexInput
          label="Index"
          value={choice.index}
          count={size}
          onChange={(index) => update({ ...choice, index })}
        />
        <SelectField
          label="ε"
          value={epsilon}
          choices={choicesOf(EPSILONS, (e) => formatNumber(e))}
          onChange={(e) => {
            setEpsilon(e);
            setOutcome({ state: 'idle' });
          }}
        />
        <button
          type="button"
          onClick={() => {
            const c = fromChain();
            if (c) update(c);
          }}
          disabled={!chain}
        >
          Take the chain rule’s weight
        </button>
        <button
          type="button"
          onClick={run}
          disabled={!probes || !tensor || outcome.state === 'running'}
        >
          Run the check
        </button>
      </div>
      {!tensor && <p className="error-text">That layer has no {choice.role}.</p>}
      <div aria-live="polite" data-testid="gradient-check-result">
        {outcome.state === 'running' && <p className="muted">Nudging the weight…</p>}
        {outcome.state === 'failed' && <p className="error-text">{outcome.message}</p>}
        {r && outcome.state === 'done' && (
          <>
            <p className="hint">
              Weight w = {formatNumber(r.weight, 6)} (training step {outcome.step}), ε ={' '}
              {formatNumber(r.epsilon)}.
            </p>
            <Tex
              display
              tex={`L(w) = ${texNumber(r.loss, 7)},\\quad L(w+\\varepsilon) = ${texNumber(r.lossPlus, 7)},\\quad L(w-\\varepsilon) = ${texNumber(r.lossMinus, 7)}`}
              testId="check-losses"
            />
            <Tex display tex={finiteDifferenceTex(r)} testId="check-numerical" />
            <p>
              Backprop’s gradient:{' '}
              <strong data-testid="check-backprop">{formatNumber(r.backprop, 6)}</strong>; finite
              difference:{' '}
              <strong data-testid="check-numerical-value">{formatNumber(r.numerical, 6)}</strong>
            </p>
            <Tex display tex={relativeErrorTex(r)} />
            <p
              className={
                r.relativeError < 1e-3 || zeroGradient
                  ? 'maths-check maths-check-ok'
                  : 'maths-check maths-check-bad'
              }
            >
              Relative error:{' '}
              <strong data-testid="check-relative-error">{formatNumber(r.relativeError, 3)}</strong>
              {zeroGradient
                ? ' — both are 0: this weight does not affect the loss for this input (a ReLU was off, or its input was 0).'
                : r.relativeError < 1e-3
                  ? ' — below 1e-3: backprop is right.'
                  : ' — above 1e-3. With 32-bit floats a very small ε loses digits to rounding, and a large one to curvature; try another ε.'}
            </p>
          </>
        )}
      </div>
    </section>
  );
}
