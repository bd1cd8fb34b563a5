import type { NetworkReport } from '../../core/analyze';
import type { InspectionData } from '../../core/inspection';
import { chainRuleBreakdown } from '../../core/inspectionMaths';
import { formatNumber } from '../../viz/maths/format';
import { hiddenChainTex, outputChainTex, upstreamTex } from '../../viz/maths/formulas';
import { Agreement } from './Agreement';
import type { ChainChoice, ResolvedChain } from './chainChoice';
import { IndexInput } from './IndexInput';
import { Tex } from './Tex';

/** ∂L/∂W_ij as a product of local derivatives, each with its value, against backprop. */
export function ChainRuleCard({
  report,
  inspection,
  chain,
  onChoice,
}: {
  readonly report: NetworkReport;
  readonly inspection: InspectionData;
  readonly chain: ResolvedChain | null;
  readonly onChoice: (c: ChainChoice) => void;
}) {
  if (!chain) {
    return (
      <section className="card maths-card" aria-labelledby="maths-chain-title">
        <h2 id="maths-chain-title">The chain rule for one weight</h2>
        <p>This network has no dense layer to follow the gradient through.</p>
      </section>
    );
  }
  const { ctx, i, j } = chain;
  const c = chainRuleBreakdown(report, inspection, ctx, i, j);
  const nextIsOutput = chain.layers[chain.layers.length - 1] === ctx.layerIndex + 1;
  return (
    <section className="card maths-card" aria-labelledby="maths-chain-title">
      <h2 id="maths-chain-title">The chain rule for one weight</h2>
      <div className="toolbar-row">
        <label className="stacked">
          Layer
          <select
            value={ctx.layerIndex}
            onChange={(e) => onChoice({ layerIndex: Number(e.target.value), i: null, j: null })}
          >
            {chain.layers.map((l) => (
              <option key={l} value={l}>
                {report.layers[l]?.name ?? l}
                {l === chain.layers[chain.layers.length - 1] ? ' (output)' : ' (hidden)'}
              </option>
            ))}
          </select>
        </label>
        <IndexInput
          label="Input i"
          value={i}
          count={ctx.inputs}
          onChange={(v) => onChoice({ layerIndex: ctx.layerIndex, i: v, j })}
        />
        <IndexInput
          label="Unit j"
          value={j}
          count={ctx.units}
          onChange={(v) => onChoice({ layerIndex: ctx.layerIndex, i, j: v })}
        />
      </div>
      {ctx.isLast ? (
        <>
          <p className="hint">
            W
            <sub>
              {i},{j}
            </sub>{' '}
            connects input {i} (h<sub>{i}</sub> = {formatNumber(c.input)}) to output {j}. The
            softmax and the cross-entropy together have the simple derivative p<sub>j</sub> − y
            <sub>j</sub> with respect to z<sub>j</sub>, and z<sub>j</sub> changes by h<sub>i</sub>{' '}
            per unit of the weight.
          </p>
          <Tex display tex={outputChainTex(c)} testId="chain-formula" />
        </>
      ) : (
        <>
          <p className="hint">
            For a hidden weight the gradient first arrives at the unit’s output h<sub>j</sub> from
            every unit of the next layer, then passes back through the activation’s slope, then
            multiplies the input x<sub>i</sub> the weight saw.
          </p>
          <Tex display tex={upstreamTex(c, nextIsOutput)} testId="chain-upstream" />
          <Agreement
            label={`∂L/∂h_${j}`}
            ours={c.upstreamFromNext ?? NaN}
            engine={c.upstream}
            testId="chain-upstream-check"
          />
          <Tex display tex={hiddenChainTex(c, ctx.activation)} testId="chain-formula" />
          {ctx.activation === 'relu' && (
            <p className="hint" data-testid="chain-gate">
              {c.derivative > 0
                ? `z_${j} = ${formatNumber(c.preActivation)} > 0: ReLU’s slope is 1 and the gradient passes.`
                : `z_${j} = ${formatNumber(c.preActivation)} ≤ 0: ReLU’s slope is 0, the unit was off, and no gradient reaches this weight.`}
            </p>
          )}
        </>
      )}
      <Agreement
        label={`∂L/∂W_${i},${j}`}
        ours={c.product}
        engine={c.engineGradient}
        tolerance={1e-3}
        testId="chain-check"
      />
    </section>
  );
}
