import type { RefTensor } from '../../core/reference';
import type { ConvHyper, ConvStep, StepDetail } from '../../viz/convolution/convSteps';
import { formatCell } from '../../viz/convolution/format';
import { cellSizeFor, GridFigures } from './NumberGrid';

const signed = (v: number) => (v < 0 ? `(${formatCell(v)})` : formatCell(v));

/** The element-wise products of the window and the kernel, their sums, the bias and the result. */
export function StepArithmetic({
  hyper,
  step,
  detail,
}: {
  readonly hyper: ConvHyper;
  readonly step: ConvStep;
  readonly detail: StepDetail;
}) {
  const F = hyper.kernelSize;
  // Roomier than the other grids: each cell also shows its two factors.
  const size = cellSizeFor(F) + 16;
  const where = `row ${step.oy + 1}, column ${step.ox + 1}`;
  return (
    <div className="step-arithmetic">
      <div className="conv-row">
        <GridFigures
          count={detail.products.length}
          side={F}
          cellSize={size}
          testId="conv-products"
          className="product-grid"
          label={(c) =>
            `Products of window and weights${hyper.channels > 1 ? `, channel ${c + 1}` : ''}.`
          }
          cell={(c, i, j) => {
            const k = i * F + j;
            const x = detail.inputs[c]?.[k] ?? 0;
            const w = detail.weights[c]?.[k] ?? 0;
            const p = detail.products[c]?.[k] ?? 0;
            return {
              text: formatCell(p),
              value: p,
              detail: `${formatCell(x)}·${signed(w)}`,
              className: detail.taps[k]?.isPadding ? 'pad' : '',
            };
          }}
          caption={(c) => (
            <>
              {hyper.channels > 1 ? `Channel ${c + 1}: ` : ''}sum ={' '}
              <strong>{formatCell(detail.channelSums[c] ?? 0)}</strong>
            </>
          )}
        />
      </div>
      <p className="step-equation" aria-live="polite" data-testid="conv-equation">
        Filter {step.filter + 1}, output {where}:{' '}
        {hyper.channels > 1 && (
          <>
            {detail.channelSums.map(signed).join(' + ')}{' '}
            <span className="muted">(channels)</span>{' '}
          </>
        )}
        {hyper.channels === 1 && <>{signed(detail.channelSums[0] ?? 0)} </>}+ {signed(detail.bias)}{' '}
        <span className="muted">(bias)</span> ={' '}
        <strong data-testid="conv-step-total" data-value={detail.total}>
          {formatCell(detail.total)}
        </strong>
      </p>
    </div>
  );
}

/**
 * A 1×1 convolution at the current position: the C channel values there times a K×C weight
 * matrix, plus the biases, give the K output channels: a small dense layer applied at every pixel.
 */
export function ChannelMix({
  hyper,
  input,
  kernel,
  bias,
  output,
  step,
  out,
}: {
  readonly hyper: ConvHyper;
  readonly input: RefTensor;
  readonly kernel: RefTensor;
  readonly bias: ArrayLike<number>;
  readonly output: RefTensor;
  readonly step: ConvStep;
  readonly out: number;
}) {
  const { channels: C, filters: K } = hyper;
  const iy = step.oy * hyper.stride - hyper.padding;
  const ix = step.ox * hyper.stride - hyper.padding;
  const inside = iy >= 0 && ix >= 0 && iy < hyper.inputSize && ix < hyper.inputSize;
  const x = Array.from({ length: C }, (_, c) =>
    inside ? (input.data[(iy * hyper.inputSize + ix) * C + c] ?? 0) : 0,
  );
  return (
    <section className="channel-mix" aria-labelledby="channel-mix-heading">
      <h3 id="channel-mix-heading">A 1×1 convolution mixes channels</h3>
      <p className="small">
        At each position the {C} channel value{C > 1 ? 's' : ''} are multiplied by a {K}×{C} weight
        matrix: every output channel is a weighted mix of the input channels at the same pixel,
        nothing from its neighbours. Here, at row {step.oy + 1}, column {step.ox + 1}:
      </p>
      <table className="mix-table">
        <thead>
          <tr>
            <th scope="col">Output channel</th>
            {x.map((v, c) => (
              <th key={c} scope="col">
                channel {c + 1}: w × x<sub>{c + 1}</sub>, x<sub>{c + 1}</sub> = {formatCell(v)}
              </th>
            ))}
            <th scope="col">+ bias</th>
            <th scope="col">= output</th>
          </tr>
        </thead>
        <tbody>
          {Array.from({ length: K }, (_, f) => (
            <tr key={f} className={f === step.filter ? 'current' : ''}>
              <th scope="row">filter {f + 1}</th>
              {x.map((v, c) => {
                const w = kernel.data[c * K + f] ?? 0;
                return (
                  <td key={c}>
                    {formatCell(w)} × {formatCell(v)}
                  </td>
                );
              })}
              <td>{formatCell(bias[f] ?? 0)}</td>
              <td>
                <strong>{formatCell(output.data[(step.oy * out + step.ox) * K + f] ?? 0)}</strong>
              </td>
            </tr>
          ))}
        </tbody>
      </table>
    </section>
  );
}
