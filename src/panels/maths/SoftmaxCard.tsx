import type { InspectionData } from '../../core/inspection';
import { softmaxBreakdown, softmaxSums } from '../../core/inspectionMaths';
import { formatNumber } from '../../viz/maths/format';
import { lossTex, softmaxTex } from '../../viz/maths/formulas';
import { Agreement } from './Agreement';
import { Tex } from './Tex';

/** Logits → softmax → cross-entropy for the selected input, and dL/dz = p − y per class. */
export function SoftmaxCard({
  inspection,
  classNames,
}: {
  readonly inspection: InspectionData;
  readonly classNames: readonly string[];
}) {
  const s = softmaxBreakdown(inspection);
  const sums = softmaxSums(s);
  const worst = sums.largestGradientDifference;
  const name = (k: number) => classNames[k] ?? String(k);
  return (
    <section className="card maths-card" aria-labelledby="maths-softmax-title">
      <h2 id="maths-softmax-title">Softmax and cross-entropy</h2>
      <p className="hint">
        The last layer’s values z (the logits) become probabilities p: exponentiate each (after
        subtracting the largest, which changes nothing but avoids overflow) and divide by the sum.
        The target y is one-hot: 1 for the true class {name(s.label)}, 0 elsewhere. The loss is
        minus the log of the probability given to the true class.
      </p>
      <Tex display tex={softmaxTex(s)} testId="softmax-formula" />
      <Tex display tex={lossTex(s)} testId="loss-formula" />
      <div className="table-scroll" tabIndex={0} role="region" aria-label="Softmax table">
        <table className="maths-table" data-testid="softmax-table">
          <caption className="visually-hidden">Softmax, target and gradient for each class</caption>
          <thead>
            <tr>
              <th scope="col">class k</th>
              <th scope="col">logit z_k</th>
              <th scope="col">e^(z_k − m)</th>
              <th scope="col">p_k</th>
              <th scope="col">y_k</th>
              <th scope="col">∂L/∂z_k = p_k − y_k</th>
              <th scope="col">engine’s ∂L/∂z_k</th>
            </tr>
          </thead>
          <tbody>
            {s.rows.map((r, k) => (
              <tr key={k} className={k === s.label ? 'maths-target-row' : undefined}>
                <th scope="row">{name(k)}</th>
                <td>{formatNumber(r.logit)}</td>
                <td>{formatNumber(r.exp)}</td>
                <td data-testid="softmax-p">{formatNumber(r.probability, 6)}</td>
                <td>{r.target}</td>
                <td>{formatNumber(r.gradient)}</td>
                <td>{formatNumber(r.engineGradient)}</td>
              </tr>
            ))}
          </tbody>
          <tfoot>
            <tr>
              <th scope="row">sum</th>
              <td />
              <td>{formatNumber(s.expSum)}</td>
              <td data-testid="softmax-sum">{formatNumber(sums.probabilitySum, 6)}</td>
              <td>1</td>
              <td>{formatNumber(sums.gradientSum)}</td>
              <td />
            </tr>
          </tfoot>
        </table>
      </div>
      <p className="hint">
        Loss for true class <span data-testid="loss-label">{name(s.label)}</span>: p_y ={' '}
        <strong data-testid="loss-py">
          {formatNumber(s.rows[s.label]?.probability ?? NaN, 6)}
        </strong>
        , L = −log p_y = <strong data-testid="loss-value">{formatNumber(s.loss, 6)}</strong>. The
        gradients p − y add up to 0: raising one probability lowers the others.
      </p>
      <Agreement label="Loss L" ours={s.loss} engine={s.engineLoss} testId="loss-check" />
      <p className={worst < 1e-4 ? 'maths-check maths-check-ok' : 'maths-check maths-check-bad'}>
        <span aria-hidden="true">{worst < 1e-4 ? '✓ ' : '✗ '}</span>p − y against backprop’s
        gradient at the logits: largest difference {formatNumber(worst, 2)}.
      </p>
    </section>
  );
}
