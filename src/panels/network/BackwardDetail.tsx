import { ACTIVATION_FACTS, isElementwise } from '../../core/activations';
import type { LayerReport } from '../../core/analyze';
import type { InspectionData, LayerValues } from '../../core/inspection';
import { rangeOf } from '../../core/range';
import { finalActivationOf } from '../../core/reference/network';
import type { PoolOptions } from '../../core/reference/pooling';
import { kernelSlice } from '../../viz/features';
import { formatValue } from '../../viz/network/display';
import {
  maxDifference,
  maxPoolRouting,
  normOf,
  preActivationGradient,
  softmaxGradientRows,
  unitRowsOf,
  unitRowsSize,
} from '../../viz/network/gradients';
import { MapCanvas } from './MapCanvas';
import { TensorView } from './TensorView';
import { ValueLegend } from './ValueLegend';

interface Props {
  readonly layer: LayerReport;
  readonly inspection: InspectionData;
  /** The output of the layer feeding this one (null for the network input). */
  readonly input: LayerValues | null;
}

/** The backward pass inside one layer: ∂L/∂output, the activation's gate, pooling's routing, ∂L/∂W. */
export function BackwardDetail({ layer, inspection, input }: Props) {
  const output = inspection.activations.find((a) => a.layerIndex === layer.index);
  const grad = inspection.outputGradients.find((g) => g.layerIndex === layer.index);
  if (!output || !grad) return <p>The engine did not report this layer’s gradient.</p>;
  const fn = finalActivationOf(layer) ?? 'linear';
  const isLast = layer.index === inspection.activations.length - 1;
  const gated = preActivationGradient(fn, output.data, grad.data);
  const slope = isElementwise(fn) ? ACTIVATION_FACTS[fn].maxSlope : '1';
  const routing =
    layer.type === 'maxpool2d' && input && input.shape.length === 3
      ? maxPoolRouting(input.data, input.shape, grad.data, layer.params as unknown as PoolOptions)
      : null;
  const engineInputGrad = input
    ? inspection.outputGradients.find((g) => g.layerIndex === input.layerIndex)
    : undefined;
  return (
    <div className="side-by-side pass-detail-grid">
      <figure>
        <figcaption>
          {fn === 'softmax' && isLast ? '∂L/∂logits = p − y' : '∂L/∂a, a = the layer’s output'} ·{' '}
          {layer.name}
        </figcaption>
        <TensorView shape={grad.shape} data={grad.data} kind="gradient" label="gradient" zoom={2} />
        {fn === 'softmax' && isLast && <SoftmaxTable inspection={inspection} />}
      </figure>
      {gated && fn !== 'linear' && (
        <figure data-testid="gate">
          <figcaption>∂L/∂z before {ACTIVATION_FACTS[fn].label}</figcaption>
          <TensorView
            shape={grad.shape}
            data={gated.gradient}
            kind="gradient"
            label="gradient before the activation"
            zoom={2}
            mask={fn === 'relu' ? gated.gate.map((g) => 1 - g) : null}
            maskColor="rgba(40, 40, 40, 0.45)"
          />
          <p className="small">
            {fn === 'relu'
              ? `ReLU gates the gradient: ${gated.off.toLocaleString('en-US')} of ${gated.gate.length.toLocaleString('en-US')} units were off (a = 0, outlined in the first channels) and pass back exactly 0; the others pass ∂L/∂a unchanged.`
              : `The ${fn} slope scales every value (by at most ${slope}): ‖∂L/∂z‖ = ${formatValue(normOf(gated.gradient))} against ‖∂L/∂a‖ = ${formatValue(normOf(grad.data))}.`}
          </p>
        </figure>
      )}
      {routing && input && (
        <figure data-testid="routing">
          <figcaption>Max pooling routes ∂L/∂y to the winners</figcaption>
          {(
            [
              [
                input.data,
                'activation',
                'pooling input with each window’s winner outlined',
                '#e69f00',
              ],
              [routing.gradient, 'gradient', 'gradient routed to the pooling input', '#333'],
            ] as const
          ).map(([data, kind, label, maskColor]) => (
            <TensorView
              key={kind}
              shape={input.shape}
              data={data}
              kind={kind}
              label={label}
              zoom={2}
              mask={routing.winner}
              maskColor={maskColor}
            />
          ))}
          <p className="small">
            Top: the pooling input, each window’s largest value outlined. Bottom: ∂L/∂(input) — each
            window’s gradient lands on its winner; every other input gets 0.
            {engineInputGrad
              ? ` Largest difference from the engine’s ∂L/∂(${input.name}): ${formatValue(maxDifference(routing.gradient, engineInputGrad.data))}.`
              : ''}
          </p>
        </figure>
      )}
      <WeightGradient layer={layer} inspection={inspection} />
    </div>
  );
}

function SoftmaxTable({ inspection }: { readonly inspection: InspectionData }) {
  const rows = softmaxGradientRows(inspection.probabilities, inspection.label);
  return (
    <table className="small softmax-table">
      <caption className="muted">p − y for each class (y one-hot at {inspection.label})</caption>
      <thead>
        <tr>
          <th scope="col">class</th>
          <th scope="col">p</th>
          <th scope="col">y</th>
          <th scope="col">p − y</th>
        </tr>
      </thead>
      <tbody>
        {rows.map((row, k) => (
          <tr key={k} className={row.target ? 'selected' : ''}>
            <th scope="row">{k}</th>
            <td>{row.probability.toFixed(3)}</td>
            <td>{row.target}</td>
            <td>{row.gradient.toFixed(3)}</td>
          </tr>
        ))}
      </tbody>
    </table>
  );
}

function WeightGradient({ layer, inspection }: Omit<Props, 'input'>) {
  const w = inspection.weightGradients.find(
    (g) => g.layerIndex === layer.index && g.role === 'kernel',
  );
  if (!w) return null;
  const range = rangeOf(w.data, { symmetric: 'always' });
  const caption = `∂L/∂W of ${layer.name} (${w.shape.join('×')}), ‖∂L/∂W‖ = ${formatValue(normOf(w.data))}`;
  if (w.shape.length === 4) {
    const [kh = 1, kw = 1, , cout = 1] = w.shape;
    return (
      <figure data-testid="weight-gradient">
        <figcaption>{caption}</figcaption>
        <div className="tensor-maps">
          {Array.from({ length: Math.min(cout, 8) }, (_, o) => (
            <MapCanvas
              key={o}
              values={kernelSlice(w.data, w.shape, o, 0)}
              shape={{ height: kh, width: kw, channels: 1 }}
              width={kw * 8}
              range={range}
              diverging
              label={`filter ${o + 1}, input channel 1`}
            />
          ))}
        </div>
        <p className="muted small">First filters, input channel 1; one colour range for all.</p>
        <ValueLegend range={range} diverging />
      </figure>
    );
  }
  const [inputs = 1, outputs = 1] = w.shape;
  const size = unitRowsSize(inputs, outputs);
  return (
    <figure data-testid="weight-gradient">
      <figcaption>{caption}</figcaption>
      <MapCanvas
        values={unitRowsOf(w.data, inputs, outputs)}
        shape={{ height: outputs, width: inputs, channels: 1 }}
        width={size.width}
        height={size.height}
        range={range}
        diverging
        label={`weight gradient, one row per unit of ${layer.name}`}
      />
      <p className="muted small">
        One row per unit: the gradient of its {inputs} incoming weights.
      </p>
      <ValueLegend range={range} diverging />
    </figure>
  );
}
