import { convCostsOf, type ConvGeometry, type ConvHyper } from '../../viz/convolution/convSteps';
import { formatCount } from '../../viz/convolution/format';
import { outputSizeTextOf } from '../../viz/convolution/outputSize';

/** The output-size formula with the current numbers, the output shape, and the layer's cost. */
export function OutputSizeBox({
  hyper,
  geometry,
}: {
  readonly hyper: ConvHyper;
  readonly geometry: ConvGeometry;
}) {
  const { inputSize: W, kernelSize: F, channels: C, filters: K } = hyper;
  if (!geometry.ok) {
    return (
      <div className="formula-box" data-testid="conv-formula">
        <p>
          Output size = (W − F + 2P)/S + 1 ={' '}
          <strong className="error-text">no output: the kernel does not fit.</strong>
        </p>
        <p role="alert" className="error-text" data-testid="conv-error">
          {geometry.message}
        </p>
      </div>
    );
  }
  const text = outputSizeTextOf(hyper, geometry);
  const { out } = geometry;
  const costs = convCostsOf(hyper, out);
  const plainCost = hyper.stride === 1 && hyper.padding === 0 && hyper.dilation === 1;
  return (
    <div className="formula-box" data-testid="conv-formula">
      {text.dilatedKernel && (
        <p>
          With dilation the kernel spans <code>{text.dilatedKernel}</code> cells, and this span
          takes the place of F in the formula.
        </p>
      )}
      <p className="formula-line">
        Output size = (W − F + 2P)/S + 1 ={' '}
        <code data-testid="conv-formula-numbers">{text.formula}</code>
        {!text.tiles && (
          <>
            {' '}
            → <strong>{out}</strong>
          </>
        )}
      </p>
      <p>
        {W}×{W}×{C} input → <strong data-testid="conv-output-size">{`${out}×${out}`}</strong>×{K}{' '}
        output ({K} filter{K > 1 ? 's' : ''}, one map each).
      </p>
      {text.notes.length > 0 && (
        <div className="tiling-note" role="note" data-testid="conv-tiling-note">
          {text.notes.map((note) => (
            <p key={note}>{note}</p>
          ))}
        </div>
      )}
      <dl className="cost-list">
        <div>
          <dt>Parameters</dt>
          <dd data-testid="conv-params">
            F·F·C·K + K = {F}·{F}·{C}·{K} + {K} = <strong>{formatCount(costs.params)}</strong>
          </dd>
        </div>
        <div>
          <dt>Multiply-accumulates</dt>
          <dd data-testid="conv-macs">
            out²·F·F·C·K = {out}²·{F}·{F}·{C}·{K} = <strong>{formatCount(costs.macs)}</strong>
            {plainCost && (
              <span className="muted">
                {' '}
                (the decks’ M·K·K·N·(D − K + 1)² with M = {C} input and N = {K} output maps)
              </span>
            )}
          </dd>
        </div>
      </dl>
    </div>
  );
}
